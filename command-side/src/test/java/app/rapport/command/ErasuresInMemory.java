package app.rapport.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.rapport.platform.privacy.Erasures;

/**
 * The key store's erasures as a list in memory, for fixture tests of the handlers that call it:
 * what they asked to erase, in order. The store itself is tested against PostgreSQL in platform,
 * and the handlers with it end to end in the HTTP tests.
 */
public final class ErasuresInMemory implements Erasures {

    private final List<ErasedSubject> erased = new ArrayList<>();

    @Override
    public void eraseContact(UUID contactId, String ownerId, Instant at) {
        if (!isContactErased(contactId)) {
            erased.add(new ErasedSubject(contactId, ownerId, at));
        }
    }

    @Override
    public void eraseNetworker(String networkerId, Instant at) {
        if (!isNetworkerErased(networkerId)) {
            erased.add(new ErasedSubject(null, networkerId, at));
        }
    }

    @Override
    public boolean isContactErased(UUID contactId) {
        return erased.stream().anyMatch(subject -> contactId.equals(subject.contactId()));
    }

    @Override
    public boolean isNetworkerErased(String networkerId) {
        return erased.stream().anyMatch(subject -> subject.contactId() == null && subject.ownerId().equals(networkerId));
    }

    @Override
    public List<ErasedSubject> erased() {
        return List.copyOf(erased);
    }
}
