-- +goose Up
-- Targets, FX rates and the installation's settings (issue 11).

-- One row: the reporting currency of targets and boards, and the month the fiscal year
-- starts in (periods such as 2026-Q4 are named by it). Written on first use with the
-- defaults (CNY, SUMMIT_FISCAL_YEAR_START_MONTH), then changed through PATCH /settings.
CREATE TABLE settings (
    id                      boolean PRIMARY KEY DEFAULT true CHECK (id),
    reporting_currency      text NOT NULL CHECK (reporting_currency ~ '^[A-Z]{3}$'),
    fiscal_year_start_month integer NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- A revenue target per period (a fiscal quarter 2026-Q4 or a month 2026-11) and scope:
-- a team of the tree, or the company (team_id NULL). One per period and scope.
CREATE TABLE targets (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    period       text NOT NULL CHECK (period ~ '^[0-9]{4}-(Q[1-4]|(0[1-9]|1[0-2]))$'),
    team_id      uuid REFERENCES teams (id) ON DELETE RESTRICT,
    amount_minor bigint NOT NULL
        CONSTRAINT limit_amount_minor CHECK (amount_minor BETWEEN 0 AND 999999999999999),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX targets_period_scope_key
    ON targets (period, COALESCE(team_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX targets_team_idx ON targets (team_id, period);

-- Units of the reporting currency per unit of currency, for one period.
CREATE TABLE fx_rates (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    period     text NOT NULL CHECK (period ~ '^[0-9]{4}-(Q[1-4]|(0[1-9]|1[0-2]))$'),
    currency   text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    rate       numeric(20, 10) NOT NULL
        CONSTRAINT limit_rate CHECK (rate > 0 AND rate <= 1000000),
    version    integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fx_rates_period_currency_key UNIQUE (period, currency)
);

-- +goose Down
DROP TABLE fx_rates;
DROP TABLE targets;
DROP TABLE settings;
