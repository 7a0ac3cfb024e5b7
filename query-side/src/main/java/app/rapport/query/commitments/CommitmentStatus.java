package app.rapport.query.commitments;

/** Where a promise stands, as the command side decides it: open until kept or dropped. */
public enum CommitmentStatus {
    OPEN,
    KEPT,
    DROPPED
}
