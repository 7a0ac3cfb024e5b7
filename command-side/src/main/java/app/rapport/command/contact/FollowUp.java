package app.rapport.command.contact;

import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import java.util.List;
import java.util.UUID;

/**
 * A logged follow-up as first logged, as much of it as the contact needs to recognise a retry.
 *
 * @param keeps the commitments it kept
 */
record FollowUp(FollowUpKind kind, Channel channel, String note, List<UUID> keeps) {
}
