-- Every recorded event, readable (processing group "audit"). Keyed by the event identifier,
-- so a replay rewrites rows instead of adding them.

CREATE TABLE audit_entry (
    event_id      VARCHAR(255) NOT NULL,
    position      BIGINT       NOT NULL,
    owner_id      VARCHAR(255) NOT NULL,
    contact_id    UUID,
    type          VARCHAR(100) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(255),
    correlation_id VARCHAR(255),
    payload       JSONB        NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (event_id)
);
CREATE INDEX audit_entry_owner_idx ON audit_entry (owner_id, position);
