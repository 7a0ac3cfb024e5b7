package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class AmendedHistoryTest {

    static final UUID CONTACT = UUID.randomUUID();
    static final String OWNER = "ada";
    static final Instant AT = Instant.parse("2026-03-04T15:00:00Z");

    long sequence;

    DomainEventMessage<?> event(Object payload) {
        return new GenericDomainEventMessage<>("Contact", CONTACT.toString(), sequence++, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), AT.plusSeconds(sequence));
    }

    FollowUpLogged followUp(String note) {
        return new FollowUpLogged(CONTACT, OWNER, UUID.randomUUID(), FollowUpKind.CHECK_IN, Channel.EMAIL, note, AT);
    }

    EntryCorrected correction(DomainEventMessage<?> of, String note) {
        return new EntryCorrected(CONTACT, OWNER, of.getIdentifier(), "FollowUpLogged", null, null,
                new EntryChanges(null, null, null, note, null, null), "typo", AT);
    }

    @Test
    void correctionsApplyInTurn_retractedEntriesAreLeftOut_andTheAmendmentsStay() {
        var added = event(new ContactAdded(CONTACT, OWNER, new ContactDetails("Maya", null, null, null, null, null,
                null, null, null), ContactSource.COLD, null, 0, AT));
        var kept = event(followUp("first"));
        var dropped = event(followUp("second"));
        var firstFix = event(correction(kept, "fixed"));
        var secondFix = event(correction(kept, "fixed again"));
        var retraction = event(new EntryRetracted(CONTACT, OWNER, dropped.getIdentifier(), "FollowUpLogged", null,
                null, "wrong contact", AT));

        AmendedHistory history = AmendedHistory.read(List.of(added, kept, dropped, firstFix, secondFix, retraction));

        assertThat(history.amended()).extracting(DomainEventMessage::getIdentifier).containsExactly(
                added.getIdentifier(), kept.getIdentifier(), firstFix.getIdentifier(), secondFix.getIdentifier(),
                retraction.getIdentifier());
        DomainEventMessage<?> reads = history.amended().get(1);
        assertThat(((FollowUpLogged) reads.getPayload()).note()).isEqualTo("fixed again");
        assertThat(reads.getSequenceNumber()).isEqualTo(kept.getSequenceNumber());
        assertThat(reads.getTimestamp()).isEqualTo(kept.getTimestamp());
        assertThat(history.correctionsOf(kept.getIdentifier())).containsExactly(firstFix, secondFix);
        assertThat(history.retractionOf(dropped.getIdentifier())).contains(retraction);
        assertThat(history.isRetracted(kept.getIdentifier())).isFalse();
    }

    @Test
    void theHistoryAsRecordedByAMoment_readsAsItStoodThen() {
        var kept = event(followUp("first"));
        var fix = event(correction(kept, "fixed"));

        assertThat(AmendedHistory.of(List.of(kept))).containsExactly(kept);
        assertThat(((FollowUpLogged) AmendedHistory.of(List.of(kept, fix)).get(0).getPayload()).note())
                .isEqualTo("fixed");
    }

    @Test
    void aCorrectionThatDoesNotFitItsEntry_isIgnored() {
        var kept = event(followUp("first"));
        var misfit = event(new EntryCorrected(CONTACT, OWNER, kept.getIdentifier(), "FollowUpLogged", null, null,
                new EntryChanges(null, null, 40, null, null, null), "minutes on a follow-up", AT));

        AmendedHistory history = AmendedHistory.read(List.of(kept, misfit));

        assertThat(history.amended().get(0)).isSameAs(kept);
        assertThat(history.correctionsOf(kept.getIdentifier())).isEmpty();
    }
}
