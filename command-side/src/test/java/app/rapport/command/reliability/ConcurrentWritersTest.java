package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Racing writers on one command-side instance: of many clients sending the same change to one
 * contact at once, exactly one change is stored and every other client is told 409, and the
 * contact's stream stays numbered 0..n-1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentWritersTest {

    static final int RACERS = 16;
    private static final Logger log = LoggerFactory.getLogger(ConcurrentWritersTest.class);

    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Journal journal;
    EventRows events;

    @BeforeEach
    void client() {
        api = Api.of(app, TestUsers.DEMO);
        journal = new Journal(api);
        events = new EventRows(jdbc);
    }

    @Test
    void ofManySimultaneousThankYousForOneInterviewExactlyOneIsStored() {
        UUID contact = journal.addContact("Thanked Once");
        UUID interview = journal.heldInterview(contact);

        List<Answer> answers = Race.of(RACERS, i -> api.post(Journal.interview(contact, interview) + "/thank-you",
                "{\"channel\":\"EMAIL\",\"note\":\"racer %d\"}".formatted(i)));

        Map<String, Long> tally = Race.tally(answers);
        log.info("SendThankYou x{} at once on one instance: {}; ThankYouSent stored: {}; sequence {}", RACERS, tally,
                events.count(contact, "ThankYouSent"), events.sequenceNumbers(contact));
        assertThat(tally).containsEntry("200", 1L).containsEntry("409 thank-you-already-sent", RACERS - 1L)
                .hasSize(2);
        assertThat(events.count(contact, "ThankYouSent")).isEqualTo(1);
        assertGapless(contact, 6);
    }

    @Test
    void ofManyChangesWithTheSameIfMatchExactlyOneWins() {
        UUID contact = journal.addContact("Changed Once");

        List<Answer> answers = Race.of(RACERS, i -> api.send("PATCH", Journal.contact(contact),
                "{\"role\":\"role %d\"}".formatted(i), "\"1\""));

        Map<String, Long> tally = Race.tally(answers);
        log.info("PATCH with If-Match \"1\" x{} at once on one instance: {}; events stored: {}", RACERS, tally,
                events.types(contact));
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(409))
                .allSatisfy(answer -> assertThat(answer.problemType())
                        .isIn("stale-version", "concurrent-modification"));
        assertThat(events.types(contact)).containsExactly("ContactAdded", "ContactDetailsChanged");
        assertGapless(contact, 2);
    }

    private void assertGapless(UUID contact, int expectedEvents) {
        assertThat(events.sequenceNumbers(contact))
                .isEqualTo(LongStream.range(0, expectedEvents).boxed().toList());
    }
}
