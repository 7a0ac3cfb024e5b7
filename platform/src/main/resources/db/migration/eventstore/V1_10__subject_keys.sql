-- Personal data in events is encrypted per data subject (a contact, or a networker's own profile
-- and mentor usernames) with a key of its own; erasing the subject deletes its key.
-- subject is 'contact:<uuid>' or 'networker:<username>'.
CREATE TABLE subject_key (
    subject     TEXT PRIMARY KEY,
    owner_id    TEXT        NOT NULL,
    key         BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX subject_key_owner_ix ON subject_key (owner_id);

-- Every erasure, kept after the key is gone: what a restore of an older backup applies again.
CREATE TABLE erased_subject (
    subject     TEXT PRIMARY KEY,
    owner_id    TEXT        NOT NULL,
    erased_at   TIMESTAMPTZ NOT NULL
);
