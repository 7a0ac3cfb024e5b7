package app.rapport.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Durations are shown in words, in their two largest units. */
class ShowTest {

    private final Show show = new Show(new PersonZone());

    @Test
    void aDurationIsShownInItsTwoLargestUnits() {
        assertThat(Show.words(Duration.ofHours(50).plusMinutes(10))).isEqualTo("2 days 2 hours");
        assertThat(Show.words(Duration.ofMinutes(25))).isEqualTo("25 minutes");
        assertThat(Show.words(Duration.ofMinutes(61))).isEqualTo("1 hour 1 minute");
        assertThat(Show.words(Duration.ofSeconds(20))).isEqualTo("less than a minute");
    }

    @Test
    void anOverdueItemSaysWhetherItIsPastDueOrComingDue() {
        assertThat(show.overdue("PT26H")).isEqualTo("overdue by 1 day 2 hours");
        assertThat(show.overdue("PT-49H")).isEqualTo("due in 2 days 1 hour");
    }

    @Test
    void aRateIsAWholePercentage_andNothingToDivideIsADash() {
        assertThat(show.rate(0.666)).isEqualTo("67 %");
        assertThat(show.rate(null)).isEqualTo("–");
    }
}
