package app.rapport.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side finds an event's journal, contact and time through {@link ContactEvent} and
 * {@link NetworkerEvent}; an event outside them would silently vanish from the timeline and the audit.
 */
class EventContractTest {

    private static final String EVENTS_PACKAGE = "app.rapport.events";
    private static final List<Class<?>> CONTRACT = List.of(JournalEvent.class, ContactEvent.class, NetworkerEvent.class);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEvent_isEitherAContactOrANetworkerEvent(Class<?> type) {
        assertThat(ContactEvent.class.isAssignableFrom(type) ^ NetworkerEvent.class.isAssignableFrom(type))
                .as("%s implements exactly one of ContactEvent and NetworkerEvent", type.getName())
                .isTrue();
    }

    // A hand-written accessor would satisfy the compiler without being stored, and the audit
    // trail reads owner and contact from the stored JSON.
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyContractAccessor_isAStoredComponent(Class<?> type) {
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();

        for (Class<?> contract : CONTRACT) {
            if (contract.isAssignableFrom(type)) {
                assertThat(components).containsAll(
                        Arrays.stream(contract.getDeclaredMethods()).map(Method::getName).toList());
            }
        }
    }

    @Test
    void contractTypes_declareOnlyAbstractAccessors() {
        for (Class<?> contract : CONTRACT) {
            assertThat(contract.getDeclaredMethods())
                    .as("methods of %s", contract.getSimpleName())
                    .allMatch(method -> !method.isDefault() && method.getParameterCount() == 0);
        }
    }

    @Test
    void everySample_writesItsComponentsAndNothingElse() throws Exception {
        for (Object event : EventSamples.all()) {
            JsonNode tree = json.readTree(json.writeValueAsString(event));

            assertThat(fieldNames(tree)).as(event.getClass().getSimpleName()).containsExactlyElementsOf(
                    Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    // Every record below the events package is an event; test helpers live in the package itself.
    static List<Class<?>> eventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<?>> types = scanner.findCandidateComponents(EVENTS_PACKAGE).stream()
                .map(candidate -> candidate.getBeanClassName())
                .filter(name -> name.lastIndexOf('.') > EVENTS_PACKAGE.length())
                .sorted()
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, null))
                .toList();
        assertThat(types).isNotEmpty();
        return types;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
