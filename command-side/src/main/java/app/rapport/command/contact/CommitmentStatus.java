package app.rapport.command.contact;

/** Where a promise to a contact stands: open until it is kept or dropped, and then for good. */
public enum CommitmentStatus {
    OPEN,
    KEPT,
    DROPPED
}
