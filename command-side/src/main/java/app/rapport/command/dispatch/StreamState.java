package app.rapport.command.dispatch;

/**
 * Where an aggregate's stream stands after a command.
 *
 * @param version how many events the aggregate has; what {@code If-Match} expects
 * @param position the global index of its last event, for {@code consistentWith} on queries
 */
public record StreamState(long version, long position) {
}
