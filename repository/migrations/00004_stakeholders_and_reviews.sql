-- +goose Up
-- A customer's people, shared by all of that customer's deals.
CREATE TABLE contacts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id    uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name           text NOT NULL,
    title          text NOT NULL DEFAULT '',
    department     text NOT NULL DEFAULT '',
    reports_to_id  uuid REFERENCES contacts (id) ON DELETE SET NULL,
    phone          text NOT NULL DEFAULT '',
    email          text NOT NULL DEFAULT '',
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (reports_to_id IS NULL OR reports_to_id <> id)
);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);

-- A contact's part in one deal.
CREATE TABLE stakeholders (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id               uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    contact_id            uuid NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
    decision_role         text NOT NULL CHECK (decision_role IN ('decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer', 'gatekeeper', 'coach')),
    influence             integer NOT NULL CHECK (influence BETWEEN 1 AND 5),
    stance                text NOT NULL CHECK (stance IN ('champion', 'supporter', 'neutral', 'skeptic', 'blocker')),
    relationship_strength integer NOT NULL DEFAULT 1 CHECK (relationship_strength BETWEEN 1 AND 5),
    owner_id              uuid REFERENCES users (id) ON DELETE SET NULL,
    last_contact_on       date,
    next_step             text NOT NULL DEFAULT '',
    next_step_due         date,
    notes                 text NOT NULL DEFAULT '',
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (deal_id, contact_id)
);
CREATE INDEX stakeholders_deal_idx ON stakeholders (deal_id);

-- The milestones a stakeholder can move.
CREATE TABLE stakeholder_milestones (
    stakeholder_id uuid NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    milestone_id   uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    PRIMARY KEY (stakeholder_id, milestone_id)
);
CREATE INDEX stakeholder_milestones_milestone_idx ON stakeholder_milestones (milestone_id);

-- Every change of stance, influence, owner or next step: who, when, from, to, note.
CREATE TABLE stakeholder_history (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    stakeholder_id uuid NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id       uuid REFERENCES users (id) ON DELETE SET NULL,
    changes        jsonb NOT NULL,
    note           text NOT NULL DEFAULT ''
);
CREATE INDEX stakeholder_history_idx ON stakeholder_history (stakeholder_id, at DESC);

-- Retrospectives (复盘) held at a milestone or free-standing.
CREATE TABLE retrospectives (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id      uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    milestone_id uuid REFERENCES milestones (id) ON DELETE SET NULL,
    held_on      date NOT NULL,
    planned      text NOT NULL DEFAULT '',
    happened     text NOT NULL DEFAULT '',
    gap_cause    text NOT NULL DEFAULT '',
    next         text NOT NULL DEFAULT '',
    outcome      text NOT NULL CHECK (outcome IN ('on_track', 'at_risk', 'off_track')),
    created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX retrospectives_deal_idx ON retrospectives (deal_id, held_on DESC);

CREATE TABLE retrospective_actions (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    retrospective_id uuid NOT NULL REFERENCES retrospectives (id) ON DELETE CASCADE,
    title            text NOT NULL,
    owner_id         uuid REFERENCES users (id) ON DELETE SET NULL,
    due_on           date NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX retrospective_actions_owner_idx ON retrospective_actions (owner_id, status, due_on);

-- Go / no-go decisions at gates, in order (bid/no-bid discipline).
CREATE TABLE gate_decisions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id      uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    decision     text NOT NULL CHECK (decision IN ('go', 'no_go')),
    decided_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    decided_on   date NOT NULL,
    rationale    text NOT NULL,
    conditions   text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX gate_decisions_deal_idx ON gate_decisions (deal_id, decided_on, created_at);

-- +goose Down
DROP TABLE gate_decisions;
DROP TABLE retrospective_actions;
DROP TABLE retrospectives;
DROP TABLE stakeholder_history;
DROP TABLE stakeholder_milestones;
DROP TABLE stakeholders;
DROP TABLE contacts;
