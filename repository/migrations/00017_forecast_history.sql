-- +goose Up
-- Forecast history (issue 14): daily snapshots of each open deal's confidence and of each
-- scope's roll-up, and the organisation's fitted confidence models.

-- One row per day a snapshot was taken. Its primary key is what makes the day's job
-- run once: an instance inserts the day's row (ON CONFLICT DO NOTHING) in the same
-- transaction as the day's deal and scope rows, under the daily job's advisory lock.
CREATE TABLE forecast_snapshots (
    day           date PRIMARY KEY,
    taken_at      timestamptz NOT NULL DEFAULT now(),
    -- the confidence model in force that day (confidence_models.version; 0: the defaults)
    model_version integer NOT NULL DEFAULT 0,
    open_deals    integer NOT NULL DEFAULT 0 CHECK (open_deals >= 0),
    -- true for snapshots the demo simulated (summit seed --demo), never for real ones
    simulated     boolean NOT NULL DEFAULT false
);

-- Each deal open on that day, as the confidence engine saw it: p_win with its factors
-- (deal_confidence's form) and, per period of the window, p_in_period and confidence
-- as {"2026-Q4": [p_in_period, confidence], ...}. Amount and team as they were, so that
-- "what changed" can put a deal back as it was.
CREATE TABLE deal_snapshots (
    day                date NOT NULL REFERENCES forecast_snapshots (day) ON DELETE CASCADE,
    deal_id            uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    team_id            uuid NOT NULL,
    amount_minor       bigint NOT NULL,
    currency           text NOT NULL,
    target_close_date  date NOT NULL,
    forecast_category  text NOT NULL,
    manual_probability double precision,
    base               double precision NOT NULL,
    p_win              double precision NOT NULL CHECK (p_win BETWEEN 0 AND 1),
    expected_close     date,
    close_p80          date,
    factors            jsonb NOT NULL DEFAULT '[]'::jsonb,
    periods            jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(periods) = 'object'),
    PRIMARY KEY (day, deal_id)
);
CREATE INDEX deal_snapshots_deal_idx ON deal_snapshots (deal_id, day);

-- Each scope's roll-up on that day for each period of the window: the company (team_id
-- NULL) and every team with its sub-teams, over all of the scope's deals, in the
-- reporting currency of that day.
CREATE TABLE scope_snapshots (
    day                   date NOT NULL REFERENCES forecast_snapshots (day) ON DELETE CASCADE,
    team_id               uuid REFERENCES teams (id) ON DELETE CASCADE,
    period                text NOT NULL,
    basis                 text NOT NULL CHECK (basis IN ('model', 'judgement')),
    currency              text NOT NULL,
    target_minor          bigint,
    won_minor             bigint NOT NULL,
    expected_minor        bigint NOT NULL,
    p10_minor             bigint NOT NULL,
    p50_minor             bigint NOT NULL,
    p90_minor             bigint NOT NULL,
    probability_of_target double precision CHECK (probability_of_target BETWEEN 0 AND 1),
    open_deals            integer NOT NULL
);
CREATE UNIQUE INDEX scope_snapshots_key
    ON scope_snapshots (COALESCE(team_id, '00000000-0000-0000-0000-000000000000'::uuid), period, basis, day);

-- The organisation's confidence models: version 1, 2, ... each a set of parameter
-- overrides (domain/confidence Parameters, as templates.confidence_params) fitted to its
-- own closed deals, with the figures it was fitted and tested on. At most one is adopted
-- (in force between the defaults and each template's overrides); none adopted means the
-- defaults. Adopting and reverting are audited.
CREATE TABLE confidence_models (
    version        integer PRIMARY KEY,
    params         jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
    fitted_at      timestamptz NOT NULL DEFAULT now(),
    fitted_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    -- what the fit saw and measured: counts, lambda, held-out Brier scores, ...
    report         jsonb NOT NULL DEFAULT '{}'::jsonb,
    adopted        boolean NOT NULL DEFAULT false,
    adopted_at     timestamptz,
    adopted_by     uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX confidence_models_one_adopted ON confidence_models (adopted) WHERE adopted;

-- +goose Down
DROP TABLE confidence_models;
DROP TABLE scope_snapshots;
DROP TABLE deal_snapshots;
DROP TABLE forecast_snapshots;
