package app.rapport.command.contact;

/**
 * A job inquiry made under a client-chosen id, as much of it as the contact needs to recognise a
 * retry: its note as first recorded, and whether it was early, which only an acknowledged ask can be.
 */
record JobInquiry(String note, boolean early) {
}
