package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same races across two command-side instances on one database, where Axon's in-process
 * aggregate lock no longer orders the writers: the unique (aggregate_identifier, sequence_number)
 * key refuses the loser, whose command is sent again on the history that now holds the winner's
 * events, so it gets the answer one instance would give (and at worst 409, never 500).
 */
class TwoInstanceWritersTest {

    static final int RACERS = 16;
    private static final Logger log = LoggerFactory.getLogger(TwoInstanceWritersTest.class);

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Api[] instances;
    static Journal journal;
    static EventRows events;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        var database = TestDatabases.create();
        first = Instances.commandSide(database);
        second = Instances.commandSide(database);
        instances = new Api[] {Api.of(first, TestUsers.DEMO), Api.of(second, TestUsers.DEMO)};
        journal = new Journal(instances[0]);
        events = new EventRows(first.getBean(JdbcTemplate.class));
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

    /** Racer i talks to instance i % 2. */
    static Api instanceFor(int racer) {
        return instances[racer % 2];
    }

    @Test
    void ofSimultaneousThankYousOnTwoInstancesExactlyOneIsStored() {
        UUID contact = journal.addContact("Thanked Once Across Instances");
        UUID interview = journal.heldInterview(contact);

        List<Answer> answers = Race.of(RACERS, i -> instanceFor(i).post(
                Journal.interview(contact, interview) + "/thank-you", "{\"channel\":\"EMAIL\"}"));

        Map<String, Long> tally = Race.tally(answers);
        log.info("SendThankYou x{} at once over two instances: {}; ThankYouSent stored: {}; sequence {}", RACERS,
                tally, events.count(contact, "ThankYouSent"), events.sequenceNumbers(contact));
        assertOneWinnerAndConflicts(answers, 200, "thank-you-already-sent", "concurrent-modification");
        assertThat(events.count(contact, "ThankYouSent")).isEqualTo(1);
        assertGapless(contact, 6);
    }

    @Test
    void ofChangesWithTheSameIfMatchOnTwoInstancesExactlyOneWins() {
        UUID contact = journal.addContact("Changed Once Across Instances");

        List<Answer> answers = Race.of(RACERS, i -> instanceFor(i).send("PATCH", Journal.contact(contact),
                "{\"role\":\"role %d\"}".formatted(i), "\"1\""));

        Map<String, Long> tally = Race.tally(answers);
        log.info("PATCH with If-Match \"1\" x{} at once over two instances: {}; events stored: {}", RACERS, tally,
                events.types(contact));
        assertOneWinnerAndConflicts(answers, 200, "stale-version", "concurrent-modification");
        assertThat(events.types(contact)).containsExactly("ContactAdded", "ContactDetailsChanged");
        assertGapless(contact, 2);
    }

    @Test
    void unconditionalChangesOnTwoInstancesAreAllStoredWithoutGaps() {
        UUID contact = journal.addContact("Changed Often Across Instances");

        List<Answer> answers = Race.of(RACERS, i -> instanceFor(i).send("PATCH", Journal.contact(contact),
                "{\"role\":\"role %d\"}".formatted(i), null));

        Map<String, Long> tally = Race.tally(answers);
        long stored = answers.stream().filter(answer -> answer.status() == 200).count();
        log.info("PATCH without If-Match x{} at once over two instances: {}; events stored: {}; sequence {}", RACERS,
                tally, events.types(contact).size(), events.sequenceNumbers(contact));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.outcome()).as("%s", answer)
                .isIn("200", "409 concurrent-modification"));
        assertThat(stored).isPositive();
        assertGapless(contact, 1 + (int) stored);
    }

    @Test
    void aCreateRepeatedOnTwoInstancesAtOnceIsStoredOnceAndAnsweredAlike() {
        UUID contact = UUID.randomUUID();
        String body = "{\"contactId\":\"%s\",\"name\":\"Created Once\",\"source\":\"EVENT\"}".formatted(contact);

        List<Answer> answers = Race.of(RACERS, i -> instanceFor(i).post("/api/contacts", body));

        log.info("AddContact with one client id x{} at once over two instances: {}; events stored: {}", RACERS,
                Race.tally(answers), events.types(contact));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(201));
        assertThat(answers).extracting(Answer::json).containsOnly(answers.get(0).json());
        assertThat(events.types(contact)).containsExactly("ContactAdded");
    }

    @Test
    void aCommandOnAnInstanceThatCachedTheContactIsDecidedOnWhatAnotherInstanceStoredSince() {
        // the journal writes through the first instance, which now holds the contact in its cache
        UUID contact = journal.addContact("Followed Up Elsewhere");
        UUID interview = journal.heldInterview(contact);
        Journal.expect(instances[1].post(Journal.interview(contact, interview) + "/thank-you",
                "{\"channel\":\"EMAIL\"}"), 200);
        Journal.expect(instances[1].post(Journal.contact(contact) + "/follow-ups",
                "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\"}"), 201);

        // established only by what the second instance stored: the first must not refuse it
        Answer inquiry = instances[0].post(Journal.contact(contact) + "/job-inquiries", "{\"note\":\"any openings?\"}");

        assertThat(inquiry.status()).as("%s", inquiry).isEqualTo(201);
        assertGapless(contact, 8);
    }

    private static void assertOneWinnerAndConflicts(List<Answer> answers, int winner, String... conflicts) {
        assertThat(answers).filteredOn(answer -> answer.status() == winner).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != winner)
                .allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(409))
                .allSatisfy(answer -> assertThat(answer.problemType()).as("%s", answer).isIn((Object[]) conflicts));
    }

    private static void assertGapless(UUID contact, int expectedEvents) {
        assertThat(events.sequenceNumbers(contact))
                .isEqualTo(LongStream.range(0, expectedEvents).boxed().toList());
    }
}
