package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import app.rapport.platform.axon.EventStoreTables;
import app.rapport.platform.axon.EventStoreTables.SegmentToken;
import app.rapport.platform.axon.ProcessorProgress;
import app.rapport.query.QuerySettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate on a replica that owns segment 0 of two, the other replica owning segment 1 and
 * storing its token only now and then: a read waits for the segments that own events up to its
 * position, not for a token of an idle segment to move.
 */
class ConsistencyGateTest {

    private static final String GROUP = "contacts";
    private static final Segment[] SEGMENTS = Segment.computeSegments(0, 1);
    private static final Segment HERE = SEGMENTS[0];
    private static final Segment THERE = SEGMENTS[1];
    private static final long HEAD = 10;

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventStoreTables tables = mock(EventStoreTables.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final NavigableMap<Long, String> aggregates = new TreeMap<>();
    private final Map<Integer, EventTrackerStatus> live = new HashMap<>();
    private final List<SegmentToken> stored = new ArrayList<>();
    private ConsistencyGate gate;

    @BeforeEach
    void twoReplicasOneSegmentEach() {
        when(processing.eventProcessorByProcessingGroup(GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        doReturn(SequentialPerAggregatePolicy.instance()).when(processing).sequencingPolicy(GROUP);
        when(processor.getName()).thenReturn(GROUP);
        when(processor.processingStatus()).thenReturn(live);
        when(tables.storedSegmentTokens(GROUP)).thenReturn(stored);
        when(tables.aggregatesBetween(anyLong(), anyLong())).thenAnswer(call -> new TreeMap<>(
                aggregates.subMap(call.<Long>getArgument(0), true, call.<Long>getArgument(1), true)));
        when(eventStore.createHeadToken()).thenReturn(at(HEAD));
        gate = new ConsistencyGate(processing, eventStore, tables, new ProcessorProgress(),
                new QuerySettings("", new QuerySettings.Query(Duration.ofMillis(200), Duration.ofSeconds(5))));
        for (long index = 1; index <= HEAD; index++) {
            aggregates.put(index, aggregateOf(HERE, index));
        }
    }

    @Test
    void answers_whenTheSegmentHereHasPassedItsEvent_thoughTheIdleSegmentThereStoredAnOlderToken() {
        owns(HERE, at(HEAD), at(4));
        storedThere(at(4));

        assertThatCode(() -> gate.awaitProcessed(HEAD, GROUP)).doesNotThrowAnyException();
    }

    @Test
    void answers_whenTheSegmentThereHasStoredATokenPastItsEvent() {
        aggregates.put(HEAD, aggregateOf(THERE, HEAD));
        owns(HERE, at(HEAD), at(4));
        storedThere(at(HEAD));

        assertThatCode(() -> gate.awaitProcessed(HEAD, GROUP)).doesNotThrowAnyException();
    }

    @Test
    void waits_whileTheSegmentThereHasNotStoredATokenPastItsEvent() {
        aggregates.put(HEAD, aggregateOf(THERE, HEAD));
        owns(HERE, at(HEAD), at(4));
        storedThere(at(HEAD - 1));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD, GROUP)).isInstanceOf(NotYetConsistentException.class);
    }

    @Test
    void waits_whileTheSegmentThereHasNotStoredATokenPastAnEarlierEventOfItsOwn() {
        aggregates.put(7L, aggregateOf(THERE, 7));
        owns(HERE, at(HEAD), at(4));
        storedThere(at(4));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD, GROUP)).isInstanceOf(NotYetConsistentException.class);
    }

    @Test
    void waits_whileAnEventOfTheSegmentThereIsAGapInItsToken() {
        aggregates.put(7L, aggregateOf(THERE, 7));
        owns(HERE, at(HEAD), at(4));
        storedThere(GapAwareTrackingToken.newInstance(8, List.of(7L)));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD, GROUP)).isInstanceOf(NotYetConsistentException.class);
    }

    @Test
    void waits_whileTheSegmentHereHasNotReachedItsEvent() {
        owns(HERE, at(HEAD - 1), at(4));
        storedThere(at(HEAD));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD, GROUP)).isInstanceOf(NotYetConsistentException.class);
    }

    @Test
    void waitsForEverySegmentToPassThePosition_underAnotherSequencingPolicy() {
        doReturn(new SequentialPolicy()).when(processing).sequencingPolicy(GROUP);
        owns(HERE, at(HEAD), at(4));
        storedThere(at(4));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD, GROUP)).isInstanceOf(NotYetConsistentException.class);
    }

    @Test
    void answers_fromTheLiveTokensAlone_whenThisReplicaOwnsEverySegment() {
        owns(HERE, at(HEAD), at(4));
        owns(THERE, at(HEAD), at(4));
        aggregates.put(7L, aggregateOf(THERE, 7));

        assertThatCode(() -> gate.awaitProcessed(HEAD, GROUP)).doesNotThrowAnyException();
    }

    @Test
    void answers_withoutReadingStoredTokens_whenThisReplicaOwnsEverySegment_andTheOneBehindHasNoEventsOfItsOwnLeft() {
        owns(HERE, at(HEAD), at(4));
        owns(THERE, at(4), at(4));

        assertThatCode(() -> gate.awaitProcessed(HEAD, GROUP)).doesNotThrowAnyException();
        verify(tables, never()).storedSegmentTokens(GROUP);
    }

    @Test
    void waits_whenThisReplicaOwnsEverySegment_andTheOneBehindHasNotReachedAnEventOfItsOwn() {
        aggregates.put(7L, aggregateOf(THERE, 7));
        owns(HERE, at(HEAD), at(4));
        owns(THERE, at(4), at(HEAD));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD, GROUP)).isInstanceOf(NotYetConsistentException.class);
        verify(tables, never()).storedSegmentTokens(GROUP);
    }

    @Test
    void answersAtOnce_whenThereIsNoPosition() {
        assertThatCode(() -> gate.awaitProcessed(null, GROUP)).doesNotThrowAnyException();
    }

    @Test
    void refuses_aPositionPastTheHead() {
        owns(HERE, at(HEAD), at(HEAD));
        storedThere(at(HEAD));

        assertThatThrownBy(() -> gate.awaitProcessed(HEAD + 1, GROUP)).isInstanceOf(BadQueryParameterException.class);
    }

    private void owns(Segment segment, TrackingToken liveToken, TrackingToken storedToken) {
        live.put(segment.getSegmentId(), new TrackerStatus(segment, liveToken));
        stored.add(new SegmentToken(segment.getSegmentId(), storedToken));
    }

    private void storedThere(TrackingToken token) {
        stored.add(new SegmentToken(THERE.getSegmentId(), token));
    }

    private static TrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    /** An aggregate identifier the default sequencing policy puts in {@code segment}. */
    private static String aggregateOf(Segment segment, long index) {
        for (int attempt = 0; ; attempt++) {
            String id = "contact-" + index + "-" + attempt;
            if (segment.matches(id)) {
                return id;
            }
        }
    }
}
