package app.rapport.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.CalendarFeedToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CalendarFeedProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    CalendarFeedProjection projection;

    FeedStream feedOf(Journal journal) {
        return new FeedStream(eventStore, transaction, jdbc, journal.owner());
    }

    @Test
    void created_keepsTheTokensHash_andANewFeed_replacesIt() {
        Journal journal = journal();
        FeedStream feed = feedOf(journal);
        String first = feed.create(T0);
        awaitProjections();
        assertThat(hashOf(journal.owner())).containsExactly(CalendarFeedToken.hashOf(first));

        String second = feed.create(T0.plusSeconds(60));
        awaitProjections();
        assertThat(hashOf(journal.owner())).containsExactly(CalendarFeedToken.hashOf(second));
    }

    @Test
    void revoked_keepsTheRow_withoutAHash() {
        Journal journal = journal();
        FeedStream feed = feedOf(journal);
        feed.create(T0);
        feed.revoke(T0.plusSeconds(60));
        awaitProjections();

        assertThat(hashOf(journal.owner())).containsExactly((String) null);
    }

    @Test
    void appliedTwice_changesNothing_andAnOldCreationDoesNotReopenARevokedFeed() {
        Journal journal = journal();
        journal.grant("prof-lee", T0);
        FeedStream feed = feedOf(journal);
        feed.create(T0.plusSeconds(10));
        feed.create(T0.plusSeconds(20));
        feed.revoke(T0.plusSeconds(30));
        awaitProjections();
        var before = dump("calendar_feed");

        redeliver(projection, journal.owner());

        assertThat(dump("calendar_feed")).isEqualTo(before);
        assertThat(hashOf(journal.owner())).containsExactly((String) null);
    }

    private List<String> hashOf(String owner) {
        return jdbc.queryForList("SELECT token_hash FROM calendar_feed WHERE owner_id = ?", String.class, owner);
    }
}
