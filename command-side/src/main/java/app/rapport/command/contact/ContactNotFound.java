package app.rapport.command.contact;

import app.rapport.command.NotFound;

import java.util.UUID;

/** The contact is not in this networker's journal, or is in someone else's: the same answer either way. */
public class ContactNotFound extends NotFound {

    public ContactNotFound(UUID contactId) {
        super("contact-not-found", "Contact %s was not found.".formatted(contactId));
    }
}
