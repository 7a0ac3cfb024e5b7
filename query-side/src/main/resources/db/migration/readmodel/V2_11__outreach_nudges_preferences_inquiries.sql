-- Outreach analytics count nudges and the answers after them, late answers (after the request was
-- given up on), requests and schedules that ignored the contact's preferred channel or place, and
-- job inquiries. The preferences are kept on outreach_contact as they stand at its last applied
-- event, so each step is judged by the preference of its moment. Rows written before this read as
-- none of these until the analytics read model is replayed.
ALTER TABLE outreach_contact ADD COLUMN preferred_channel VARCHAR(32);
ALTER TABLE outreach_contact ADD COLUMN preferred_location VARCHAR(500);

ALTER TABLE outreach_request ADD COLUMN nudged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outreach_request ADD COLUMN answered_late BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE outreach_request ADD COLUMN channel_ignored BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE outreach_request ADD COLUMN mode_ignored BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE outreach_request ADD COLUMN location_ignored BOOLEAN NOT NULL DEFAULT false;

-- One row per job inquiry, keyed by its event's identifier (what a correction or retraction names).
CREATE TABLE outreach_job_inquiry (
    entry_id    VARCHAR(255) NOT NULL,
    owner_id    VARCHAR(255) NOT NULL,
    contact_id  UUID         NOT NULL,
    asked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    early       BOOLEAN      NOT NULL,
    CONSTRAINT outreach_job_inquiry_pk PRIMARY KEY (entry_id)
);
CREATE INDEX outreach_job_inquiry_owner_idx ON outreach_job_inquiry (owner_id, asked_at);
CREATE INDEX outreach_job_inquiry_contact_idx ON outreach_job_inquiry (owner_id, contact_id);
