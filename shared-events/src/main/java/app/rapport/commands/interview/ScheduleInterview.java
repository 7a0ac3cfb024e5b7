package app.rapport.commands.interview;

import app.rapport.values.Channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Set or move the date, mode and place of an accepted interview. */
public record ScheduleInterview(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        Instant scheduledFor,
        Channel mode,
        String location,
        Instant at) {
}
