package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.query.Journal;
import app.rapport.query.analytics.AnalyticsAsOf;
import app.rapport.query.contacts.ContactsAsOf;
import app.rapport.query.followup.FollowUpsAsOf;
import app.rapport.query.timeline.TimelineAsOf;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine: a fold at now holds the live rows of every read model; the copies are the session's
 * own and gone afterwards; nothing reaches the live tables, and a live write meanwhile is not
 * disturbed; a table a read model forgot is refused, not written live.
 */
class JournalAsOfTest extends AsOfJournals {

    static final List<AsOfReadModel<?>> EVERY_VIEW = List.of(ContactsAsOf.READ_MODEL, FollowUpsAsOf.READ_MODEL,
            AnalyticsAsOf.READ_MODEL, TimelineAsOf.READ_MODEL);

    @Autowired
    JournalAsOf journalAsOf;

    /** The owner's rows of every table of the read models, in a total order. */
    static Map<String, List<Map<String, Object>>> rowsOf(JdbcClient client, String ownerId,
                                                          List<AsOfReadModel<?>> models) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (AsOfReadModel<?> model : models) {
            for (String table : model.tables()) {
                rows.put(table, client.sql("SELECT * FROM " + table + " WHERE owner_id = :ownerId ORDER BY 1, 2")
                        .param("ownerId", ownerId).query().listOfRows());
            }
        }
        return rows;
    }

    Map<String, List<Map<String, Object>>> liveRowsOf(String ownerId) {
        return rowsOf(JdbcClient.create(jdbc), ownerId, EVERY_VIEW);
    }

    @Test
    void foldedAtNow_holdsTheLiveRowsOfEveryReadModel_corrections_retractions_andReferralsIncluded() {
        Journal mentee = everything();
        awaitProjections();
        Map<String, List<Map<String, Object>>> live = liveRowsOf(mentee.owner());

        Map<String, List<Map<String, Object>>> folded = journalAsOf.read(mentee.owner(), NOW, null, EVERY_VIEW,
                client -> rowsOf(client, mentee.owner(), EVERY_VIEW));

        assertThat(live.get("contact")).hasSize(4);
        assertThat(live.get("timeline_entry")).hasSizeGreaterThan(20);
        assertThat(folded).isEqualTo(live);
    }

    @Test
    void theCopiesAreTheConnectionsOwn_andGoneAfterwards() {
        Journal mentee = mentee();
        mentee.contact("Maya Chen", T0);
        journal().contact("Someone else's contact", T0);
        awaitProjections();

        List<Object> inside = journalAsOf.read(mentee.owner(), NOW, null, List.of(ContactsAsOf.READ_MODEL),
                client -> List.of(
                        client.sql("SELECT relnamespace = pg_my_temp_schema() FROM pg_class WHERE oid = 'contact'::regclass")
                                .query(Boolean.class).single(),
                        client.sql("SELECT count(*) FROM contact").query(Long.class).single(),
                        client.sql("SELECT current_setting('transaction_read_only')").query(String.class).single()));

        assertThat(inside).as("unqualified names are the copies; only this owner's contact; read-only")
                .containsExactly(true, 1L, "on");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact", Long.class)).isGreaterThan(1L);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname LIKE 'pg_temp%' AND c.relkind = 'r'""", Long.class))
                .as("temporary tables left on any session").isZero();
    }

    @Test
    void anAsOfRead_leavesTheLiveTablesAsTheyWere() {
        Journal mentee = everything();
        awaitProjections();
        Map<String, List<Map<String, Object>>> before = liveRowsOf(mentee.owner());

        for (int days = 0; days <= 30; days += 3) {
            journalAsOf.read(mentee.owner(), day(days), null, EVERY_VIEW, client -> null);
        }

        assertThat(liveRowsOf(mentee.owner())).isEqualTo(before);
    }

    @Test
    void aLiveWriteDuringTheFold_reachesTheLiveTables_andNotTheFold() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        awaitProjections();

        long folded = journalAsOf.read(mentee.owner(), NOW, null, List.of(ContactsAsOf.READ_MODEL), client -> {
            // the copies exist on the fold's connection while the processors write the live tables
            maya.followUp(day(2));
            mentee.contact("Omar Haddad", day(3));
            awaitProjections();
            return client.sql("SELECT count(*) FROM contact_follow_up").query(Long.class).single()
                    + client.sql("SELECT count(*) FROM contact").query(Long.class).single();
        });

        assertThat(folded).as("the fold's own rows: one contact, no follow-up").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE owner_id = ?", Long.class,
                mentee.owner())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_follow_up WHERE owner_id = ?", Long.class,
                mentee.owner())).isEqualTo(1);
    }

    @Test
    void aTableTheReadModelForgot_isRefused_andNothingIsWrittenLive() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2));
        awaitProjections();
        Map<String, List<Map<String, Object>>> before = liveRowsOf(mentee.owner());
        AsOfReadModel<Object> forgetful = new AsOfReadModel<>("contacts without interviews", List.of("contact"),
                ContactsAsOf.READ_MODEL.projection(), parts -> null);

        assertThatThrownBy(() -> journalAsOf.read(mentee.owner(), NOW, null, List.of(forgetful), client -> null))
                .rootCause().hasMessageContaining("relation \"contact_interview\" does not exist");
        assertThat(liveRowsOf(mentee.owner())).isEqualTo(before);
        assertThat(before.get("contact_interview")).singleElement()
                .satisfies(row -> assertThat(row.get("status")).isEqualTo("ACCEPTED"));
    }

    @Test
    void aStream_isReadUpToItsFirstEventRecordedAfterTheMoment() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = UUID.randomUUID();
        maya.append(new InterviewRequested(maya.id, mentee.owner(), interview, Channel.EMAIL, 30, "archives", "Hi",
                day(1)), day(3));
        // a writer whose clock was behind: recorded after the request, stamped before it
        maya.append(new FollowUpLogged(maya.id, mentee.owner(), UUID.randomUUID(), FollowUpKind.CHECK_IN,
                Channel.EMAIL, "hello", day(1)), day(1));
        awaitProjections();

        long[] rows = journalAsOf.read(mentee.owner(), day(2), null, List.of(ContactsAsOf.READ_MODEL), client ->
                new long[] {client.sql("SELECT count(*) FROM contact").query(Long.class).single(),
                        client.sql("SELECT count(*) FROM contact_interview").query(Long.class).single(),
                        client.sql("SELECT count(*) FROM contact_follow_up").query(Long.class).single()});

        assertThat(rows).containsExactly(1, 0, 0);
    }

    @Test
    void severalReadModels_answerOneQuestion_thatJoinsTheirTables() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 30, day(4)).thank(interview, day(9));
        awaitProjections();

        List<String> owed = journalAsOf.read(mentee.owner(), day(6), null,
                List.of(ContactsAsOf.READ_MODEL, FollowUpsAsOf.READ_MODEL), client -> client.sql("""
                                SELECT c.name || ' ' || d.kind FROM contact c JOIN due_item d USING (contact_id)
                                WHERE c.owner_id = :ownerId AND d.open AND d.due_at <= :asOf""")
                        .param("ownerId", mentee.owner()).param("asOf", java.sql.Timestamp.from(day(6)))
                        .query(String.class).list());

        assertThat(owed).as("thanked on day 9, so owed on day 6").containsExactly("Maya Chen THANK_YOU");
    }

    @Test
    void aLiveTableNamedWithItsSchema_isNeverWritten() {
        Journal mentee = mentee();
        mentee.contact("Maya Chen", T0);
        awaitProjections();

        assertThatThrownBy(() -> journalAsOf.read(mentee.owner(), NOW, null, List.of(ContactsAsOf.READ_MODEL),
                client -> client.sql("DELETE FROM public.contact WHERE owner_id = :ownerId")
                        .param("ownerId", mentee.owner()).update()))
                .hasMessageContaining("read-only transaction");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE owner_id = ?", Long.class,
                mentee.owner())).isEqualTo(1);
    }

    @Test
    void asOfAfterNow_isRefusedNamingTheParameter() {
        assertThatThrownBy(() -> journalAsOf.read("anyone", NOW.plusSeconds(1), null,
                List.of(ContactsAsOf.READ_MODEL), client -> null))
                .isInstanceOfSatisfying(BadQueryParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("asOf"));
    }
}
