package app.rapport.query.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.CalendarFeedRevoked;
import app.rapport.values.CalendarFeedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whose journal a feed token opens. The read model finds the networker by the token's hash; their
 * own stream then says whether that token is still the feed's, so a revoked or replaced token
 * stops answering as soon as the revocation was answered, on every query-side instance, whatever
 * the projection's lag (the way {@code MenteeAccess} reads grants); an erased account's feed is
 * closed for good. The stream holds a profile, a few grants and feeds.
 */
@Component
class FeedOwners {

    private final CalendarFeeds feeds;
    private final EventStore eventStore;

    FeedOwners(CalendarFeeds feeds, EventStore eventStore) {
        this.feeds = feeds;
        this.eventStore = eventStore;
    }

    /** The owner of the open feed with this token; empty for anything else, malformed text included. */
    Optional<String> ownerOf(String token) {
        if (!CalendarFeedToken.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = CalendarFeedToken.hashOf(token);
        List<String> owners = feeds.ownersOfToken(hash);
        if (owners.size() != 1) {
            // two journals holding one hash could only come from copied events: neither is shown
            return Optional.empty();
        }
        String owner = owners.get(0);
        return openFeedHash(owner).filter(open -> MessageDigest.isEqual(bytes(open), bytes(hash))).map(open -> owner);
    }

    /** The hash of the networker's open feed as their stream tells it; empty when none is open. */
    private Optional<String> openFeedHash(String networkerId) {
        String open = null;
        // from sequence 0: the store would otherwise start from a snapshot, which this fold cannot read
        var stream = eventStore.readEvents(networkerId, 0);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof CalendarFeedCreated created && networkerId.equals(created.networkerId())) {
                open = created.tokenHash();
            } else if (event instanceof CalendarFeedRevoked revoked && networkerId.equals(revoked.networkerId())) {
                open = null;
            } else if (event instanceof AccountErased) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(open);
    }

    private static byte[] bytes(String hash) {
        return hash.getBytes(StandardCharsets.US_ASCII);
    }
}
