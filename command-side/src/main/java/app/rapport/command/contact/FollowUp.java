package app.rapport.command.contact;

import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

/** A logged follow-up as first logged, as much of it as the contact needs to recognise a retry. */
record FollowUp(FollowUpKind kind, Channel channel, String note) {
}
