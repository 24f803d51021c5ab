-- +goose Up
-- The gates view walks open gates by due date and keeps those of open deals. Gates left
-- open on won, lost or abandoned deals are walked too (about 1,000 before a first page
-- at 10,000 deals), so the index carries what the walk reads of each gate (its deal, to
-- test the deal's status, and its name): the walk reads the index alone, not the table.
DROP INDEX milestones_open_gates_due_idx;
CREATE INDEX milestones_open_gates_due_idx ON milestones (planned_due, id) INCLUDE (deal_id, name)
    WHERE gate AND status NOT IN ('done', 'skipped');

-- +goose Down
DROP INDEX milestones_open_gates_due_idx;
CREATE INDEX milestones_open_gates_due_idx ON milestones (planned_due, id)
    WHERE gate AND status NOT IN ('done', 'skipped');
