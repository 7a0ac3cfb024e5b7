package app.rapport.query.feed;

import java.util.List;

/**
 * An answer of the feed: events oldest first, and the position to ask for next. {@code next} may
 * pass the last item's position (the journal had nothing more in the part of the store read), so
 * a consumer stores {@code next}, not the last position it saw.
 */
public record FeedPage(List<FeedItem> items, long next) {
}
