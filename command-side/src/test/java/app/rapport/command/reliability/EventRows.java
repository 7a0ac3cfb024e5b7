package app.rapport.command.reliability;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store holds, read with SQL so no framework stands between a test and the rows. */
record EventRows(JdbcTemplate jdbc) {

    long total() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    List<Long> sequenceNumbers(Object aggregate) {
        return jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, aggregate.toString());
    }

    /** The simple names of an aggregate's event types, in sequence order. */
    List<String> types(Object aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", String.class, aggregate.toString()).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    long count(Object aggregate, String type) {
        return types(aggregate).stream().filter(type::equals).count();
    }
}
