package app.rapport.query.calendar;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The feed query: the one read that finds an owner instead of taking one, since a token is all a calendar app shows. */
@Repository
class CalendarFeeds {

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The networkers whose open feed has this token hash: one, or none for an unknown or revoked token. */
    List<String> ownersOfToken(String tokenHash) {
        return jdbc.sql("SELECT owner_id FROM calendar_feed WHERE token_hash = :tokenHash")
                .param("tokenHash", tokenHash).query(String.class).list();
    }
}
