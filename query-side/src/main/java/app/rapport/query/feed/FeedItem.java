package app.rapport.query.feed;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of the feed, shaped as a CloudEvent (JSON format, spec version 1.0) with Rapport's
 * {@code position} as an extension attribute: what a webhook posts too.
 *
 * @param id the event's id: unique, the same on every read and every delivery, so a consumer dedupes by it
 * @param type the event type's name, such as {@code ContactAdded}
 * @param source the journal the event belongs to ({@code urn:rapport:journal:<owner>})
 * @param time when it was recorded
 * @param position its global index in the event store: what {@code after} and {@code next} count in
 * @param subject the contact's id, or the networker's username for the networker's own events
 * @param data the event as the serializer reads it: personal fields of erased subjects as {@code (erased)}
 */
@JsonPropertyOrder({"specversion", "id", "type", "source", "time", "position", "subject", "datacontenttype", "data"})
public record FeedItem(String specversion, String id, String type, String source, Instant time, long position,
                       String subject, String datacontenttype, JsonNode data) {

    static final String SPEC_VERSION = "1.0";
    static final String JSON = "application/json";

    static FeedItem of(String id, String type, String owner, Instant time, long position, String subject,
                       JsonNode data) {
        return new FeedItem(SPEC_VERSION, id, type, "urn:rapport:journal:" + owner, time, position, subject, JSON,
                data);
    }
}
