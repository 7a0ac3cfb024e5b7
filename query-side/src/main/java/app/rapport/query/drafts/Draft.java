package app.rapport.query.drafts;

import app.rapport.values.Channel;

/**
 * A message written for the networker to edit and send themselves; nothing of it is stored.
 *
 * @param subject the subject line, only for a channel that has one (email); null otherwise.
 * @param body the text to send, or for a channel that is spoken (phone, video, in person) to say.
 */
record Draft(Channel channel, String subject, String body) {
}
