package app.rapport.query.calendar;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import org.junit.jupiter.api.Test;

class CalendarTablesTest extends TableMappingTest {

    @Test
    void calendarFeed_hasOneMappingToTheSchema() {
        String owner = "feeder-" + UUID.randomUUID();
        assertOneMapping("calendar_feed",
                new CalendarFeed(owner, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        Instant.parse("2026-01-05T09:00:00.123456Z"), 4),
                CalendarFeed.UPSERT, CalendarFeed.MAPPER, "owner_id", owner);
    }
}
