-- The facts of the promises made to each contact that its health is judged by (processing group
-- "contacts"): when each is due and how it ended. The promise's words stay in the commitments
-- ledger; the contact list keeps only what it judges, so a contact's rows re-derive together.
-- Rows appear as the contacts read model is replayed or meets commitments.

CREATE TABLE contact_commitment (
    contact_id     UUID         NOT NULL,
    commitment_id  UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    due_by         TIMESTAMP WITH TIME ZONE,
    status         VARCHAR(16)  NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT contact_commitment_pk PRIMARY KEY (contact_id, commitment_id)
);
CREATE INDEX contact_commitment_contact_idx ON contact_commitment (owner_id, contact_id);
