package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

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
 * A create with a client-chosen id is safe to retry even when the retries race the original: every
 * copy gets the same answer and one event is stored; the same id with other content is 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SafeRetriesTest {

    static final int COPIES = 12;
    private static final Logger log = LoggerFactory.getLogger(SafeRetriesTest.class);

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
    void identicalAddContactsAtOnceStoreOneContactAndAnswerAlike() {
        UUID contact = UUID.randomUUID();
        String body = "{\"contactId\":\"%s\",\"name\":\"Retried\",\"source\":\"EVENT\",\"email\":\"r@example.org\"}"
                .formatted(contact);

        List<Answer> copies = Race.of(COPIES, i -> api.post("/api/contacts", body));

        assertAllAnsweredAlike("AddContact", copies, 201);
        assertThat(events.types(contact)).containsExactly("ContactAdded");

        Answer other = api.post("/api/contacts", body.replace("Retried", "Someone Else"));
        assertIdReused(other);
        assertThat(events.types(contact)).containsExactly("ContactAdded");
    }

    @Test
    void identicalInterviewRequestsAtOnceStoreOneRequestAndAnswerAlike() {
        UUID contact = journal.addContact("Asked Once");
        UUID interview = UUID.randomUUID();
        String body = "{\"interviewId\":\"%s\",\"channel\":\"PHONE\",\"durationMinutes\":20,\"purpose\":\"careers\"}"
                .formatted(interview);

        List<Answer> copies = Race.of(COPIES, i -> api.post(Journal.contact(contact) + "/interviews", body));

        assertAllAnsweredAlike("RequestInterview", copies, 201);
        assertThat(copies.get(0).json()).containsEntry("interviewId", interview.toString());
        assertThat(events.types(contact)).containsExactly("ContactAdded", "InterviewRequested");

        assertIdReused(api.post(Journal.contact(contact) + "/interviews", body.replace("careers", "something else")));
        assertThat(events.types(contact)).containsExactly("ContactAdded", "InterviewRequested");
    }

    @Test
    void identicalFollowUpsAtOnceStoreOneFollowUpAndAnswerAlike() {
        UUID contact = journal.addContact("Followed Up Once");
        UUID followUp = UUID.randomUUID();
        String body = "{\"followUpId\":\"%s\",\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"note\":\"hello\"}"
                .formatted(followUp);

        List<Answer> copies = Race.of(COPIES, i -> api.post(Journal.contact(contact) + "/follow-ups", body));

        assertAllAnsweredAlike("LogFollowUp", copies, 201);
        assertThat(copies.get(0).json()).containsEntry("followUpId", followUp.toString());
        assertThat(events.types(contact)).containsExactly("ContactAdded", "FollowUpLogged");

        assertIdReused(api.post(Journal.contact(contact) + "/follow-ups", body.replace("CHECK_IN", "OTHER")));
        assertThat(events.types(contact)).containsExactly("ContactAdded", "FollowUpLogged");
    }

    @Test
    void identicalReferralsAtOnceStoreOneReferredContactAndAnswerAlike() {
        UUID referrer = journal.addContact("Referrer");
        UUID referred = UUID.randomUUID();
        String body = "{\"contactId\":\"%s\",\"name\":\"Referred Once\"}".formatted(referred);

        List<Answer> copies = Race.of(COPIES, i -> api.post(Journal.contact(referrer) + "/referrals", body));

        assertAllAnsweredAlike("ReferContact", copies, 201);
        assertThat(events.types(referrer)).containsExactly("ContactAdded", "ReferralReceived");
        assertThat(events.types(referred)).containsExactly("ContactAdded");

        assertIdReused(api.post(Journal.contact(referrer) + "/referrals", body.replace("Referred Once", "Another")));
        assertThat(events.types(referred)).containsExactly("ContactAdded");
    }

    private static void assertAllAnsweredAlike(String command, List<Answer> copies, int status) {
        log.info("{} with one client id x{} at once: {}; answers {}", command, copies.size(), Race.tally(copies),
                copies.stream().map(Answer::body).distinct().toList());
        assertThat(copies).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(status));
        assertThat(copies).extracting(Answer::json).containsOnly(copies.get(0).json());
    }

    private static void assertIdReused(Answer answer) {
        log.info("The same id with another payload: {}", answer.outcome());
        assertThat(answer.status()).as("%s", answer).isEqualTo(409);
        assertThat(answer.problemType()).isEqualTo("id-reused");
    }
}
