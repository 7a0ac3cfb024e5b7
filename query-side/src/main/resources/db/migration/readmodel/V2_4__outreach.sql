-- Outreach facts for analytics (processing group "analytics"): one row per interview request,
-- counts and times only; rates are computed by the query. The contact's source and
-- specialization live on outreach_contact and are joined, so a corrected specialization regroups
-- its past requests.

CREATE TABLE outreach_contact (
    contact_id      UUID         NOT NULL,
    owner_id        VARCHAR(255) NOT NULL,
    source          VARCHAR(32)  NOT NULL,
    specialization  VARCHAR(500),
    last_sequence   BIGINT       NOT NULL,
    CONSTRAINT outreach_contact_pk PRIMARY KEY (contact_id)
);

CREATE TABLE outreach_request (
    interview_id         UUID         NOT NULL,
    owner_id             VARCHAR(255) NOT NULL,
    contact_id           UUID         NOT NULL,
    channel              VARCHAR(32)  NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome              VARCHAR(32),
    responded_at         TIMESTAMP WITH TIME ZONE,
    hours_to_response    DOUBLE PRECISION,
    cancelled            BOOLEAN      NOT NULL,
    held_at              TIMESTAMP WITH TIME ZONE,
    overran              BOOLEAN      NOT NULL,
    thank_you_within_24h BOOLEAN      NOT NULL,
    CONSTRAINT outreach_request_pk PRIMARY KEY (interview_id)
);
CREATE INDEX outreach_request_owner_idx ON outreach_request (owner_id, requested_at);
