package app.rapport.query.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.rapport.events.ContactEvent;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.networker.MentorAccessGranted;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

class EventSubjectTest {

    private static final String EVENTS_PACKAGE = "app.rapport.events";
    private static final String OWNER = "ada";
    private static final UUID CONTACT = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000001");
    // every other id differs from the contact's, so the subject cannot pick up the wrong one
    private static final UUID OTHER_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-0000000000ff");
    private static final Instant AT = Instant.parse("2026-03-04T15:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void everyEvent_namesItsOwner_andContactEventsTheirContact(String name, Object event) {
        EventSubject expected = new EventSubject(OWNER, event instanceof ContactEvent ? CONTACT : null);

        assertThat(EventSubject.of(event)).contains(expected);
    }

    @Test
    void networkerEvent_isNotAboutAContact() {
        assertThat(EventSubject.of(new MentorAccessGranted(OWNER, "grace", AT)))
                .hasValueSatisfying(subject -> assertThat(subject.aboutContact()).isFalse());
    }

    @Test
    void payloadThatIsNoEvent_hasNoSubject() {
        assertThat(EventSubject.of("ContactAdded")).isEmpty();
        assertThat(EventSubject.of(new LooksLikeAnEvent(CONTACT, OWNER, AT))).isEmpty();
        assertThat(EventSubject.of(null)).isEmpty();
    }

    @Test
    void eventWithoutOwner_hasNoSubject() {
        assertThat(EventSubject.of(new ContactArchived(CONTACT, null, AT))).isEmpty();
    }

    @Test
    void contactsOf_namesEachContactOnce_andLeavesOutNetworkerEvents() {
        UUID other = UUID.randomUUID();

        assertThat(EventSubject.contactsOf(List.of(
                GenericEventMessage.asEventMessage(new ContactArchived(CONTACT, OWNER, AT)),
                GenericEventMessage.asEventMessage(new MentorAccessGranted(OWNER, "grace", AT)),
                GenericEventMessage.asEventMessage(new FollowUpCadenceSet(other, OWNER, 30, AT)),
                GenericEventMessage.asEventMessage(new FollowUpCadenceSet(CONTACT, OWNER, 14, AT)))))
                .containsExactly(new EventSubject(OWNER, CONTACT), new EventSubject(OWNER, other));
    }

    /** Has the stored names but not the contract: being found by name is what no longer happens. */
    private record LooksLikeAnEvent(UUID contactId, String ownerId, Instant at) {
    }

    // One instance of every event record on the classpath, so that a new event is covered
    // without being listed here.
    static List<Object[]> everyEvent() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Object[]> events = scanner.findCandidateComponents(EVENTS_PACKAGE).stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .map(type -> new Object[] {type.getSimpleName(), instanceOf(type)})
                .toList();
        assertThat(events).hasSizeGreaterThan(3);
        return events;
    }

    private static Object instanceOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components).map(EventSubjectTest::valueFor).toArray();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName(), e);
        }
    }

    // The stored names say where owner and contact are, which is what the contract types must agree with.
    private static Object valueFor(RecordComponent component) {
        Class<?> type = component.getType();
        return switch (component.getName()) {
            case "ownerId", "networkerId" -> OWNER;
            case "contactId" -> CONTACT;
            default -> type == UUID.class ? OTHER_ID
                    : type == String.class ? "text"
                    : type == Instant.class ? AT
                    : type == int.class ? 1
                    : type == boolean.class ? Boolean.TRUE
                    : type == List.class ? List.of()
                    : type.isEnum() ? type.getEnumConstants()[0]
                    : null;
        };
    }
}
