package app.rapport.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's aggregate by its {@code @TargetAggregateIdentifier} and the version the client
 * expects (from {@code If-Match}) in the command's metadata, so the contract's records need no
 * version field and Axon's repository refuses a stale write inside the same unit of work that
 * would append it.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    /** Metadata key holding the expected aggregate version, in Axon's numbering (last sequence number). */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return new VersionedAggregateIdentifier(target.getIdentifierValue(),
                expected instanceof Number number ? number.longValue() : null);
    }
}
