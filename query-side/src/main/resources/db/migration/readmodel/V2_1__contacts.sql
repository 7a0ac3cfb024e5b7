-- The contact list and detail read model (processing group "contacts").
-- last_sequence is the aggregate sequence number of the last event applied to the contact:
-- an event at or below it was applied already, which makes every handler idempotent.

CREATE TABLE contact (
    contact_id          UUID         NOT NULL,
    owner_id            VARCHAR(255) NOT NULL,
    name                VARCHAR(500) NOT NULL,
    organization        VARCHAR(500),
    role                VARCHAR(500),
    specialization      VARCHAR(500),
    source              VARCHAR(32)  NOT NULL,
    preferred_channel   VARCHAR(32),
    preferred_location  VARCHAR(500),
    email               VARCHAR(500),
    phone               VARCHAR(100),
    notes               TEXT,
    referred_by         UUID,
    cadence_days        INTEGER      NOT NULL,
    stage               VARCHAR(32)  NOT NULL,
    archived            BOOLEAN      NOT NULL,
    added_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_touch_at       TIMESTAMP WITH TIME ZONE,
    next_follow_up_due  TIMESTAMP WITH TIME ZONE,
    last_sequence       BIGINT       NOT NULL,
    CONSTRAINT contact_pk PRIMARY KEY (contact_id)
);
CREATE INDEX contact_owner_idx ON contact (owner_id, stage);
CREATE INDEX contact_owner_name_idx ON contact (owner_id, lower(name));

CREATE TABLE contact_interview (
    interview_id      UUID         NOT NULL,
    contact_id        UUID         NOT NULL,
    owner_id          VARCHAR(255) NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    duration_minutes  INTEGER      NOT NULL,
    purpose           TEXT,
    message           TEXT,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    responded_at      TIMESTAMP WITH TIME ZONE,
    response_note     TEXT,
    scheduled_for     TIMESTAMP WITH TIME ZONE,
    mode              VARCHAR(32),
    location          VARCHAR(500),
    prepared_at       TIMESTAMP WITH TIME ZONE,
    held_at           TIMESTAMP WITH TIME ZONE,
    actual_minutes    INTEGER,
    thanked_at        TIMESTAMP WITH TIME ZONE,
    cancelled_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT contact_interview_pk PRIMARY KEY (interview_id)
);
CREATE INDEX contact_interview_contact_idx ON contact_interview (owner_id, contact_id);

CREATE TABLE contact_follow_up (
    follow_up_id  UUID         NOT NULL,
    contact_id    UUID         NOT NULL,
    owner_id      VARCHAR(255) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    channel       VARCHAR(32)  NOT NULL,
    note          TEXT,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contact_follow_up_pk PRIMARY KEY (follow_up_id)
);
CREATE INDEX contact_follow_up_contact_idx ON contact_follow_up (owner_id, contact_id);
