-- Whose calendar feed a token opens (processing group "calendar"). Only the SHA-256 of the token is
-- kept, as on the event. A revoked feed keeps its row with token_hash NULL, so that replaying an
-- older creation cannot reopen it (last_sequence decides, as for mentor grants).
CREATE TABLE calendar_feed (
    owner_id       VARCHAR(255) NOT NULL,
    token_hash     VARCHAR(64),
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT calendar_feed_pk PRIMARY KEY (owner_id)
);
CREATE INDEX calendar_feed_token_idx ON calendar_feed (token_hash);
