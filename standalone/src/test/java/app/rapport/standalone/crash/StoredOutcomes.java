package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * What a workload's answers promise about the event store: every command answered 2xx has its
 * event at the position it was answered with, and no refused command left an event.
 */
final class StoredOutcomes {

    private StoredOutcomes() {
    }

    /** Checks both promises; answers how many events the store holds. */
    static long assertKept(Connection db, List<Workload.Sent> sent) throws SQLException {
        for (Workload.Sent command : sent) {
            if (command.status() == 200 || command.status() == 201) {
                assertThat(eventAt(db, command.position())).as("%s", command)
                        .isEqualTo(command.contactId() + " " + command.expectedEvent());
            }
        }
        for (Workload.Sent command : sent) {
            if (command.status() == 409) {
                long thanked = thankYous(sent, command.contactId(), 200);
                // a thank-you in flight when the process was killed may have committed unanswered
                long unanswered = thankYous(sent, command.contactId(), 0);
                assertThat(count(db, command.contactId(), "ThankYouSent")).as("%s", command)
                        .isBetween(thanked, thanked + unanswered);
            }
        }
        return count(db, null, null);
    }

    static long answered(List<Workload.Sent> sent) {
        return sent.stream().filter(command -> command.status() == 200 || command.status() == 201).count();
    }

    static long refused(List<Workload.Sent> sent) {
        return sent.stream().filter(command -> command.status() == 409).count();
    }

    private static long thankYous(List<Workload.Sent> sent, UUID contact, int status) {
        return sent.stream().filter(command -> command.contactId().equals(contact)
                && command.step().equals("thank-you") && command.status() == status).count();
    }

    private static String eventAt(Connection db, long position) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT aggregate_identifier, payload_type FROM domain_event_entry WHERE global_index = ?")) {
            statement.setLong(1, position);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return "no event at " + position;
                }
                String type = row.getString("payload_type");
                return row.getString("aggregate_identifier") + " " + type.substring(type.lastIndexOf('.') + 1);
            }
        }
    }

    private static long count(Connection db, UUID aggregate, String type) throws SQLException {
        String sql = aggregate == null ? "SELECT count(*) FROM domain_event_entry"
                : "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (aggregate != null) {
                statement.setString(1, aggregate.toString());
                statement.setString(2, "%." + type);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
