-- The promises the practice report judges (processing group "reports"): when each was made, due
-- and kept or dropped. Rows appear once the reports read model is replayed over commitments
-- recorded before this version.
CREATE TABLE report_commitment (
    commitment_id  UUID         NOT NULL,
    owner_id       VARCHAR(255) NOT NULL,
    contact_id     UUID         NOT NULL,
    interview_id   UUID,
    made_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_by         TIMESTAMP WITH TIME ZONE,
    kept_at        TIMESTAMP WITH TIME ZONE,
    dropped_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT report_commitment_pk PRIMARY KEY (commitment_id)
);
CREATE INDEX report_commitment_contact_idx ON report_commitment (owner_id, contact_id);
CREATE INDEX report_commitment_due_idx ON report_commitment (owner_id, due_by);
