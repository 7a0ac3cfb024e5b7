package app.rapport.query.contacts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact queries; every one takes the owner first, so none can forget whose journal it reads. */
@Repository
class Contacts {

    /** A contact with its health as judged at the moment asked about. */
    record Judged(Contact contact, Health health) {

        static final RowMapper<Judged> MAPPER = (row, n) ->
                new Judged(Contact.MAPPER.mapRow(row, n), Health.MAPPER.mapRow(row, n));
    }

    private final JdbcClient jdbc;
    private final PracticeSettings practice;

    Contacts(JdbcClient jdbc, PracticeSettings practice) {
        this.jdbc = jdbc;
        this.practice = practice;
    }

    Optional<Contact> findContact(String ownerId, UUID contactId) {
        return jdbc.sql("SELECT * FROM contact WHERE owner_id = :ownerId AND contact_id = :contactId")
                .param("ownerId", ownerId).param("contactId", contactId).query(Contact.MAPPER).optional();
    }

    /** The contact with its health judged at {@code now}. */
    Optional<Judged> findJudged(String ownerId, UUID contactId, Instant now) {
        return jdbc.sql("SELECT * FROM " + Health.JUDGED_CONTACTS + " WHERE contact_id = :contactId")
                .params(judging(ownerId, now)).param("contactId", contactId).query(Judged.MAPPER).optional();
    }

    /**
     * One page of the owner's contacts with their health judged at {@code now}, in the order asked,
     * of one stage unless it is null, matching a lower-case LIKE pattern (already escaped with
     * backslash) in name or organization unless it is null.
     */
    PagedResult<Judged> search(String ownerId, Stage stage, String pattern, ContactOrder order, Instant now,
                               int page, int size) {
        Map<String, Object> params = judging(ownerId, now);
        String where = " WHERE owner_id = :ownerId";
        if (stage != null) {
            params.put("stage", stage.name());
            where += " AND stage = :stage";
        }
        if (pattern != null) {
            params.put("pattern", pattern);
            where += " AND (lower(name) LIKE :pattern ESCAPE '\\'"
                    + " OR lower(coalesce(organization, '')) LIKE :pattern ESCAPE '\\')";
        }
        if (order.needsHealth()) {
            return Paging.select(jdbc, "FROM " + Health.JUDGED_CONTACTS + where, order.orderBy(), params,
                    Judged.MAPPER, page, size);
        }
        // the page is chosen from the contacts alone, and only its contacts are judged
        String matching = "SELECT * FROM contact" + where;
        String onePage = "(" + matching + " ORDER BY " + order.orderBy() + " " + Paging.LIMIT_OFFSET + ")";
        List<Judged> rows = jdbc.sql("SELECT * FROM " + Health.judged(onePage) + " ORDER BY " + order.orderBy())
                .params(Paging.window(params, page, size)).query(Judged.MAPPER).list();
        return PagedResult.of(rows, page, size, () -> jdbc.sql("SELECT count(*) FROM (" + matching + ") matching")
                .params(params).query(Long.class).single());
    }

    /** The parameters of {@link Health#JUDGED_CONTACTS}: whose contacts, judged when, by which windows. */
    private Map<String, Object> judging(String ownerId, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("ownerId", ownerId);
        params.put("now", Sql.timestamp(now));
        params.put("nudgeAfter", practice.nudgeAfter().toString());
        params.put("thankYouWithin", practice.thankYouWithin().toString());
        return params;
    }

    /** The contact's interviews in the order they were requested. */
    List<ContactInterview> findInterviews(String ownerId, UUID contactId) {
        return jdbc.sql("""
                        SELECT * FROM contact_interview WHERE owner_id = :ownerId AND contact_id = :contactId
                        ORDER BY requested_at, interview_id""")
                .param("ownerId", ownerId).param("contactId", contactId).query(ContactInterview.MAPPER).list();
    }

    /**
     * One page of the owner's interviews on the calendar that have not taken place: scheduled or
     * prepared, soonest first, those whose time has passed without a hold recorded included; none of
     * an archived contact.
     */
    PagedResult<Scheduled> findScheduled(String ownerId, int page, int size) {
        return Paging.select(jdbc, """
                        FROM (SELECT i.*, c.name AS contact_name, c.organization
                              FROM contact_interview i
                              JOIN contact c ON c.contact_id = i.contact_id AND c.owner_id = i.owner_id
                              WHERE i.owner_id = :ownerId AND i.status IN ('SCHEDULED', 'PREPARED')
                                AND i.scheduled_for IS NOT NULL AND NOT c.archived) AS scheduled""",
                "scheduled_for, interview_id", Map.of("ownerId", ownerId), Scheduled.MAPPER, page, size);
    }

    /** An interview on the calendar with the name of the contact it is with. */
    record Scheduled(ContactInterview interview, String contactName, String organization) {

        static final RowMapper<Scheduled> MAPPER = (row, n) -> new Scheduled(ContactInterview.MAPPER.mapRow(row, n),
                row.getString("contact_name"), row.getString("organization"));
    }

    /** The contact's follow-ups in the order they happened. */
    List<ContactFollowUp> findFollowUps(String ownerId, UUID contactId) {
        return jdbc.sql("""
                        SELECT * FROM contact_follow_up WHERE owner_id = :ownerId AND contact_id = :contactId
                        ORDER BY at, follow_up_id""")
                .param("ownerId", ownerId).param("contactId", contactId).query(ContactFollowUp.MAPPER).list();
    }
}
