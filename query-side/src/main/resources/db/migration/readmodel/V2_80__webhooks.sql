-- Webhooks (processing group "webhooks"). webhook is the registrations as the events state them,
-- rebuilt by a replay. webhook_delivery is how far each has been delivered: operational state no
-- event records, so a replay leaves it alone; it is keyed by the registration's generation (the
-- position of the event that gave the webhook its secret), so a name removed and registered again
-- starts over, and a replay that passes the first registration's removal does not touch the
-- second's progress.

CREATE TABLE webhook (
    owner_id      VARCHAR(255) NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    url           TEXT         NOT NULL,
    events        TEXT[]       NOT NULL,
    -- as stored in the event store: encrypted with the networker's key, so it dies with their account
    secret        TEXT         NOT NULL,
    generation    BIGINT       NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_pk PRIMARY KEY (owner_id, name)
);

CREATE TABLE webhook_delivery (
    owner_id          VARCHAR(255) NOT NULL,
    name              VARCHAR(64)  NOT NULL,
    generation        BIGINT       NOT NULL,
    delivered_through BIGINT       NOT NULL,
    last_position     BIGINT,
    last_status       VARCHAR(200),
    last_at           TIMESTAMP WITH TIME ZONE,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    failing_since     TIMESTAMP WITH TIME ZONE,
    failing           BOOLEAN      NOT NULL DEFAULT FALSE,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    lease_holder      VARCHAR(100),
    lease_until       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (owner_id, name, generation)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at);
