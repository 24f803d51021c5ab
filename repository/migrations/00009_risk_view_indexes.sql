-- +goose Up
-- The risk views (repository/stakeholders.go) read their first page in their own order:
-- open gates by due date (then the people linked to each), overdue next steps by due date.
-- With these indexes a page costs about its own rows, whatever the number of deals.
CREATE INDEX milestones_open_gates_due_idx ON milestones (planned_due, id)
    WHERE gate AND status NOT IN ('done', 'skipped');
CREATE INDEX stakeholders_next_step_due_idx ON stakeholders (next_step_due, id)
    WHERE next_step <> '' AND next_step_due IS NOT NULL;

-- +goose Down
DROP INDEX stakeholders_next_step_due_idx;
DROP INDEX milestones_open_gates_due_idx;
