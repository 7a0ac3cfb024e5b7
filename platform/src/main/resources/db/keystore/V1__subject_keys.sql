-- The key store kept apart from the events (rapport.privacy.keys.schema or .url): the same two
-- tables as the event store's V1_10, in a schema or database of their own, migrated by their own
-- Flyway history there. See docs/erasure.md.
CREATE TABLE subject_key (
    subject     TEXT PRIMARY KEY,
    owner_id    TEXT        NOT NULL,
    key         BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX subject_key_owner_ix ON subject_key (owner_id);

CREATE TABLE erased_subject (
    subject     TEXT PRIMARY KEY,
    owner_id    TEXT        NOT NULL,
    erased_at   TIMESTAMPTZ NOT NULL
);
