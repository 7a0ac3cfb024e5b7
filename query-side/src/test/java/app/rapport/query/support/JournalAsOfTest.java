package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.query.Journal;
import app.rapport.query.analytics.AnalyticsAsOf;
import app.rapport.query.commitments.CommitmentsAsOf;
import app.rapport.query.contacts.ContactsAsOf;
import app.rapport.query.followup.FollowUpsAsOf;
import app.rapport.query.timeline.TimelineAsOf;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;
import javax.sql.DataSource;

import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine: a fold at now holds the live rows of every read model; a fold reads copies of its
 * own, empty at every use, and the application's connections never have any; nothing reaches the
 * live tables, and a live write meanwhile is not disturbed; a table no read model names is
 * refused, never read or written live.
 */
class JournalAsOfTest extends AsOfJournals {

    static final List<AsOfReadModel<?>> EVERY_VIEW = List.of(ContactsAsOf.READ_MODEL, FollowUpsAsOf.READ_MODEL,
            AnalyticsAsOf.READ_MODEL, TimelineAsOf.READ_MODEL, CommitmentsAsOf.READ_MODEL);

    @Autowired
    JournalAsOf journalAsOf;
    @Autowired
    DataSource dataSource;

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
    void theFoldReadsItsOwnCopies_readOnly() {
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
    }

    @Test
    void theCopiesAreEmptyAtEveryUse_truncationsIncluded() {
        Journal maya = mentee();
        maya.contact("Maya Chen", T0);
        Journal omar = mentee();
        omar.contact("Omar Haddad", T0).followUp(day(1));
        omar.contact("Lee Park", T0);
        awaitProjections();

        // enough uses that every connection of the pool passes the point where its copies are emptied
        for (int i = 0; i < TableCopies.CONNECTIONS * TableCopies.USES_PER_TRUNCATE + 8; i++) {
            Journal mentee = i % 2 == 0 ? maya : omar;
            long[] rows = journalAsOf.read(mentee.owner(), NOW, null, EVERY_VIEW, client -> new long[] {
                    client.sql("SELECT count(*) FROM contact").query(Long.class).single(),
                    client.sql("SELECT count(*) FROM contact_follow_up").query(Long.class).single()});
            assertThat(rows).as("fold " + i).containsExactly(i % 2 == 0 ? new long[] {1, 0} : new long[] {2, 1});
        }
    }

    @Test
    void theCopiesSize_isNeverRecordedAsEmpty_soThePlannerCountsTheirPages() {
        Journal mentee = mentee();
        mentee.contact("Maya Chen", T0).followUp(day(1));
        awaitProjections();

        for (int i = 0; i < TableCopies.CONNECTIONS * TableCopies.USES_PER_TRUNCATE + 8; i++) {
            // a vacuum of the rolled-back copies would record 0 rows, and every later plan would expect 1
            List<Double> rowsRecorded = journalAsOf.read(mentee.owner(), NOW, null, EVERY_VIEW, client -> client
                    .sql("SELECT reltuples FROM pg_class WHERE oid IN ('contact'::regclass, 'timeline_entry'::regclass)")
                    .query(Double.class).list());
            assertThat(rowsRecorded).as("fold " + i + ": rows recorded, where -1 is unknown").containsOnly(-1.0);
        }
    }

    @Test
    void theApplicationsOwnConnections_neverHaveCopies() throws Exception {
        Journal mentee = everything();
        awaitProjections();
        for (int i = 0; i < 10; i++) {
            journalAsOf.read(mentee.owner(), day(i * 3), null, EVERY_VIEW, client -> null);
        }

        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                borrowed.add(dataSource.getConnection());
            }
            for (Connection connection : borrowed) {
                try (var statement = connection.createStatement();
                     var found = statement.executeQuery(
                             "SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()")) {
                    found.next();
                    assertThat(found.getLong(1)).as("temporary tables on a connection of the application's pool")
                            .isZero();
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
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

    /** A projection with a table no read model names: what a table left out of its package's AsOf would do. */
    static class ProbeProjection {

        private final JdbcTemplate jdbc;

        ProbeProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(ContactAdded event) {
            jdbc.update("INSERT INTO asof_probe (contact_id) VALUES (?)", event.contactId());
        }
    }

    @Test
    void aTableNoReadModelNames_isNeitherWrittenNorReadLive() {
        jdbc.execute("CREATE TABLE asof_probe (contact_id UUID)");
        try {
            Journal mentee = mentee();
            var maya = mentee.contact("Maya Chen", T0);
            awaitProjections();
            jdbc.update("INSERT INTO asof_probe (contact_id) VALUES (?)", maya.id);
            AsOfReadModel<Object> probe = new AsOfReadModel<>("probe", List.of(),
                    parts -> new ProbeProjection(parts.jdbc()), parts -> null);

            assertThatThrownBy(() -> journalAsOf.read(mentee.owner(), NOW, null, List.of(probe), client -> null))
                    .rootCause().hasMessageContaining("relation \"asof_probe\" does not exist");
            assertThatThrownBy(() -> journalAsOf.read(mentee.owner(), NOW, null, List.of(ContactsAsOf.READ_MODEL),
                    client -> client.sql("SELECT count(*) FROM asof_probe").query(Long.class).single()))
                    .rootCause().hasMessageContaining("relation \"asof_probe\" does not exist");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM asof_probe", Long.class)).isEqualTo(1);
        } finally {
            jdbc.execute("DROP TABLE asof_probe");
        }
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
