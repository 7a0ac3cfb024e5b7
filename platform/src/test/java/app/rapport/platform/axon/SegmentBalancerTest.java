package app.rapport.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The fair-share rule alone: when an instance gives a segment away. */
class SegmentBalancerTest {

    @Test
    void givesOneAway_whenItHoldsEverySegmentAndAnotherInstanceJoined() {
        assertThat(SegmentBalancer.givesOneAway(2, 2, Map.of("me", 2))).isTrue();
    }

    @Test
    void keepsItsSegments_whenItIsTheOnlyInstance() {
        assertThat(SegmentBalancer.givesOneAway(2, 1, Map.of("me", 2))).isFalse();
    }

    @Test
    void keepsItsSegments_whenTheyAreSharedEvenly() {
        assertThat(SegmentBalancer.givesOneAway(1, 2, Map.of("me", 1, "other", 1))).isFalse();
    }

    @Test
    void keepsItsSegments_whenADeadInstanceStillOwnsRowsButIsNotCounted() {
        assertThat(SegmentBalancer.givesOneAway(1, 1, Map.of("me", 1, "dead", 1))).isFalse();
    }

    @Test
    void givesOneAway_whenAThirdInstanceHoldsNothingOfFourSegments() {
        assertThat(SegmentBalancer.givesOneAway(2, 3, Map.of("me", 2, "other", 2))).isTrue();
    }

    @Test
    void keepsItsSegments_aboveTheFloor_whileOthersCanStillClaimUnclaimedOnes() {
        Map<String, Integer> owners = new HashMap<>(Map.of("me", 2, "other", 1));
        owners.put(null, 1);
        assertThat(SegmentBalancer.givesOneAway(2, 3, owners)).isFalse();
    }

    @Test
    void keepsItsSegments_whenTheSpreadIsAsEvenAsItCanBe() {
        assertThat(SegmentBalancer.givesOneAway(2, 3, Map.of("me", 2, "other", 1, "third", 1))).isFalse();
    }
}
