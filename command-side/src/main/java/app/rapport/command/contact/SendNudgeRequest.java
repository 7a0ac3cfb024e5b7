package app.rapport.command.contact;

import java.time.Instant;

import app.rapport.values.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST .../interviews/{iid}/nudge}. */
record SendNudgeRequest(@NotNull Channel channel, @Size(max = Limits.NOTE) String note, Instant at) {
}
