-- How far the one-time encryption of events stored in plain text (before personal data was
-- encrypted at rest) has read domain_event_entry: each start-up reads only the events after it.
CREATE TABLE plaintext_encryption (
    id                  INTEGER     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    encrypted_through   BIGINT      NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO plaintext_encryption (encrypted_through) VALUES (0);
