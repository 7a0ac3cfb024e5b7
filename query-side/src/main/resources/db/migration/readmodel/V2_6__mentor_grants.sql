-- Who may read whose journal (processing group "mentors"). A revoked grant stays as a row with
-- active = false so that replaying an older grant cannot revive it (last_sequence decides).

CREATE TABLE mentor_grant (
    networker_id   VARCHAR(255) NOT NULL,
    mentor         VARCHAR(255) NOT NULL,
    active         BOOLEAN      NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT mentor_grant_pk PRIMARY KEY (networker_id, mentor)
);
CREATE INDEX mentor_grant_mentor_idx ON mentor_grant (mentor, active);
