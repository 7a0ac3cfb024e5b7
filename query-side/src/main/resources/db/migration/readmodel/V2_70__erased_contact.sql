-- A contact that was forgotten (ContactErased), kept by the contact list (processing group
-- "contacts") once every other row of the contact is deleted: the journal as of a moment before
-- the erasure still folds the contact's stream, so that the analytics of then count the same, and
-- a redelivered event of the contact cannot bring its rows back. Ids and times only: nothing
-- personal is left of the contact in this read model.
CREATE TABLE erased_contact (
    contact_id     UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    erased_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT erased_contact_pk PRIMARY KEY (contact_id)
);
CREATE INDEX erased_contact_owner_idx ON erased_contact (owner_id);
