-- +goose Up
-- The confidence engine's inputs (repository/forecasts.go, Inputs) read each deal's
-- retrospective actions through its retrospectives in one statement: one index lookup per
-- retrospective rather than a scan of every action. The foreign key's cascade uses it too.
CREATE INDEX retrospective_actions_retrospective_idx ON retrospective_actions (retrospective_id, due_on);

-- +goose Down
DROP INDEX retrospective_actions_retrospective_idx;
