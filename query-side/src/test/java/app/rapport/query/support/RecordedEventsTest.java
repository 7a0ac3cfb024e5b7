package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;
import java.util.UUID;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The streams kept between questions: a stream that has not grown is answered from what was
 * read, one that grew is read again whole — even by an event stamped before the moment asked
 * about, so what is kept never makes an answer differ from reading the store.
 */
class RecordedEventsTest extends QueryIntegrationTest {

    @Autowired
    RecordedEvents recorded;

    @Test
    void aStreamThatHasNotGrown_isAnsweredFromWhatWasRead() {
        Journal.ContactStream maya = journal().contact("Maya Chen", NOW.minusSeconds(3_600)).followUp(NOW.minusSeconds(60));

        List<TrackedEventMessage<?>> first = recorded.recordedBy(List.of(maya.id), NOW);
        List<TrackedEventMessage<?>> second = recorded.recordedBy(List.of(maya.id), NOW.minusSeconds(600));

        assertThat(first).hasSize(2);
        assertThat(second).as("the stream up to the moment asked about").hasSize(1);
        assertThat(second.get(0)).as("the message read the first time, not read again").isSameAs(first.get(0));
    }

    @Test
    void aStreamThatGrew_isReadAgain_evenByAnEventStampedBeforeTheMomentAskedAbout() {
        Journal.ContactStream maya = journal().contact("Maya Chen", NOW.minusSeconds(3_600));
        Instant asked = NOW.minusSeconds(120);
        List<TrackedEventMessage<?>> before = recorded.recordedBy(List.of(maya.id), asked);

        // a late writer: its event carries a timestamp older than the moment already asked about
        maya.append(new FollowUpLogged(maya.id, maya.owner(), UUID.randomUUID(), FollowUpKind.CHECK_IN,
                Channel.EMAIL, "late", NOW.minusSeconds(1_800)), NOW.minusSeconds(1_800));
        List<TrackedEventMessage<?>> after = recorded.recordedBy(List.of(maya.id), asked);

        assertThat(before).hasSize(1);
        assertThat(after).extracting(event -> event.getPayloadType().getSimpleName())
                .containsExactly("ContactAdded", "FollowUpLogged");
    }

    @Test
    void contactsWithoutEvents_foldNothing() {
        assertThat(recorded.recordedBy(List.of(UUID.randomUUID()), NOW)).isEmpty();
    }
}
