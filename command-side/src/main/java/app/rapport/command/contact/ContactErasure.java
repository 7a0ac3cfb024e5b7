package app.rapport.command.contact;

import java.time.Clock;

import app.rapport.command.dispatch.Decided;
import app.rapport.command.dispatch.ExpectedVersionTargetResolver;
import app.rapport.commands.contact.EraseContact;
import app.rapport.platform.privacy.Erasures;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Erases a contact: the contact decides (its owner's, erased once), and its key is deleted here,
 * in the command's unit of work and so in the transaction that appends {@code ContactErased}:
 * the key goes with the event, or neither does. Deleting a key is I/O, which the aggregate leaves
 * to the code that loads it.
 * <p>
 * The key is deleted again on a repeated erasure, which changes nothing when it is gone and
 * deletes it when a restore of the key store brought it back beside an event that says it is not
 * there.
 */
@Component
class ContactErasure {

    private final Repository<Contact> contacts;
    private final Erasures erasures;
    private final Clock clock;

    ContactErasure(Repository<Contact> contacts, Erasures erasures, Clock clock) {
        this.contacts = contacts;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** Answers like the contact's own handlers do (see {@code DecidedVersions}), so the dispatcher can too. */
    @CommandHandler
    public Decided handle(EraseContact command,
                          @MetaDataValue(ExpectedVersionTargetResolver.EXPECTED_VERSION) Long expectedVersion) {
        Aggregate<Contact> contact = contacts.load(String.valueOf(command.contactId()), expectedVersion);
        contact.execute(it -> it.erase(command, clock));
        erasures.eraseContact(command.contactId(), command.ownerId(), command.at());
        return new Decided(contact.identifierAsString(), contact.version());
    }
}
