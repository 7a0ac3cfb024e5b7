package app.rapport.command.erasure;

import java.time.Instant;
import java.util.List;

import app.rapport.command.dispatch.Decided;
import app.rapport.commands.contact.EraseContact;
import app.rapport.commands.networker.EraseAccount;
import app.rapport.platform.axon.EventStoreTables;
import org.springframework.stereotype.Component;

/**
 * Erases a networker's account: every contact of theirs, then their own profile and grants, in one
 * transaction, so that an account is never left half erased. The contacts are those the event store
 * names the networker as owner of, read in that transaction; those erased before are counted and
 * left as they are.
 */
@Component
class AccountErasing {

    /** The networker's own words are not asked for: the reason each contact's erasure records. */
    static final String REASON = "the account was erased";

    private final ErasureJournal journal;
    private final ErasureUnit unit;
    private final EventStoreTables tables;

    AccountErasing(ErasureJournal journal, ErasureUnit unit, EventStoreTables tables) {
        this.journal = journal;
        this.unit = unit;
        this.tables = tables;
    }

    AccountErasureAnswer erase(String owner, Instant at) {
        int[] erasedBefore = {0};
        int[] erasedNow = {0};
        Decided account = unit.run(sender -> {
            List<ErasureJournal.StoredContact> contacts = journal.contactsOf(owner);
            for (ErasureJournal.StoredContact contact : contacts) {
                if (contact.erased()) {
                    erasedBefore[0]++;
                } else {
                    sender.send(new EraseContact(contact.contactId(), owner, REASON, at), contact.contactId().toString());
                    erasedNow[0]++;
                }
            }
            return sender.send(new EraseAccount(owner, at), owner);
        });
        // read once stored: the last chunk of events is appended when the work is done
        long sequence = account.lastSequenceNumber();
        return new AccountErasureAnswer(owner, erasedNow[0], erasedBefore[0], sequence + 1,
                tables.positionOf(owner, sequence));
    }
}
