package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.Preferences;
import app.rapport.values.FollowUpKind;
import app.rapport.values.InterviewChecklist;
import org.junit.jupiter.api.Test;

class KeepingInTouchTest {

    static final UUID CONTACT = UUID.randomUUID();
    static final UUID INTERVIEW = UUID.randomUUID();
    static final String OWNER = "ada";
    static final Instant AT = Instant.parse("2026-03-04T15:00:00Z");

    @Test
    void exchangesWithTheContact_areTouches() {
        List<Object> touches = List.of(
                new InterviewRequested(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, 30, "work", null, AT),
                new InterviewAccepted(CONTACT, OWNER, INTERVIEW, null, AT),
                new InterviewDeclined(CONTACT, OWNER, INTERVIEW, null, AT),
                new InterviewHeld(CONTACT, OWNER, INTERVIEW, 30, 30, null, new InterviewChecklist(true, true, true, true), AT),
                new ThankYouSent(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, null, AT),
                new NudgeSent(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, null, AT),
                new FollowUpLogged(CONTACT, OWNER, UUID.randomUUID(), FollowUpKind.CHECK_IN, Channel.EMAIL, null, AT),
                new JobInquiryMade(CONTACT, OWNER, null, null, false, AT));

        assertThat(touches).allSatisfy(event -> assertThat(KeepingInTouch.touchOf(event)).contains(AT));
    }

    @Test
    void whatTheNetworkerDoesInTheJournalAlone_isNoTouch() {
        List<Object> notTouches = List.of(
                new InterviewRequestUnanswered(CONTACT, OWNER, INTERVIEW, null, AT),
                new InterviewScheduled(CONTACT, OWNER, INTERVIEW, AT, Channel.VIDEO, null, AT),
                new InterviewPrepared(CONTACT, OWNER, INTERVIEW, List.of("?"), null, false, AT),
                new InterviewCancelled(CONTACT, OWNER, INTERVIEW, null, AT),
                new ContactDetailsChanged(CONTACT, OWNER, null, AT),
                new FollowUpCadenceSet(CONTACT, OWNER, 30, AT),
                new ContactArchived(CONTACT, OWNER, AT),
                new ContactRestored(CONTACT, OWNER, AT),
                new ReferralReceived(CONTACT, OWNER, UUID.randomUUID(), "Sam", AT),
                new EntryCorrected(CONTACT, OWNER, "e", "FollowUpLogged", null, null, null, "why", AT),
                new EntryRetracted(CONTACT, OWNER, "e", "FollowUpLogged", null, null, "why", AT));

        assertThat(notTouches).allSatisfy(event -> assertThat(KeepingInTouch.touchOf(event)).isEmpty());
    }

    @Test
    void theLastTouch_onlyMovesForward() {
        Instant later = AT.plusSeconds(60);
        Object earlierTouch = new NudgeSent(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, null, AT);

        assertThat(KeepingInTouch.lastTouchAfter(later, earlierTouch)).isEqualTo(later);
        assertThat(KeepingInTouch.lastTouchAfter(null, earlierTouch)).isEqualTo(AT);
        assertThat(KeepingInTouch.lastTouchAfter(later, new ContactArchived(CONTACT, OWNER, AT.plusSeconds(120))))
                .isEqualTo(later);
    }

    @Test
    void aTouchIsOwed_onceThanked_whileNotArchived_afterTheCadence() {
        Duration cadence = Duration.ofDays(30);

        assertThat(KeepingInTouch.nextTouchDue(true, false, AT, cadence)).isEqualTo(AT.plus(cadence));
        assertThat(KeepingInTouch.nextTouchDue(false, false, AT, cadence)).isNull();
        assertThat(KeepingInTouch.nextTouchDue(true, true, AT, cadence)).isNull();
        assertThat(KeepingInTouch.nextTouchDue(true, false, null, cadence)).isNull();
    }

    @Test
    void aPreferenceIsIgnored_onlyWhenThereIsOne_placesComparedWithoutCaseAndSpace() {
        assertThat(Preferences.ignoresChannel(Channel.EMAIL, Channel.PHONE)).isTrue();
        assertThat(Preferences.ignoresChannel(Channel.EMAIL, Channel.EMAIL)).isFalse();
        assertThat(Preferences.ignoresChannel(null, Channel.PHONE)).isFalse();
        assertThat(Preferences.ignoresLocation("Café Rosa", "  CAFÉ ROSA ")).isFalse();
        assertThat(Preferences.ignoresLocation("Café Rosa", "Library")).isTrue();
        assertThat(Preferences.ignoresLocation(null, "Library")).isFalse();
        assertThat(Preferences.ignoresLocation(" ", "Library")).isFalse();
        assertThat(Preferences.ignoresLocation("Café Rosa", null)).as("no place named, not judged").isFalse();
    }
}
