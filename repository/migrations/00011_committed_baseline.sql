-- +goose Up
-- Slippage is measured against a deal's committed baseline: the first one taken (the
-- kick-off plan) unless the PMO marks another as committed, with a reason (issue 13).
-- At most one per deal; the plan, boards and confidence inputs join it directly.
ALTER TABLE baselines
    ADD COLUMN committed boolean NOT NULL DEFAULT false,
    ADD COLUMN committed_reason text NOT NULL DEFAULT '',
    ADD CONSTRAINT limit_committed_reason CHECK (char_length(committed_reason) <= 2000);

UPDATE baselines SET committed = true
WHERE id IN (SELECT DISTINCT ON (deal_id) id FROM baselines ORDER BY deal_id, taken_at, id);

CREATE UNIQUE INDEX baselines_committed_idx ON baselines (deal_id) WHERE committed;

-- +goose Down
DROP INDEX baselines_committed_idx;
ALTER TABLE baselines
    DROP CONSTRAINT limit_committed_reason,
    DROP COLUMN committed_reason,
    DROP COLUMN committed;
