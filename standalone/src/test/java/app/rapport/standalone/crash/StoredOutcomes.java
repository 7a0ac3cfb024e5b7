package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a workload's answers promise about the event store: every command answered 2xx has its
 * event at the position it was answered with, no refused command left an event, and a command
 * repeated after an uncertain answer (none, 502, 503, 504) was stored no more often than its
 * attempts allow.
 * <p>
 * A repetition may legitimately be refused: the attempt whose answer was lost had been stored, so
 * the aggregate refuses the transition a second time (an interview accepted, held or thanked for
 * once). Such a refusal proves that event is in the store; a command the workload sends to be
 * accepted and that is refused at its first attempt is a wrong refusal.
 */
final class StoredOutcomes {

    private StoredOutcomes() {
    }

    /** One command of the workload: all its attempts, in order. */
    private record Command(UUID contactId, String step, List<Workload.Sent> attempts) {

        Workload.Sent last() {
            return attempts.get(attempts.size() - 1);
        }

        String event() {
            return last().event();
        }

        /** Its event is in the store: an attempt was answered 2xx, or a repetition of a command meant to be accepted was refused. */
        boolean provenStored() {
            return attempts.stream().anyMatch(Workload.Sent::answeredOk)
                    || (!last().refusalExpected() && last().status() == 409 && attempts.size() > 1);
        }

        /** How many events it may have stored: one per attempt answered 2xx or uncertain, at most one if it stores once. */
        long mostStored() {
            long mayHaveStored = attempts.stream().filter(a -> a.answeredOk() || a.uncertain()).count();
            return last().once() ? Math.min(1, mayHaveStored) : mayHaveStored;
        }
    }

    /** Checks the promises; answers how many events the store holds. */
    static long assertKept(Connection db, List<Workload.Sent> sent) throws SQLException {
        for (Workload.Sent command : sent) {
            if (command.answeredOk()) {
                assertThat(eventAt(db, command.position())).as("%s", command)
                        .isEqualTo(command.contactId() + " " + command.event());
            }
        }
        List<Command> commands = commands(sent);
        for (Command command : commands) {
            Workload.Sent last = command.last();
            if (last.status() == 409 && !last.refusalExpected()) {
                // a repetition follows only an uncertain answer, whose attempt the refusal proves stored
                assertThat(command.attempts()).as("%s of contact %s refused at its first attempt, though sent to be "
                        + "accepted", command.step(), command.contactId()).hasSizeGreaterThan(1);
            }
        }
        Map<UUID, Map<String, Long>> stored = eventsByContact(db);
        Map<UUID, Map<String, List<Command>>> byContact = commands.stream().collect(Collectors.groupingBy(
                Command::contactId, Collectors.groupingBy(Command::event)));
        byContact.forEach((contact, byEvent) -> {
            Map<String, Long> events = stored.getOrDefault(contact, Map.of());
            assertThat(byEvent.keySet()).as("events of contact %s that no command of the workload stores", contact)
                    .containsAll(events.keySet());
            byEvent.forEach((event, producers) -> {
                long least = producers.stream().filter(Command::provenStored).count();
                long most = producers.stream().mapToLong(Command::mostStored).sum();
                assertThat(events.getOrDefault(event, 0L))
                        .as("%s events of contact %s, stored by %s", event, contact, producers)
                        .isBetween(least, most);
            });
        });
        return count(db);
    }

    static long answered(List<Workload.Sent> sent) {
        return sent.stream().filter(Workload.Sent::answeredOk).count();
    }

    static long refused(List<Workload.Sent> sent) {
        return sent.stream().filter(command -> command.status() == 409).count();
    }

    /** The attempts grouped into commands: a command's attempts follow each other, the first numbered 1. */
    private static List<Command> commands(List<Workload.Sent> sent) {
        Map<String, List<Workload.Sent>> current = new HashMap<>();
        List<List<Workload.Sent>> commands = new ArrayList<>();
        for (Workload.Sent attempt : sent) {
            String key = attempt.contactId() + " " + attempt.step();
            if (attempt.attempt() == 1) {
                current.put(key, new ArrayList<>());
                commands.add(current.get(key));
            }
            assertThat(current).as("attempt %s of a command whose first attempt is not recorded", attempt)
                    .containsKey(key);
            current.get(key).add(attempt);
        }
        return commands.stream().map(attempts -> new Command(attempts.get(0).contactId(), attempts.get(0).step(),
                List.copyOf(attempts))).toList();
    }

    private static String eventAt(Connection db, long position) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT aggregate_identifier, payload_type FROM domain_event_entry WHERE global_index = ?")) {
            statement.setLong(1, position);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return "no event at " + position;
                }
                return row.getString("aggregate_identifier") + " " + simpleName(row.getString("payload_type"));
            }
        }
    }

    private static Map<UUID, Map<String, Long>> eventsByContact(Connection db) throws SQLException {
        Map<UUID, Map<String, Long>> events = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT aggregate_identifier, payload_type, count(*) "
                + "FROM domain_event_entry GROUP BY aggregate_identifier, payload_type");
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                UUID aggregate;
                try {
                    aggregate = UUID.fromString(row.getString(1));
                } catch (IllegalArgumentException notAContact) {
                    continue;
                }
                events.computeIfAbsent(aggregate, id -> new HashMap<>()).put(simpleName(row.getString(2)), row.getLong(3));
            }
        }
        return events;
    }

    private static long count(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM domain_event_entry");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
