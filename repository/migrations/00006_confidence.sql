-- +goose Up
-- Deal confidence (issue 10).

-- The PMO's judgement beside the model (PATCH /deals/{id}).
ALTER TABLE deals
    ADD COLUMN forecast_category text NOT NULL DEFAULT 'pipeline'
        CHECK (forecast_category IN ('commit', 'best_case', 'pipeline', 'omitted')),
    ADD COLUMN manual_probability double precision
        CONSTRAINT limit_manual_probability CHECK (manual_probability BETWEEN 0 AND 1),
    ADD COLUMN judgement_note text NOT NULL DEFAULT ''
        CONSTRAINT limit_judgement_note CHECK (char_length(judgement_note) <= 2000);

-- A template's overrides of the model's defaults, by parameter name
-- (domain/confidence Parameters); {} keeps every default.
ALTER TABLE templates
    ADD COLUMN confidence_params jsonb NOT NULL DEFAULT '{}'::jsonb
        CHECK (jsonb_typeof(confidence_params) = 'object');

-- Each deal's current p_win and its explanation, as of the day they were computed for.
-- Recomputed in the transaction of any change that affects them and once a day for
-- what time alone changes (staleness, overdue dates).
CREATE TABLE deal_confidence (
    deal_id        uuid PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,
    as_of          date NOT NULL,
    base           double precision NOT NULL,
    p_win          double precision NOT NULL CHECK (p_win BETWEEN 0 AND 1),
    expected_close date,
    close_p80      date,
    factors        jsonb NOT NULL DEFAULT '[]'::jsonb,
    computed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deal_confidence_as_of_idx ON deal_confidence (as_of, deal_id);

-- The same figures per period of a window around the day they were computed for
-- (fiscal quarters and months, named as in the API: 2026-Q4, 2026-11), so that deal
-- lists can sort and filter by confidence in SQL.
CREATE TABLE deal_forecasts (
    deal_id     uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    period      text NOT NULL,
    period_from date NOT NULL,
    period_to   date NOT NULL, -- exclusive
    p_in_period double precision NOT NULL CHECK (p_in_period BETWEEN 0 AND 1),
    confidence  double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    PRIMARY KEY (deal_id, period)
);
CREATE INDEX deal_forecasts_period_confidence_idx ON deal_forecasts (period, confidence, deal_id);

-- +goose Down
DROP TABLE deal_forecasts;
DROP TABLE deal_confidence;
ALTER TABLE templates DROP COLUMN confidence_params;
ALTER TABLE deals DROP COLUMN judgement_note, DROP COLUMN manual_probability, DROP COLUMN forecast_category;
