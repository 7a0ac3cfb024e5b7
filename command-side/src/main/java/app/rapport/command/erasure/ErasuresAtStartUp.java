package app.rapport.command.erasure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rapport.platform.privacy.Erasures;
import app.rapport.platform.privacy.Erasures.ErasedSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the event store and the key store agree on what was erased, each time the command side
 * starts: a restore of one of them from an older backup (they may be kept apart) brings back what
 * the other says is gone. An erasure the key store lists but the event store does not record is
 * applied again through its aggregate; an erasure the event store records whose subject the key
 * store does not list (its key back from a backup) has its key deleted again. When both agree, as
 * after every ordinary start, this reads the two lists and does nothing.
 * <p>
 * A failure does not stop the start: the log says so, and {@code POST /api/admin/erasures} applies
 * the list when the store answers again. The log names counts only, never whose data it was.
 */
@Component
class ErasuresAtStartUp {

    private static final Logger log = LoggerFactory.getLogger(ErasuresAtStartUp.class);

    private final Erasures erasures;
    private final ErasureJournal journal;
    private final Reapplication reapplication;

    ErasuresAtStartUp(Erasures erasures, ErasureJournal journal, Reapplication reapplication) {
        this.erasures = erasures;
        this.journal = journal;
        this.reapplication = reapplication;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        try {
            List<ErasedSubject> listed = erasures.erased();
            List<ErasedSubject> missing = missingFromTheStore(listed);
            List<ErasedSubject> unlisted = unlistedByTheKeyStore(listed);
            if (missing.isEmpty() && unlisted.isEmpty()) {
                return;
            }
            ReapplyAnswer answer = reapplication.apply(concat(missing, unlisted));
            log.warn("Erasures applied again at start-up: {} erasure(s) listed by the key store were missing from "
                            + "the event store and {} recorded in the event store were missing from the key store "
                            + "(a backup restored?); {} applied, {} were in place", missing.size(), unlisted.size(),
                    answer.applied(), answer.alreadyErased());
        } catch (RuntimeException failed) {
            log.error("Erasures could not be checked at start-up ({}); POST /api/admin/erasures with the list of "
                    + "GET /api/admin/erasures applies them again", failed.getClass().getSimpleName());
        }
    }

    private List<ErasedSubject> missingFromTheStore(List<ErasedSubject> listed) {
        Map<UUID, ErasureJournal.StoredContact> stored = journal.contacts(listed.stream()
                .map(ErasedSubject::contactId).filter(id -> id != null).toList());
        Set<String> erasedAccounts = journal.erasedAccounts(listed.stream()
                .filter(erasure -> erasure.contactId() == null).map(ErasedSubject::ownerId).toList());
        return listed.stream().filter(erasure -> erasure.contactId() == null
                ? !erasedAccounts.contains(erasure.ownerId())
                : stored.containsKey(erasure.contactId()) && !stored.get(erasure.contactId()).erased())
                .toList();
    }

    private List<ErasedSubject> unlistedByTheKeyStore(List<ErasedSubject> listed) {
        Set<UUID> contacts = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        for (ErasedSubject erasure : listed) {
            if (erasure.contactId() != null) {
                contacts.add(erasure.contactId());
            } else {
                accounts.add(erasure.ownerId());
            }
        }
        return journal.recordedErasures().stream()
                .filter(recorded -> recorded.contactId() != null ? !contacts.contains(recorded.contactId())
                        : !accounts.contains(recorded.ownerId()))
                .map(recorded -> new ErasedSubject(recorded.contactId(), recorded.ownerId(), recorded.recordedAt()))
                .toList();
    }

    private static List<ErasedSubject> concat(List<ErasedSubject> first, List<ErasedSubject> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
