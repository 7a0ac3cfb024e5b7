package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Describe who the networker is and what they are exploring.
 *
 * @param networkerId the networker's username.
 */
public record SetProfile(
        @TargetAggregateIdentifier String networkerId,
        String displayName,
        String school,
        String program,
        List<String> interests,
        Instant at) {

    public SetProfile {
        interests = interests == null ? List.of() : List.copyOf(interests);
    }
}
