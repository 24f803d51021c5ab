-- +goose Up
-- The gates view walks open gates by due date and keeps those of open deals. Gates left
-- open on won, lost and abandoned deals (every overdue one of them comes first in due
-- order: about 1,300 entries and 630 deal lookups before a first page of 50 at 10,000
-- deals) were walked and thrown away on every request. Each milestone now carries whether
-- its deal is open, kept by the two triggers below whatever writes the deal or the
-- milestone, and the walk's index holds only the gates of open deals.
ALTER TABLE milestones ADD COLUMN deal_open boolean NOT NULL DEFAULT true;
UPDATE milestones m SET deal_open = false FROM deals d WHERE d.id = m.deal_id AND d.status <> 'open';

-- +goose StatementBegin
CREATE FUNCTION milestones_take_deal_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.deal_open := COALESCE((SELECT d.status = 'open' FROM deals d WHERE d.id = NEW.deal_id), true);
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER milestones_take_deal_open BEFORE INSERT OR UPDATE OF deal_id ON milestones
    FOR EACH ROW EXECUTE FUNCTION milestones_take_deal_open();

-- +goose StatementBegin
CREATE FUNCTION deals_pass_open_to_milestones() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE milestones SET deal_open = (NEW.status = 'open')
    WHERE deal_id = NEW.id AND deal_open IS DISTINCT FROM (NEW.status = 'open');
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER deals_pass_open_to_milestones AFTER UPDATE OF status ON deals
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION deals_pass_open_to_milestones();

DROP INDEX milestones_open_gates_due_idx;
CREATE INDEX milestones_open_gates_due_idx ON milestones (planned_due, id) INCLUDE (deal_id, name)
    WHERE gate AND status NOT IN ('done', 'skipped') AND deal_open;

-- The deals list's close-gate column (repository.closeGateDue) reads one entry per listed
-- deal from this index instead of sorting each deal's gates from the table.
CREATE INDEX milestones_close_gate_idx ON milestones
    (deal_id, (key = 'contract_signed') DESC, planned_due DESC, sequence DESC) INCLUDE (status)
    WHERE gate OR key = 'contract_signed';

-- +goose Down
DROP INDEX milestones_close_gate_idx;
DROP INDEX milestones_open_gates_due_idx;
CREATE INDEX milestones_open_gates_due_idx ON milestones (planned_due, id) INCLUDE (deal_id, name)
    WHERE gate AND status NOT IN ('done', 'skipped');
DROP TRIGGER deals_pass_open_to_milestones ON deals;
DROP FUNCTION deals_pass_open_to_milestones();
DROP TRIGGER milestones_take_deal_open ON milestones;
DROP FUNCTION milestones_take_deal_open();
ALTER TABLE milestones DROP COLUMN deal_open;
