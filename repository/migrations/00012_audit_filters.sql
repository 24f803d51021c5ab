-- +goose Up
-- The audit log (GET /audit) filters by who acted and by what kind of thing it was about,
-- newest first and paged by (at, id): each filter walks its own index instead of the log.
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC, id DESC);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, at DESC, id DESC);

-- +goose Down
DROP INDEX audit_events_subject_idx;
DROP INDEX audit_events_actor_idx;
