package app.rapport.query.calendar;

import java.util.List;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.CalendarFeedRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps which token hash opens whose calendar feed. A feed changes a few times in a networker's
 * life, so each event is one conditional upsert: redelivered, or older than what was applied, it
 * changes nothing.
 */
@Component
@ProcessingGroup(CalendarFeedProjection.GROUP)
class CalendarFeedProjection {

    static final String GROUP = "calendar";

    private final JdbcTemplate jdbc;

    CalendarFeedProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CalendarFeedCreated event, @SequenceNumber long sequence) {
        write(new CalendarFeed(event.networkerId(), event.tokenHash(), event.at(), sequence));
    }

    @EventHandler
    void on(CalendarFeedRevoked event, @SequenceNumber long sequence) {
        write(new CalendarFeed(event.networkerId(), null, event.at(), sequence));
    }

    /** An erased account has no feed any more: its token stops opening anything. */
    @EventHandler
    void on(AccountErased event, @SequenceNumber long sequence) {
        write(new CalendarFeed(event.networkerId(), null, event.at(), sequence));
    }

    private void write(CalendarFeed feed) {
        CalendarFeed.UPSERT.write(jdbc, List.of(feed));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM calendar_feed");
    }
}
