package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Brings a journal into the state a test starts from, through the API like a client would. */
record Journal(Api api) {

    /** Far enough back that every step fits before now, as people log interviews after the fact. */
    static final Instant EARLIER = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    UUID addContact(String name) {
        UUID id = UUID.randomUUID();
        expect(api.post("/api/contacts", """
                {"contactId":"%s","name":"%s","source":"COLD","at":"%s"}""".formatted(id, name, EARLIER)), 201);
        return id;
    }

    UUID requestInterview(UUID contact) {
        UUID id = UUID.randomUUID();
        expect(api.post(contact(contact) + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"how archives hire","at":"%s"}"""
                .formatted(id, EARLIER.plus(1, ChronoUnit.HOURS))), 201);
        return id;
    }

    /** Requested, accepted, scheduled and held: ready to be thanked for. Four events on the contact. */
    UUID heldInterview(UUID contact) {
        UUID id = requestInterview(contact);
        String interview = interview(contact, id);
        expect(api.post(interview + "/response", "{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}"
                .formatted(EARLIER.plus(2, ChronoUnit.HOURS))), 200);
        expect(api.post(interview + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"at\":\"%s\"}"
                .formatted(EARLIER.plus(2, ChronoUnit.DAYS), EARLIER.plus(3, ChronoUnit.HOURS))), 200);
        expect(api.post(interview + "/hold", "{\"heldAt\":\"%s\",\"actualMinutes\":30}"
                .formatted(EARLIER.plus(2, ChronoUnit.DAYS))), 200);
        return id;
    }

    static String contact(UUID contact) {
        return "/api/contacts/" + contact;
    }

    static String interview(UUID contact, UUID interview) {
        return contact(contact) + "/interviews/" + interview;
    }

    static Answer expect(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        return answer;
    }
}
