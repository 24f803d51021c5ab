-- +goose Up
-- Input limits (issue 8): the longest text and the range of every number a user enters,
-- the same values as domain/limits.go (the API refuses them first with a 422; these
-- CHECKs keep any other writer to the same bounds). Each constraint is named
-- limit_<column>, which the repository turns into a 422 naming that column.
ALTER TABLE users
    ADD CONSTRAINT limit_email CHECK (char_length(email) <= 254),
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 200);

ALTER TABLE teams
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 200);

ALTER TABLE api_tokens
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 100);

ALTER TABLE login_failures
    ADD CONSTRAINT limit_email CHECK (char_length(email) <= 254);

ALTER TABLE sessions
    ADD CONSTRAINT limit_user_agent CHECK (char_length(user_agent) <= 500);

ALTER TABLE customers
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 200),
    ADD CONSTRAINT limit_region CHECK (char_length(region) <= 100),
    ADD CONSTRAINT limit_industry CHECK (char_length(industry) <= 100);

ALTER TABLE templates
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 200),
    ADD CONSTRAINT limit_name_zh CHECK (char_length(name_zh) <= 200);

ALTER TABLE deals
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 300),
    ADD CONSTRAINT limit_status_reason CHECK (char_length(status_reason) <= 2000),
    ADD CONSTRAINT limit_amount_minor CHECK (amount_minor BETWEEN 0 AND 999999999999999);

ALTER TABLE milestones
    ADD CONSTRAINT limit_key CHECK (char_length(key) <= 64),
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 300),
    ADD CONSTRAINT limit_name_zh CHECK (char_length(name_zh) <= 300),
    ADD CONSTRAINT limit_status_reason CHECK (char_length(status_reason) <= 2000),
    ADD CONSTRAINT limit_exit_criteria CHECK (char_length(exit_criteria) <= 4000),
    ADD CONSTRAINT limit_weight CHECK (weight BETWEEN 0 AND 1000);

ALTER TABLE baselines
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 200),
    ADD CONSTRAINT limit_reason CHECK (char_length(reason) <= 2000);

ALTER TABLE contacts
    ADD CONSTRAINT limit_name CHECK (char_length(name) <= 200),
    ADD CONSTRAINT limit_title CHECK (char_length(title) <= 200),
    ADD CONSTRAINT limit_department CHECK (char_length(department) <= 200),
    ADD CONSTRAINT limit_phone CHECK (char_length(phone) <= 50),
    ADD CONSTRAINT limit_email CHECK (char_length(email) <= 254);

ALTER TABLE stakeholders
    ADD CONSTRAINT limit_next_step CHECK (char_length(next_step) <= 1000),
    ADD CONSTRAINT limit_notes CHECK (char_length(notes) <= 4000);

ALTER TABLE stakeholder_history
    ADD CONSTRAINT limit_note CHECK (char_length(note) <= 2000);

ALTER TABLE retrospectives
    ADD CONSTRAINT limit_planned CHECK (char_length(planned) <= 4000),
    ADD CONSTRAINT limit_happened CHECK (char_length(happened) <= 4000),
    ADD CONSTRAINT limit_gap_cause CHECK (char_length(gap_cause) <= 4000),
    ADD CONSTRAINT limit_next CHECK (char_length(next) <= 4000);

ALTER TABLE retrospective_actions
    ADD CONSTRAINT limit_title CHECK (char_length(title) <= 500);

ALTER TABLE gate_decisions
    ADD CONSTRAINT limit_rationale CHECK (char_length(rationale) <= 4000),
    ADD CONSTRAINT limit_conditions CHECK (char_length(conditions) <= 4000);

-- A template's steps are one JSON array: at most 200 steps, each with a weight of
-- 0–1000, a duration of 1–3650 days and bounded texts.
-- +goose StatementBegin
CREATE FUNCTION template_steps_within_limits(steps jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_typeof(steps) = 'array'
       AND jsonb_array_length(steps) BETWEEN 1 AND 200
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(steps) AS s(step)
           WHERE jsonb_typeof(step) <> 'object'
              OR jsonb_typeof(step -> 'weight') IS DISTINCT FROM 'number'
              OR jsonb_typeof(step -> 'duration_days') IS DISTINCT FROM 'number'
              OR NOT ((step ->> 'weight')::numeric BETWEEN 0 AND 1000)
              OR NOT ((step ->> 'duration_days')::numeric BETWEEN 1 AND 3650)
              OR char_length(coalesce(step ->> 'key', '')) > 64
              OR char_length(coalesce(step ->> 'name', '')) > 300
              OR char_length(coalesce(step ->> 'name_zh', '')) > 300
              OR char_length(coalesce(step ->> 'exit_criteria', '')) > 4000
       )
$$;
-- +goose StatementEnd
ALTER TABLE templates
    ADD CONSTRAINT limit_milestones CHECK (template_steps_within_limits(milestones));

-- +goose Down
ALTER TABLE sessions
    DROP CONSTRAINT limit_user_agent;

ALTER TABLE templates
    DROP CONSTRAINT limit_milestones;
DROP FUNCTION template_steps_within_limits(jsonb);

ALTER TABLE gate_decisions
    DROP CONSTRAINT limit_rationale,
    DROP CONSTRAINT limit_conditions;

ALTER TABLE retrospective_actions
    DROP CONSTRAINT limit_title;

ALTER TABLE retrospectives
    DROP CONSTRAINT limit_planned,
    DROP CONSTRAINT limit_happened,
    DROP CONSTRAINT limit_gap_cause,
    DROP CONSTRAINT limit_next;

ALTER TABLE stakeholder_history
    DROP CONSTRAINT limit_note;

ALTER TABLE stakeholders
    DROP CONSTRAINT limit_next_step,
    DROP CONSTRAINT limit_notes;

ALTER TABLE contacts
    DROP CONSTRAINT limit_name,
    DROP CONSTRAINT limit_title,
    DROP CONSTRAINT limit_department,
    DROP CONSTRAINT limit_phone,
    DROP CONSTRAINT limit_email;

ALTER TABLE baselines
    DROP CONSTRAINT limit_name,
    DROP CONSTRAINT limit_reason;

ALTER TABLE milestones
    DROP CONSTRAINT limit_key,
    DROP CONSTRAINT limit_name,
    DROP CONSTRAINT limit_name_zh,
    DROP CONSTRAINT limit_status_reason,
    DROP CONSTRAINT limit_exit_criteria,
    DROP CONSTRAINT limit_weight;

ALTER TABLE deals
    DROP CONSTRAINT limit_name,
    DROP CONSTRAINT limit_status_reason,
    DROP CONSTRAINT limit_amount_minor;

ALTER TABLE templates
    DROP CONSTRAINT limit_name,
    DROP CONSTRAINT limit_name_zh;

ALTER TABLE customers
    DROP CONSTRAINT limit_name,
    DROP CONSTRAINT limit_region,
    DROP CONSTRAINT limit_industry;

ALTER TABLE login_failures
    DROP CONSTRAINT limit_email;

ALTER TABLE api_tokens
    DROP CONSTRAINT limit_name;

ALTER TABLE teams
    DROP CONSTRAINT limit_name;

ALTER TABLE users
    DROP CONSTRAINT limit_email,
    DROP CONSTRAINT limit_name;
