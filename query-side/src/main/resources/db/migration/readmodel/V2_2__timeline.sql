-- The relationship timeline (processing group "timeline"): one row per event, keyed by the
-- event's identifier so a replayed event overwrites itself. timeline_state holds the little a
-- contact's later entries need from earlier events (preferred channel, agreed minutes, heldAt).

CREATE TABLE timeline_entry (
    event_id       VARCHAR(255) NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    contact_id     UUID         NOT NULL,
    sequence       BIGINT       NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(100) NOT NULL,
    summary        TEXT         NOT NULL,
    interview_id   UUID,
    details        JSONB        NOT NULL,
    flags          JSONB        NOT NULL,
    CONSTRAINT timeline_entry_pk PRIMARY KEY (event_id)
);
CREATE INDEX timeline_entry_contact_idx ON timeline_entry (owner_id, contact_id, at, sequence);

CREATE TABLE timeline_state (
    contact_id     UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    state          JSONB        NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT timeline_state_pk PRIMARY KEY (contact_id)
);
