package app.rapport.query.support;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row whose id is assigned from the events. Rows say themselves whether they are
 * new, so saving a new one is one INSERT instead of Spring Data's merge (a SELECT first), which
 * matters during a replay. Handlers always load before they create, so "new" is never a guess.
 */
@MappedSuperclass
public abstract class StoredRow<ID> implements Persistable<ID> {

    @Transient
    private boolean stored;

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }
}
