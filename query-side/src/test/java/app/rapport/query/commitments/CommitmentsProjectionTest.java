package app.rapport.query.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.query.Journal;
import app.rapport.query.Promises;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CommitmentsProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = T0.plus(Duration.ofDays(5));
    static final Instant DUE = HELD.plus(Duration.ofDays(7));

    @Autowired
    CommitmentsProjection projection;
    @Autowired
    Commitments commitments;

    List<CommitmentRow> ledgerOf(Journal.ContactStream contact) {
        awaitProjections();
        return commitments.findOf(contact.owner(), contact.id, 0, 200).items();
    }

    /** A contact with an interview held, in which a promise due a week later was made. */
    record Promised(Journal.ContactStream contact, UUID interview, UUID commitment) {
    }

    Promised promised() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, HELD);
        return new Promised(maya, interview, Promises.make(maya, "send the article", interview, DUE, HELD));
    }

    @Test
    void aPromiseMade_isOpen_withItsInterviewAndDueDate() {
        Promised p = promised();

        assertThat(ledgerOf(p.contact())).containsExactly(new CommitmentRow(p.contact().id, p.commitment(),
                p.contact().owner(), p.interview(), "send the article", HELD, DUE, CommitmentStatus.OPEN, null, null,
                null, null, null));
    }

    @Test
    void aPromiseKeptOnItsOwn_isKept_withWhenAndTheNote() {
        Promised p = promised();
        Promises.keep(p.contact(), p.commitment(), "sent it", HELD.plus(Duration.ofDays(2)));

        assertThat(ledgerOf(p.contact())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(CommitmentStatus.KEPT);
            assertThat(row.keptAt()).isEqualTo(HELD.plus(Duration.ofDays(2)));
            assertThat(row.keptBy()).isNull();
            assertThat(row.note()).isEqualTo("sent it");
            assertThat(row.droppedAt()).isNull();
        });
    }

    @Test
    void aPromiseKeptByAFollowUp_namesTheFollowUp() {
        Promised p = promised();
        UUID followUp = Promises.followUpKeeping(p.contact(), HELD.plus(Duration.ofDays(9)), p.commitment());

        assertThat(ledgerOf(p.contact())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(CommitmentStatus.KEPT);
            assertThat(row.keptAt()).isEqualTo(HELD.plus(Duration.ofDays(9)));
            assertThat(row.keptBy()).isEqualTo(followUp);
        });
    }

    @Test
    void aPromiseDropped_isDropped_withTheReason() {
        Promised p = promised();
        Promises.drop(p.contact(), p.commitment(), "she found it herself", HELD.plus(Duration.ofDays(1)));

        assertThat(ledgerOf(p.contact())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(CommitmentStatus.DROPPED);
            assertThat(row.droppedAt()).isEqualTo(HELD.plus(Duration.ofDays(1)));
            assertThat(row.reason()).isEqualTo("she found it herself");
            assertThat(row.keptAt()).isNull();
        });
    }

    @Test
    void promises_areListedInTheOrderTheyWereMade_andPaged() {
        var maya = journal().contact("Maya Chen", T0);
        UUID later = Promises.make(maya, "tell her how it went", null, null, T0.plus(Duration.ofDays(3)));
        UUID earlier = Promises.make(maya, "send the article", null, null, T0.plus(Duration.ofDays(1)));
        awaitProjections();

        assertThat(ledgerOf(maya)).extracting(CommitmentRow::commitmentId).containsExactly(earlier, later);
        var page = commitments.findOf(maya.owner(), maya.id, 1, 1);
        assertThat(page.items()).extracting(CommitmentRow::commitmentId).containsExactly(later);
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void aContactWithoutPromises_isKnown_andAnotherOwnersIsNot() {
        var maya = journal().contact("Maya Chen", T0);
        awaitProjections();

        assertThat(commitments.existsFor(maya.owner(), maya.id)).isTrue();
        assertThat(ledgerOf(maya)).isEmpty();
        assertThat(commitments.existsFor("someone-else", maya.id)).isFalse();
        assertThat(commitments.findOf("someone-else", maya.id, 0, 50).items()).isEmpty();
    }

    @Test
    void twoContactsMayUseTheSameCommitmentId() {
        var maya = journal().contact("Maya Chen", T0);
        var omar = journal().contact("Omar Haddad", T0);
        UUID shared = UUID.randomUUID();
        maya.append(new app.rapport.events.commitment.CommitmentMade(maya.id, maya.owner(), shared, null, "a", null, T0),
                T0);
        omar.append(new app.rapport.events.commitment.CommitmentMade(omar.id, omar.owner(), shared, null, "b", null, T0),
                T0);
        Promises.keep(omar, shared, null, T0.plusSeconds(60));

        assertThat(ledgerOf(maya)).singleElement().extracting(CommitmentRow::status).isEqualTo(CommitmentStatus.OPEN);
        assertThat(ledgerOf(omar)).singleElement().extracting(CommitmentRow::status).isEqualTo(CommitmentStatus.KEPT);
    }

    @Test
    void anAmendmentOfTheContact_derivesTheSameLedgerAgain() {
        Promised p = promised();
        String hold = eventIdOf(p.contact(), InterviewHeld.class);
        UUID followUp = Promises.followUpKeeping(p.contact(), HELD.plus(Duration.ofDays(2)), p.commitment());
        awaitProjections();
        var before = dump("commitment");

        p.contact().correct(hold, InterviewHeld.class, p.interview(), null,
                new EntryChanges(null, null, 25, null, null, null), "shorter", HELD.plus(Duration.ofDays(3)));
        p.contact().correct(eventIdOf(p.contact(), FollowUpLogged.class), FollowUpLogged.class, null, followUp,
                new EntryChanges(null, null, null, "both articles", null, null), "the note",
                HELD.plus(Duration.ofDays(3)));
        awaitProjections();

        assertThat(dump("commitment")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM commitment_contact WHERE contact_id = ?", Long.class,
                p.contact().id)).isEqualTo(storedEventsOf(p.contact().id.toString()).size() - 1L);
    }

    @Test
    void appliedTwice_changesNothing() {
        Promised p = promised();
        UUID other = Promises.make(p.contact(), "tell her how it went", null, null, HELD.plusSeconds(60));
        Promises.followUpKeeping(p.contact(), HELD.plus(Duration.ofDays(2)), p.commitment());
        Promises.drop(p.contact(), other, "moot", HELD.plus(Duration.ofDays(3)));
        awaitProjections();
        var before = dump("commitment", "commitment_contact");

        redeliver(projection, p.contact().id.toString());

        assertThat(dump("commitment", "commitment_contact")).isEqualTo(before);
    }

    private String eventIdOf(Journal.ContactStream contact, Class<?> type) {
        return storedEventsOf(contact.id.toString()).stream()
                .filter(event -> type.isInstance(event.getPayload()))
                .reduce((first, second) -> second).orElseThrow().getIdentifier();
    }
}
