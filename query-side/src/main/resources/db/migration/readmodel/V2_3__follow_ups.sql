-- Due follow-ups as deadlines opened and closed by events (processing group "followups").
-- One row per deadline: item_id is the kind and the interview (or contact) it belongs to.
-- Nothing is scheduled: the query compares due_at with the asOf it is given.

CREATE TABLE due_item (
    item_id       VARCHAR(100) NOT NULL,
    owner_id      VARCHAR(255) NOT NULL,
    contact_id    UUID         NOT NULL,
    interview_id  UUID,
    kind          VARCHAR(32)  NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    open          BOOLEAN      NOT NULL,
    CONSTRAINT due_item_pk PRIMARY KEY (item_id)
);
CREATE INDEX due_item_open_idx ON due_item (owner_id, open, due_at);
CREATE INDEX due_item_contact_idx ON due_item (owner_id, contact_id);

CREATE TABLE due_contact (
    contact_id     UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    name           VARCHAR(500) NOT NULL,
    cadence_days   INTEGER,
    last_touch_at  TIMESTAMP WITH TIME ZONE,
    connected      BOOLEAN      NOT NULL,
    archived       BOOLEAN      NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT due_contact_pk PRIMARY KEY (contact_id)
);
