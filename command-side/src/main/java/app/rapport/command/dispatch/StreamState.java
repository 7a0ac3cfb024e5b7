package app.rapport.command.dispatch;

/**
 * Where a command left its aggregate's stream.
 *
 * @param version how many events the aggregate had once the command was decided; what {@code If-Match} expects
 * @param position the global index of the event at that version, for {@code consistentWith} on queries
 */
public record StreamState(long version, long position) {

    /** A stream without events. */
    static final StreamState EMPTY = new StreamState(0, 0);
}
