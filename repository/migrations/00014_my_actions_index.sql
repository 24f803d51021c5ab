-- +goose Up
-- My actions (repository/my_actions.go) reads the next steps a user owns: one index lookup
-- by owner instead of a scan of every stakeholder. Retrospective actions already have
-- retrospective_actions_owner_idx.
CREATE INDEX stakeholders_owner_next_step_idx ON stakeholders (owner_id, next_step_due) WHERE next_step <> '';

-- +goose Down
DROP INDEX stakeholders_owner_next_step_idx;
