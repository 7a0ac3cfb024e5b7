package app.rapport.command.dispatch;

import org.springframework.lang.Nullable;

/**
 * What an aggregate's command handler decided on, as {@link DecidedVersions} returns it from the
 * command's unit of work. A handler outside the aggregate that loads it and does what the
 * aggregate must not (an erasure deletes a key) answers it itself, read from the loaded aggregate.
 *
 * @param aggregateId the aggregate that handled the command
 * @param lastSequenceNumber the sequence number of the aggregate's last event once the handler
 *        had run: the last event it applied, or, if it applied none, the last event of the history
 *        it decided on; null for an aggregate without events
 */
public record Decided(String aggregateId, @Nullable Long lastSequenceNumber) {
}
