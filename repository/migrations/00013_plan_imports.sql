-- +goose Up
-- The latest plan import of each deal, kept so it can be undone: the plan before it (its
-- milestones as JSON, and the baseline dates of the ones it removed), the plan's stamp
-- and the deal's version right after it. Saving an import deletes the deal's earlier one.
CREATE TABLE plan_imports (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id          uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    actor_id         uuid REFERENCES users (id) ON DELETE SET NULL,
    at               timestamptz NOT NULL DEFAULT now(),
    mode             text NOT NULL CHECK (mode IN ('merge', 'replace')),
    summary          jsonb NOT NULL,
    before_plan      jsonb NOT NULL,
    before_baselines jsonb NOT NULL,
    after_stamp      text NOT NULL,
    deal_version     integer NOT NULL,
    undone_at        timestamptz
);
CREATE INDEX plan_imports_deal_idx ON plan_imports (deal_id);

-- +goose Down
DROP TABLE plan_imports;
