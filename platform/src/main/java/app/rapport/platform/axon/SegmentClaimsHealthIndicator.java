package app.rapport.platform.axon;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Which segments this instance claims, per processor, read live from the processors, and how many
 * instances the balancer last counted running each: how replicas share the work is visible from
 * outside. Always UP; a processor in error shows in {@code eventProcessors}.
 */
class SegmentClaimsHealthIndicator extends AbstractHealthIndicator {

    private final SegmentBalancer balancer;

    SegmentClaimsHealthIndicator(SegmentBalancer balancer) {
        super("Segment claims unavailable");
        this.balancer = balancer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(balancer.claims());
    }
}
