package app.rapport.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.FollowUpKind;
import app.rapport.values.InterviewChecklist;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * Rows of {@code domain_event_entry} exactly as Axon's JDBC engine writes them for the app: the
 * shared-events records serialized by a mapper configured like the platform's
 * {@code defaultAxonObjectMapper}, metadata with actor, correlation and trace ids, the aggregate
 * type {@code Contact}, sequence numbers from 0 and Axon's millisecond timestamp format.
 */
final class StoredEvents {

    /** One row, ready for COPY or INSERT; the global index is left to the identity column. */
    record Row(String aggregateId, long sequence, String eventId, byte[] metaData, byte[] payload,
               String payloadType, String timestamp) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final DateTimeFormatter AXON_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final String[] ORGANIZATIONS = {"City Archives", "Northwind Health", "Acme Robotics",
            "Harbor Bank", "Riverside Library", "Blue Sky Labs", "Civic Design Studio", "Greenfield Energy",
            "Museum of Maps", "Atlas Logistics", "Summit Law", "Open Data Office"};
    private static final String[] ROLES = {"Archivist", "Data analyst", "Product manager", "Nurse practitioner",
            "UX researcher", "Policy advisor", "Engineer", "Curator", "Reference librarian", "Economist"};
    private static final String[] SPECIALIZATIONS = {"records", "analytics", "product", "health", "research",
            "policy", "software", "museums", "libraries", "finance"};
    private static final Channel[] CHANNELS = Channel.values();
    private static final ContactSource[] SOURCES = {ContactSource.COLD, ContactSource.EVENT, ContactSource.SOCIAL,
            ContactSource.OTHER, ContactSource.COLD};
    private static final FollowUpKind[] KINDS = FollowUpKind.values();

    private StoredEvents() {
    }

    /**
     * A relationship's whole history, about ten events on average: most interviews are accepted,
     * prepared, held, thanked for and followed up over months; some are declined, unanswered or
     * still open, and some thank-yous are missing or late, so every read model has work.
     */
    static List<Row> relationship(String owner, UUID contactId, Random random, Instant now) {
        List<Object> events = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(40 + random.nextInt(360))).plusSeconds(random.nextInt(86_400));
        ContactDetails details = new ContactDetails("Contact " + contactId.toString().substring(0, 8),
                pick(ORGANIZATIONS, random), pick(ROLES, random), pick(SPECIALIZATIONS, random), pick(CHANNELS, random),
                "Main office", "someone@example.org", "+1 555 0100", "met at the spring career fair");
        events.add(new ContactAdded(contactId, owner, details, pick(SOURCES, random), null, 60, start));
        if (random.nextInt(10) < 3) {
            events.add(new FollowUpCadenceSet(contactId, owner, 30 + random.nextInt(60), start.plusSeconds(600)));
        }
        if (random.nextInt(10) < 3) {
            events.add(new ContactDetailsChanged(contactId, owner,
                    new ContactDetails(null, null, pick(ROLES, random), null, null, null, null, null, null),
                    start.plus(Duration.ofHours(2))));
        }
        UUID interviewId = UUID.randomUUID();
        int minutes = 20 + 5 * random.nextInt(3);
        Channel channel = pick(CHANNELS, random);
        Instant requested = start.plus(Duration.ofDays(1));
        events.add(new InterviewRequested(contactId, owner, interviewId, channel, minutes,
                "learn how a " + details.role() + " spends the week", "Hello, I am a student ...", requested));
        int outcome = random.nextInt(100);
        if (outcome < 72) {
            Instant held = requested.plus(Duration.ofDays(7 + random.nextInt(7)));
            events.add(new InterviewAccepted(contactId, owner, interviewId, "happy to talk",
                    requested.plus(Duration.ofHours(10 + random.nextInt(60)))));
            events.add(new InterviewScheduled(contactId, owner, interviewId, held, channel, "video call",
                    requested.plus(Duration.ofDays(3))));
            events.add(new InterviewPrepared(contactId, owner, interviewId,
                    List.of("How did you start?", "What does a typical week look like?", "Who else should I ask?"),
                    "read their last three posts", random.nextBoolean(), held.minus(Duration.ofDays(1))));
            events.add(new InterviewHeld(contactId, owner, interviewId, minutes, minutes - 5 + random.nextInt(16),
                    "good advice on portfolios",
                    new InterviewChecklist(true, true, random.nextBoolean(), random.nextInt(10) > 0), held));
            Instant last = held;
            if (random.nextInt(10) > 0) {
                last = held.plus(Duration.ofHours(random.nextInt(5) == 0 ? 30 + random.nextInt(40) : 2 + random.nextInt(20)));
                events.add(new ThankYouSent(contactId, owner, interviewId, Channel.EMAIL, "thank you for your time", last));
            }
            int followUps = 2 + random.nextInt(5);
            for (int i = 0; i < followUps; i++) {
                Instant at = last.plus(Duration.ofDays(20 + random.nextInt(40)));
                if (at.isAfter(now)) {
                    break;
                }
                events.add(new FollowUpLogged(contactId, owner, UUID.randomUUID(), pick(KINDS, random),
                        pick(CHANNELS, random), "saw your talk", at));
                last = at;
            }
        } else if (outcome < 86) {
            events.add(new InterviewDeclined(contactId, owner, interviewId, "too busy this term",
                    requested.plus(Duration.ofDays(2))));
            if (random.nextBoolean()) {
                events.add(new FollowUpLogged(contactId, owner, UUID.randomUUID(), FollowUpKind.CHECK_IN,
                        Channel.EMAIL, "checking in", requested.plus(Duration.ofDays(30))));
            }
        } else if (outcome < 95) {
            events.add(new InterviewRequestUnanswered(contactId, owner, interviewId, "no answer after a nudge",
                    requested.plus(Duration.ofDays(14))));
        }
        List<Row> rows = new ArrayList<>(events.size());
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object event = events.get(sequence);
            Instant at = atOf(event);
            Instant recorded = at.plusSeconds(60 + random.nextInt(3_600));
            rows.add(row(contactId.toString(), sequence, event, owner, recorded.isAfter(now) ? now : recorded));
        }
        return rows;
    }

    static Row row(String aggregateId, long sequence, Object event, String actor, Instant recorded) {
        String correlation = UUID.randomUUID().toString();
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("traceId", correlation);
        metaData.put("actor", actor);
        metaData.put("correlationId", correlation);
        try {
            return new Row(aggregateId, sequence, UUID.randomUUID().toString(), MAPPER.writeValueAsBytes(metaData),
                    MAPPER.writeValueAsBytes(event), event.getClass().getName(), AXON_TIMESTAMP.format(recorded));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant atOf(Object event) {
        try {
            return (Instant) event.getClass().getMethod("at").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
