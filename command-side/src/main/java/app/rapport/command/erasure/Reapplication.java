package app.rapport.command.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rapport.commands.contact.EraseContact;
import app.rapport.commands.networker.EraseAccount;
import app.rapport.platform.privacy.Erasures;
import app.rapport.platform.privacy.Erasures.ErasedSubject;
import app.rapport.platform.web.FieldError;
import org.springframework.stereotype.Component;

/**
 * Applies erasures again after a restore, all or nothing. A backup of the events taken before an
 * erasure brings the contact's events back without {@code ContactErased}, and a backup of the key
 * store brings its key back; either side may be older than the other when they are kept apart. For
 * each erasure of the list: a contact the store holds without its erasure is erased again through
 * the contact (so every command on it is 404 again, and every view drops it), an account likewise;
 * and the key is deleted and the subject listed as erased whatever the store holds, which changes
 * nothing where both still are.
 */
@Component
class Reapplication {

    private final ErasureJournal journal;
    private final ErasureUnit unit;
    private final Erasures erasures;

    Reapplication(ErasureJournal journal, ErasureUnit unit, Erasures erasures) {
        this.journal = journal;
        this.unit = unit;
        this.erasures = erasures;
    }

    /** The reason an erasure applied again records: when it first was, and why it is recorded again. */
    static String reasonFor(ErasedSubject erasure) {
        return "erased on " + erasure.erasedAt() + ", applied again after a restore";
    }

    /**
     * @throws ErasureListRejected when the list names as a contact's owner someone else than the
     *         store does: it is not this store's list, and nothing is applied
     */
    ReapplyAnswer apply(List<ErasedSubject> listed) {
        return unit.run(sender -> {
            Map<UUID, ErasureJournal.StoredContact> stored = journal.contacts(listed.stream()
                    .map(ErasedSubject::contactId).filter(id -> id != null).toList());
            Set<String> erasedAccounts = journal.erasedAccounts(listed.stream()
                    .filter(erasure -> erasure.contactId() == null).map(ErasedSubject::ownerId).toList());
            requireOwnersAsStored(listed, stored);
            int applied = 0;
            for (ErasedSubject erasure : listed) {
                boolean missing;
                if (erasure.contactId() != null) {
                    ErasureJournal.StoredContact contact = stored.get(erasure.contactId());
                    missing = !erasures.isContactErased(erasure.contactId());
                    if (contact != null && !contact.erased()) {
                        missing = true;
                        sender.send(new EraseContact(erasure.contactId(), erasure.ownerId(), reasonFor(erasure),
                                erasure.erasedAt()), erasure.contactId().toString());
                    }
                    erasures.eraseContact(erasure.contactId(), erasure.ownerId(), erasure.erasedAt());
                } else {
                    missing = !erasures.isNetworkerErased(erasure.ownerId());
                    if (!erasedAccounts.contains(erasure.ownerId())) {
                        missing = true;
                        sender.send(new EraseAccount(erasure.ownerId(), erasure.erasedAt()), erasure.ownerId());
                    }
                    erasures.eraseNetworker(erasure.ownerId(), erasure.erasedAt());
                }
                if (missing) {
                    applied++;
                }
            }
            return new ReapplyAnswer(applied, listed.size() - applied);
        });
    }

    private static void requireOwnersAsStored(List<ErasedSubject> listed, Map<UUID, ErasureJournal.StoredContact> stored) {
        List<FieldError> wrong = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            ErasedSubject erasure = listed.get(i);
            ErasureJournal.StoredContact contact = erasure.contactId() == null ? null : stored.get(erasure.contactId());
            if (contact != null && !contact.ownerId().equals(erasure.ownerId())) {
                wrong.add(new FieldError("items[" + i + "].ownerId",
                        "is not the owner this store names for contact " + erasure.contactId()));
            }
        }
        if (!wrong.isEmpty()) {
            throw new ErasureListRejected(wrong);
        }
    }
}
