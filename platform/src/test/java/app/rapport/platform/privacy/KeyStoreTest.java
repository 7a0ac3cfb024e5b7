package app.rapport.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;

import app.rapport.platform.privacy.Erasures.ErasedSubject;
import org.junit.jupiter.api.Test;

/**
 * Keys are created once per subject, never again after its erasure, and an erasure is listed
 * once however often it is asked for; a key created in a rolled-back transaction is forgotten.
 */
class KeyStoreTest {

    static final EventStoreDatabase db = new EventStoreDatabase();
    static final Instant AT = Instant.parse("2026-11-30T10:15:30Z");

    final KeyStore keys = new KeyStore(db.jdbc, "", new KeyCache(100, Duration.ofSeconds(30)), new SecureRandom());

    @Test
    void aSubjectsKey_isCreatedOnFirstUse_andTheSameAfterwards() {
        DataSubject contact = DataSubject.contact(UUID.randomUUID(), "ada");

        SecretKey first = keys.keyToWrite(contact);
        SecretKey again = new KeyStore(db.jdbc, "", new KeyCache(100, Duration.ofSeconds(30)), new SecureRandom())
                .keyToWrite(contact);

        assertThat(first.getEncoded()).hasSize(32);
        assertThat(again.getEncoded()).isEqualTo(first.getEncoded());
        assertThat(db.jdbc.queryForObject("SELECT owner_id FROM subject_key WHERE subject = ?", String.class,
                contact.name())).isEqualTo("ada");
    }

    @Test
    void aSubjectWithoutAKey_hasNoneToRead_andReadingCreatesNone() {
        String subject = DataSubject.contactName(UUID.randomUUID());

        assertThat(keys.keyToRead(subject)).isNull();
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject = ?", Integer.class, subject))
                .isZero();
    }

    @Test
    void eraseContact_deletesTheKey_listsTheContact_andAnErasedContactNeverGetsANewKey() {
        UUID contactId = UUID.randomUUID();
        DataSubject contact = DataSubject.contact(contactId, "ada");
        keys.keyToWrite(contact);

        keys.eraseContact(contactId, "ada", AT);

        assertThat(keys.keyToRead(contact.name())).isNull();
        assertThat(keys.keyToWrite(contact)).isNull();
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject = ?", Integer.class,
                contact.name())).isZero();
        assertThat(keys.isContactErased(contactId)).isTrue();
        assertThat(keys.erased()).contains(new ErasedSubject(contactId, "ada", AT));
    }

    @Test
    void erasingTwice_listsTheFirstErasureOnly() {
        UUID contactId = UUID.randomUUID();
        keys.eraseContact(contactId, "ada", AT);

        keys.eraseContact(contactId, "ada", AT.plusSeconds(60));

        assertThat(keys.erased()).filteredOn(erasure -> contactId.equals(erasure.contactId()))
                .containsExactly(new ErasedSubject(contactId, "ada", AT));
    }

    @Test
    void eraseNetworker_deletesTheirKey_andListsThemWithoutAContact() {
        String networker = "erased-" + UUID.randomUUID();
        keys.keyToWrite(DataSubject.networker(networker));

        keys.eraseNetworker(networker, AT);

        assertThat(keys.keyToRead(DataSubject.networkerName(networker))).isNull();
        assertThat(keys.isNetworkerErased(networker)).isTrue();
        assertThat(keys.isNetworkerErased("someone-else")).isFalse();
        assertThat(keys.erased()).contains(new ErasedSubject(null, networker, AT));
    }

    @Test
    void aLocalErasure_evictsTheCachedKeyAtOnce() {
        UUID contactId = UUID.randomUUID();
        DataSubject contact = DataSubject.contact(contactId, "ada");
        keys.keyToWrite(contact);
        assertThat(keys.keyToRead(contact.name())).isNotNull();

        keys.eraseContact(contactId, "ada", AT);

        assertThat(keys.keyToRead(contact.name())).isNull();
    }

    @Test
    void anotherReplicasErasure_takesEffectHereOnceTheCachedKeyExpires() {
        AtomicLong now = new AtomicLong();
        KeyStore here = new KeyStore(db.jdbc, "", new KeyCache(100, Duration.ofSeconds(30), now::get), new SecureRandom());
        KeyStore there = new KeyStore(db.jdbc, "", new KeyCache(100, Duration.ofSeconds(30)), new SecureRandom());
        UUID contactId = UUID.randomUUID();
        SecretKey key = here.keyToWrite(DataSubject.contact(contactId, "ada"));

        there.eraseContact(contactId, "ada", AT);

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(here.keyToRead(DataSubject.contactName(contactId))).as("still cached").isEqualTo(key);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(here.keyToRead(DataSubject.contactName(contactId))).isNull();
    }

    @Test
    void anErasureInsideATransaction_takesEffectWithItsCommit() {
        UUID contactId = UUID.randomUUID();
        DataSubject contact = DataSubject.contact(contactId, "ada");
        keys.keyToWrite(contact);

        db.transaction.executeWithoutResult(status -> {
            keys.eraseContact(contactId, "ada", AT);
            assertThat(keys.keyToWrite(contact)).as("erased in this transaction").isNull();
        });

        assertThat(keys.keyToRead(contact.name())).isNull();
        assertThat(keys.isContactErased(contactId)).isTrue();
    }

    @Test
    void aKeyCreatedInARolledBackTransaction_isForgotten_andAnotherIsCreatedNextTime() {
        DataSubject contact = DataSubject.contact(UUID.randomUUID(), "ada");

        SecretKey[] inside = new SecretKey[2];
        db.transaction.executeWithoutResult(status -> {
            inside[0] = keys.keyToWrite(contact);
            inside[1] = keys.keyToRead(contact.name());
            status.setRollbackOnly();
        });

        assertThat(inside[1]).as("the transaction reads its own new key").isEqualTo(inside[0]);
        assertThat(keys.keyToRead(contact.name())).isNull();
        SecretKey after = keys.keyToWrite(contact);
        assertThat(after.getEncoded()).isNotEqualTo(inside[0].getEncoded());
        assertThat(db.jdbc.queryForObject("SELECT key FROM subject_key WHERE subject = ?", byte[].class,
                contact.name())).isEqualTo(after.getEncoded());
    }

    @Test
    void aKeyCreatedInACommittedTransaction_isCachedAfterTheCommit() {
        DataSubject contact = DataSubject.contact(UUID.randomUUID(), "ada");

        SecretKey created = db.transaction.execute(status -> keys.keyToWrite(contact));
        db.jdbc.update("DELETE FROM subject_key WHERE subject = ?", contact.name());

        assertThat(keys.keyToRead(contact.name())).as("from the cache, not the table").isEqualTo(created);
    }
}
