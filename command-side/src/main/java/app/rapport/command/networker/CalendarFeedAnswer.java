package app.rapport.command.networker;

/**
 * What {@code PUT /api/calendar-feed} answers: the feed's private URL, shown this once (only its
 * token's hash is recorded), and where the command left the networker's stream.
 */
record CalendarFeedAnswer(String url, String username, long version, long position) {
}
