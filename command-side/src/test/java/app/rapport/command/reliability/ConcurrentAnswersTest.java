package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;

/**
 * What unconditional writers racing on one contact are answered: each its own version and
 * position, never another writer's, on one instance and across two on one database. A client
 * sends the version back in {@code If-Match}; a version that already includes someone else's change
 * would let it overwrite that change unseen. A writer asking for the role the contact already has is
 * answered with the state it found, in which that role holds.
 */
class ConcurrentAnswersTest {

    static final int WRITERS = 24;
    static final int ROUNDS = 5;
    /** Of each round's writers, these ask for the role the contact had before the round. */
    static final int REPEATERS = 4;
    static final String DETAILS_CHANGED = "app.rapport.events.contact.ContactDetailsChanged";
    private static final Logger log = LoggerFactory.getLogger(ConcurrentAnswersTest.class);

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Api[] instances;
    static JdbcTemplate jdbc;

    /** One writer's request and what it was answered. */
    record Written(String role, boolean repeat, long versionBefore, Answer answer) {

        long version() {
            return ((Number) answer.json().get("version")).longValue();
        }

        long position() {
            return ((Number) answer.json().get("position")).longValue();
        }
    }

    /** A stored event, as far as these checks need it. */
    record StoredEvent(String aggregate, long sequenceNumber, String type, @Nullable String role) {
    }

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        var database = TestDatabases.create();
        first = Instances.commandSide(database);
        second = Instances.commandSide(database);
        instances = new Api[] {Api.of(first, TestUsers.DEMO), Api.of(second, TestUsers.DEMO)};
        jdbc = first.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void unconditionalChangesOnOneInstanceAreEachAnsweredWithTheirOwnEvent() {
        List<Written> written = race("one instance", writer -> instances[0]);

        assertThat(written).allSatisfy(w -> assertThat(w.answer().status()).as("%s", w.answer()).isEqualTo(200));
        assertEachAnsweredItsOwnState(written);
    }

    @Test
    void unconditionalChangesOnTwoInstancesAreEachAnsweredWithTheirOwnEvent() {
        List<Written> written = race("two instances", writer -> instances[writer % 2]);

        // a writer that lost the race for the next sequence number every time it was sent is told so
        assertThat(written).allSatisfy(w -> assertThat(w.answer().outcome()).as("%s", w.answer())
                .isIn("200", "409 concurrent-modification"));
        assertThat(written).filteredOn(w -> w.answer().status() == 200).isNotEmpty();
        assertEachAnsweredItsOwnState(written);
    }

    @Test
    void aChangeToWhatIsStoredAlreadyIsAnsweredWithTheVersionItFound() {
        UUID contact = new Journal(instances[0]).addContact("Changed Once, Asked Twice");
        Answer changed = instances[0].send("PATCH", Journal.contact(contact), "{\"role\":\"archivist\"}", null);

        // the second instance has not cached the contact; the first answers from its cache
        Answer againElsewhere = instances[1].send("PATCH", Journal.contact(contact), "{\"role\":\"archivist\"}", null);
        Answer again = instances[0].send("PATCH", Journal.contact(contact), "{\"role\":\"archivist\"}", null);

        assertThat(changed.json()).containsEntry("version", 2);
        assertThat(againElsewhere.json()).isEqualTo(changed.json());
        assertThat(again.json()).isEqualTo(changed.json());
        assertThat(storedAt(((Number) changed.json().get("position")).longValue()))
                .isEqualTo(new StoredEvent(contact.toString(), 1, DETAILS_CHANGED, "archivist"));
    }

    @Test
    void aReferralAndItsRepeatAreAnsweredWithTheReferredContactsFirstEvent() {
        UUID referrer = new Journal(instances[0]).addContact("Referrer");
        UUID referred = UUID.randomUUID();
        String referral = "{\"contactId\":\"%s\",\"name\":\"Referred\"}".formatted(referred);
        Answer first = Journal.expect(instances[0].post(Journal.contact(referrer) + "/referrals", referral), 201);
        Journal.expect(instances[0].send("PATCH", Journal.contact(referred), "{\"role\":\"curator\"}", null), 200);

        Answer repeat = Journal.expect(instances[1].post(Journal.contact(referrer) + "/referrals", referral), 201);

        assertThat(first.json()).containsEntry("contactId", referred.toString()).containsEntry("version", 1);
        assertThat(storedAt(((Number) first.json().get("position")).longValue()))
                .extracting(StoredEvent::aggregate, StoredEvent::sequenceNumber)
                .containsExactly(referred.toString(), 0L);
        assertThat(repeat.json()).isEqualTo(first.json());
    }

    private List<Written> race(String where, IntFunction<Api> instanceFor) {
        UUID contact = new Journal(instances[0]).addContact("Changed By Many");
        Journal.expect(instances[0].send("PATCH", Journal.contact(contact), "{\"role\":\"first role\"}", null), 200);
        List<Written> written = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String before = currentRole(contact);
            long versionBefore = new EventRows(jdbc).sequenceNumbers(contact).size();
            int r = round;
            List<String> roles = IntStream.range(0, WRITERS)
                    .mapToObj(i -> i < REPEATERS ? before : "round %d writer %d".formatted(r, i)).toList();
            List<Answer> answers = Race.of(WRITERS, i -> instanceFor.apply(i).send("PATCH", Journal.contact(contact),
                    "{\"role\":\"%s\"}".formatted(roles.get(i)), null));
            for (int i = 0; i < WRITERS; i++) {
                written.add(new Written(roles.get(i), i < REPEATERS, versionBefore, answers.get(i)));
            }
        }
        List<Written> answered = written.stream().filter(w -> w.answer().status() == 200).toList();
        List<Written> changes = answered.stream().filter(w -> !w.repeat()).toList();
        log.info("{} rounds of {} unconditional PATCHes on {}: {}; of {} changes answered, {} named a version or "
                        + "position another change's answer also named; of {} answers, {} named a state without "
                        + "the role asked for; {} repeats were accepted without a change", ROUNDS, WRITERS, where,
                Race.tally(written.stream().map(Written::answer).toList()), changes.size(),
                sharingAnswers(changes).size(), answered.size(),
                answered.stream().filter(w -> !w.role().equals(roleAsOf(contact, w.version()))).count(),
                answered.stream().filter(w -> w.repeat() && w.version() == w.versionBefore()).count());
        return written;
    }

    /**
     * Every change was stored as its own event, so its answer names a version and position no other
     * change's answer names, and the event there is the contact's, at the answered version, with the
     * role that writer asked for. A writer that found the role already set (or asked for it back) is
     * answered with a version at which the contact has that role.
     */
    private void assertEachAnsweredItsOwnState(List<Written> written) {
        List<Written> answered = written.stream().filter(w -> w.answer().status() == 200).toList();
        List<Written> changes = answered.stream().filter(w -> !w.repeat()).toList();

        assertThat(sharingAnswers(changes)).as("answers naming the same version or position").isEmpty();
        String contact = storedAt(changes.get(0).position()).aggregate();
        assertThat(changes).allSatisfy(change -> assertThat(storedAt(change.position())).as("%s", change)
                .isEqualTo(new StoredEvent(contact, change.version() - 1, DETAILS_CHANGED, change.role())));
        assertThat(answered).allSatisfy(w -> {
            StoredEvent there = storedAt(w.position());
            assertThat(there.aggregate()).as("%s", w).isEqualTo(contact);
            assertThat(there.sequenceNumber()).as("%s", w).isEqualTo(w.version() - 1);
            assertThat(roleAsOf(UUID.fromString(contact), w.version())).as("%s", w).isEqualTo(w.role());
        });
    }

    /** The answers whose version or whose position another of the given answers names too. */
    private static List<Written> sharingAnswers(List<Written> answers) {
        Map<Long, Integer> versions = new HashMap<>();
        Map<Long, Integer> positions = new HashMap<>();
        answers.forEach(w -> {
            versions.merge(w.version(), 1, Integer::sum);
            positions.merge(w.position(), 1, Integer::sum);
        });
        return answers.stream().filter(w -> versions.get(w.version()) > 1 || positions.get(w.position()) > 1).toList();
    }

    private static StoredEvent storedAt(long position) {
        return jdbc.queryForObject("""
                SELECT aggregate_identifier, sequence_number, payload_type, payload, payload_revision
                FROM domain_event_entry WHERE global_index = ?""",
                (row, n) -> new StoredEvent(row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                        row.getString("payload_type"), roleIn(row.getBytes("payload"), row.getString("payload_type"),
                                row.getString("payload_revision"))), position);
    }

    /** The contact's role once its first {@code version} events are applied (every event here carries it). */
    @Nullable
    private static String roleAsOf(UUID contact, long version) {
        return jdbc.queryForObject("""
                SELECT payload, payload_type, payload_revision
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number < ?
                ORDER BY sequence_number DESC LIMIT 1""",
                (row, n) -> roleIn(row.getBytes(1), row.getString(2), row.getString(3)), contact.toString(), version);
    }

    // the details are personal, stored encrypted: read through the app's serializer, as the aggregate reads them
    @Nullable
    private static String roleIn(byte[] payload, String type, String revision) {
        Object event = first.getBean(org.axonframework.config.Configuration.class).eventSerializer()
                .deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(payload, byte[].class, type,
                        revision));
        if (event instanceof app.rapport.events.contact.ContactAdded added) {
            return added.details().role();
        }
        if (event instanceof app.rapport.events.contact.ContactDetailsChanged changed) {
            return changed.details().role();
        }
        return null;
    }

    private static String currentRole(UUID contact) {
        return roleAsOf(contact, Long.MAX_VALUE);
    }
}
