-- +goose Up
-- An index for every whitelisted sort, as the keyset pager orders and seeks: (column, id)
-- (repository/paging.go), so a page costs its own rows whatever the size of the list.
-- Search (?q=) matches a substring with ILIKE; trigram indexes (pg_trgm, a trusted
-- extension) serve it without reading every name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX deals_name_idx ON deals (name, id);
CREATE INDEX deals_amount_idx ON deals (amount_minor, id);
CREATE INDEX deals_created_idx ON deals (created_at, id);
CREATE INDEX deals_name_trgm_idx ON deals USING gin (name gin_trgm_ops);

CREATE INDEX customers_name_idx ON customers (name, id);
CREATE INDEX customers_created_idx ON customers (created_at, id);
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);

CREATE INDEX contacts_customer_name_idx ON contacts (customer_id, name, id);
CREATE INDEX contacts_customer_created_idx ON contacts (customer_id, created_at, id);

CREATE INDEX users_name_idx ON users (name, id);
CREATE INDEX users_email_idx ON users (email, id);
CREATE INDEX users_created_idx ON users (created_at, id);

CREATE INDEX teams_name_idx ON teams (name, id);
CREATE INDEX teams_created_idx ON teams (created_at, id);

CREATE INDEX templates_name_idx ON templates (name, id);
CREATE INDEX templates_created_idx ON templates (created_at, id);

CREATE INDEX targets_period_idx ON targets (period, id);
CREATE INDEX targets_amount_idx ON targets (amount_minor, id);
CREATE INDEX fx_rates_period_idx ON fx_rates (period, id);
CREATE INDEX fx_rates_currency_idx ON fx_rates (currency, id);

-- +goose Down
DROP INDEX fx_rates_currency_idx;
DROP INDEX fx_rates_period_idx;
DROP INDEX targets_amount_idx;
DROP INDEX targets_period_idx;
DROP INDEX templates_created_idx;
DROP INDEX templates_name_idx;
DROP INDEX teams_created_idx;
DROP INDEX teams_name_idx;
DROP INDEX users_created_idx;
DROP INDEX users_email_idx;
DROP INDEX users_name_idx;
DROP INDEX contacts_customer_created_idx;
DROP INDEX contacts_customer_name_idx;
DROP INDEX customers_name_trgm_idx;
DROP INDEX customers_created_idx;
DROP INDEX customers_name_idx;
DROP INDEX deals_name_trgm_idx;
DROP INDEX deals_created_idx;
DROP INDEX deals_amount_idx;
DROP INDEX deals_name_idx;
