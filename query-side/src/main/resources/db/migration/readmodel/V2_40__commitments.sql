-- The commitments ledger (processing group "commitments"): the promises made to each contact and
-- how each was kept or dropped. A commitment's id is the client's, unique within its contact.
-- commitment_contact.last_sequence is the contact's last event applied: an event at or below it was
-- applied already, which makes every handler idempotent; its row also says the owner has the contact.

CREATE TABLE commitment (
    contact_id     UUID         NOT NULL,
    commitment_id  UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    interview_id   UUID,
    promise        TEXT         NOT NULL,
    made_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_by         TIMESTAMP WITH TIME ZONE,
    status         VARCHAR(16)  NOT NULL,
    kept_at        TIMESTAMP WITH TIME ZONE,
    kept_by        UUID,
    dropped_at     TIMESTAMP WITH TIME ZONE,
    note           TEXT,
    reason         TEXT,
    CONSTRAINT commitment_pk PRIMARY KEY (contact_id, commitment_id)
);
CREATE INDEX commitment_owner_contact_idx ON commitment (owner_id, contact_id, made_at);

CREATE TABLE commitment_contact (
    contact_id     UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT commitment_contact_pk PRIMARY KEY (contact_id)
);
CREATE INDEX commitment_contact_owner_idx ON commitment_contact (owner_id, contact_id);
