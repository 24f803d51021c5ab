-- +goose Up
CREATE TABLE customers (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('government', 'state_owned', 'enterprise')),
    region     text NOT NULL DEFAULT '',
    industry   text NOT NULL DEFAULT '',
    version    integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_kind_name_key ON customers (kind, lower(name));

-- Milestone templates; their ordered milestones are one JSON array, edited as a whole.
CREATE TABLE templates (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key        text UNIQUE, -- set for the built-in templates
    name       text NOT NULL,
    name_zh    text NOT NULL,
    segment    text NOT NULL CHECK (segment IN ('g2b', 'key_account')),
    milestones jsonb NOT NULL,
    version    integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deals (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name              text NOT NULL,
    customer_id       uuid NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    segment           text NOT NULL CHECK (segment IN ('g2b', 'key_account')),
    team_id           uuid NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
    amount_minor      bigint NOT NULL CHECK (amount_minor >= 0),
    currency          char(3) NOT NULL,
    target_close_date date NOT NULL,
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost', 'abandoned')),
    status_reason     text NOT NULL DEFAULT '',
    template_id       uuid REFERENCES templates (id) ON DELETE SET NULL,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deals_team_idx ON deals (team_id);
CREATE INDEX deals_customer_idx ON deals (customer_id);
CREATE INDEX deals_close_idx ON deals (target_close_date, id);

CREATE TABLE deal_members (
    deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('pmo', 'business', 'solution')),
    PRIMARY KEY (deal_id, user_id, role)
);
CREATE INDEX deal_members_user_idx ON deal_members (user_id);

CREATE TABLE milestones (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id       uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    sequence      integer NOT NULL,
    key           text NOT NULL DEFAULT '', -- template step key, e.g. contract_signed
    name          text NOT NULL,
    name_zh       text NOT NULL DEFAULT '',
    owner_role    text NOT NULL CHECK (owner_role IN ('pmo', 'business', 'solution')),
    assignee_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    weight        integer NOT NULL DEFAULT 1 CHECK (weight >= 0),
    gate          boolean NOT NULL DEFAULT false,
    planned_start date NOT NULL,
    planned_due   date NOT NULL,
    status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'blocked', 'skipped')),
    status_reason text NOT NULL DEFAULT '',
    completed_on  date,
    exit_criteria text NOT NULL DEFAULT '',
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (planned_due >= planned_start)
);
CREATE INDEX milestones_deal_idx ON milestones (deal_id, sequence);

-- Finish-to-start: milestone_id starts after depends_on_id is finished.
CREATE TABLE milestone_dependencies (
    milestone_id  uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    depends_on_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    PRIMARY KEY (milestone_id, depends_on_id),
    CHECK (milestone_id <> depends_on_id)
);

CREATE TABLE baselines (
    id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id  uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    name     text NOT NULL,
    reason   text NOT NULL DEFAULT '',
    taken_at timestamptz NOT NULL DEFAULT now(),
    taken_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX baselines_deal_idx ON baselines (deal_id, taken_at DESC);

CREATE TABLE baseline_milestones (
    baseline_id   uuid NOT NULL REFERENCES baselines (id) ON DELETE CASCADE,
    milestone_id  uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    planned_start date NOT NULL,
    planned_due   date NOT NULL,
    PRIMARY KEY (baseline_id, milestone_id)
);

-- The audit trail of a deal, its team and its plan: before/after of every change.
CREATE TABLE deal_activity (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id     uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    action      text NOT NULL,
    entity_type text NOT NULL,
    entity_id   uuid,
    before      jsonb,
    after       jsonb
);
CREATE INDEX deal_activity_deal_idx ON deal_activity (deal_id, at DESC, id DESC);

-- +goose Down
DROP TABLE deal_activity;
DROP TABLE baseline_milestones;
DROP TABLE baselines;
DROP TABLE milestone_dependencies;
DROP TABLE milestones;
DROP TABLE deal_members;
DROP TABLE deals;
DROP TABLE templates;
DROP TABLE customers;
