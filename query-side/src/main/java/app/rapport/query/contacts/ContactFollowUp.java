package app.rapport.query.contacts;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;
import org.springframework.jdbc.core.RowMapper;

/** One follow-up logged with a contact. */
record ContactFollowUp(UUID followUpId, UUID contactId, String ownerId, FollowUpKind kind, Channel channel,
                       String note, Instant at) {

    static final RowMapper<ContactFollowUp> MAPPER = (row, n) -> new ContactFollowUp(Sql.uuid(row, "follow_up_id"),
            Sql.uuid(row, "contact_id"), row.getString("owner_id"), Sql.enumOf(row, "kind", FollowUpKind.class),
            Sql.enumOf(row, "channel", Channel.class), row.getString("note"), Sql.instant(row, "at"));

    /** A follow-up is written once; its event delivered again meets its row and changes nothing. */
    static final Upsert<ContactFollowUp> UPSERT = new Upsert<>("""
            INSERT INTO contact_follow_up (follow_up_id, contact_id, owner_id, kind, channel, note, at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (follow_up_id) DO NOTHING""",
            (statement, followUp) -> {
                statement.setObject(1, followUp.followUpId());
                statement.setObject(2, followUp.contactId());
                statement.setString(3, followUp.ownerId());
                statement.setString(4, Sql.name(followUp.kind()));
                statement.setString(5, Sql.name(followUp.channel()));
                statement.setString(6, followUp.note());
                statement.setTimestamp(7, Sql.timestamp(followUp.at()));
            });
}
