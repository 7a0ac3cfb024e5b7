package app.rapport.command.contact;

import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import java.time.Instant;

/** A logged follow-up, as much of it as the contact needs to recognise a retry and to judge the relationship. */
record FollowUp(FollowUpKind kind, Channel channel, String note, Instant at) {
}
