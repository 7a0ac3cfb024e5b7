package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

/**
 * What the asOf tests share: journals shared with the caller ({@code demo}), reading over HTTP,
 * and a journal with every kind of event recorded over a month, to hold the journal as of a moment
 * against the live read models.
 */
public abstract class AsOfJournals extends QueryIntegrationTest {

    public static final String CALLER = "demo";
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A fresh networker who granted the caller mentor access at {@code T0}. */
    protected Journal mentee() {
        Journal journal = journal();
        journal.grant(CALLER, T0);
        return journal;
    }

    protected ResponseEntity<JsonNode> get(String uri) {
        return http.getForEntity(uri, JsonNode.class);
    }

    protected static Instant day(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    /**
     * Every kind of event, recorded over a month: Maya is interviewed (overran, thanked late),
     * followed up, asked about openings, given a cadence, renamed, refers Noor, and her hold is
     * corrected on day 20 and a follow-up retracted on day 25; Omar is nudged, given up on, answers
     * late, is scheduled and cancelled, archived and restored; Lee's request is still open.
     */
    protected Journal everything() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID talk = maya.request(Channel.PHONE, 30, "archives work", day(1));
        maya.accept(talk, day(2)).schedule(talk, day(6), day(2)).prepare(talk, day(5)).hold(talk, 30, 50, day(6));
        String held = maya.lastEventId();
        maya.thank(talk, day(8)).followUp(day(10));
        String followUp = maya.lastEventId();
        UUID followUpId = maya.lastFollowUpId();
        maya.jobInquiry(true, day(11)).cadence(30, day(12)).rename("Maya Chen-Li", "State Archives", day(13));
        maya.referral("Noor Aziz", day(14));
        maya.correct(held, InterviewHeld.class, talk, null, new EntryChanges(null, null, 28, null, null, null),
                "it was 28 minutes", day(20));
        maya.retract(followUp, FollowUpLogged.class, null, followUpId, "logged twice", day(25));
        var omar = mentee.contact("Omar Haddad", day(1));
        UUID ask = omar.request(Channel.EMAIL, 20, "maps", day(1));
        omar.nudge(ask, day(9)).unanswered(ask, day(15)).accept(ask, day(16)).schedule(ask, day(22), day(16))
                .cancel(ask, day(18)).archive(day(19)).restore(day(21));
        var lee = mentee.contact("Lee Park", day(3));
        lee.request(Channel.EMAIL, 25, "records", day(4));
        return mentee;
    }
}
