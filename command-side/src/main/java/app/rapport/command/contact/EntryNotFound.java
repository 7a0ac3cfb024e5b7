package app.rapport.command.contact;

import app.rapport.command.NotFound;

import java.util.UUID;

/** The contact's journal has no entry with the given event id: it names another contact's event, or none. */
public class EntryNotFound extends NotFound {

    public EntryNotFound(UUID contactId, String entryId) {
        super("entry-not-found", "Entry %s was not found for contact %s.".formatted(entryId, contactId));
    }
}
