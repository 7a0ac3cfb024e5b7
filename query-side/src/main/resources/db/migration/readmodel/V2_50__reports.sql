-- The facts behind the practice and referral reports (processing group "reports"): times and
-- booleans only, judged at query time against rapport.practice.* and the report's moment, so the
-- windows live in one record and the SQL reads them as parameters. See docs/reports.md.

-- Each contact's name for the reports' rows, and how it prefers to be met as it stands at its last
-- applied event (what a request or a schedule is judged by).
CREATE TABLE report_contact (
    contact_id         UUID         NOT NULL,
    owner_id           VARCHAR(255) NOT NULL,
    name               VARCHAR(500),
    preferred_channel  VARCHAR(32),
    last_sequence      BIGINT       NOT NULL,
    CONSTRAINT report_contact_pk PRIMARY KEY (contact_id)
);
CREATE INDEX report_contact_owner_idx ON report_contact (owner_id, contact_id);

-- One row per interview request, with what the practice judges about it.
CREATE TABLE report_interview (
    interview_id         UUID         NOT NULL,
    owner_id             VARCHAR(255) NOT NULL,
    contact_id           UUID         NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    channel_judged       BOOLEAN      NOT NULL,
    channel_ignored      BOOLEAN      NOT NULL,
    closed_at            TIMESTAMP WITH TIME ZONE,
    nudged_at            TIMESTAMP WITH TIME ZONE,
    scheduled_at         TIMESTAMP WITH TIME ZONE,
    scheduled_for        TIMESTAMP WITH TIME ZONE,
    mode_judged          BOOLEAN      NOT NULL,
    mode_ignored         BOOLEAN      NOT NULL,
    prepared_at          TIMESTAMP WITH TIME ZONE,
    held_at              TIMESTAMP WITH TIME ZONE,
    agreed_minutes       INTEGER,
    actual_minutes       INTEGER,
    thanked_at_start     BOOLEAN      NOT NULL,
    introduced_self      BOOLEAN      NOT NULL,
    asked_for_referrals  BOOLEAN      NOT NULL,
    thanked_at_end       BOOLEAN      NOT NULL,
    thanked_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT report_interview_pk PRIMARY KEY (interview_id)
);
CREATE INDEX report_interview_contact_idx ON report_interview (owner_id, contact_id);
CREATE INDEX report_interview_held_idx ON report_interview (owner_id, held_at);
CREATE INDEX report_interview_requested_idx ON report_interview (owner_id, requested_at);

-- One row per job inquiry, keyed by its event's identifier (what a retraction names).
CREATE TABLE report_job_inquiry (
    entry_id    VARCHAR(255) NOT NULL,
    owner_id    VARCHAR(255) NOT NULL,
    contact_id  UUID         NOT NULL,
    asked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    early       BOOLEAN      NOT NULL,
    CONSTRAINT report_job_inquiry_pk PRIMARY KEY (entry_id)
);
CREATE INDEX report_job_inquiry_owner_idx ON report_job_inquiry (owner_id, asked_at);
CREATE INDEX report_job_inquiry_contact_idx ON report_job_inquiry (owner_id, contact_id);

-- One row per referral, from the referrer's stream (ReferralReceived, ReferralLinked): contact_id is
-- the referrer, so re-deriving the referrer re-derives its referrals and re-deriving the referred
-- contact leaves them alone.
CREATE TABLE report_referral (
    contact_id           UUID         NOT NULL,
    referred_contact_id  UUID         NOT NULL,
    owner_id             VARCHAR(255) NOT NULL,
    referred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    linked               BOOLEAN      NOT NULL,
    CONSTRAINT report_referral_pk PRIMARY KEY (contact_id, referred_contact_id)
);
CREATE INDEX report_referral_owner_idx ON report_referral (owner_id, contact_id);
CREATE INDEX report_referral_referred_idx ON report_referral (owner_id, referred_contact_id);
