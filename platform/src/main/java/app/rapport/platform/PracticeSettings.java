package app.rapport.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The windows of the practice, set once for every side and view: the overdue view, the timeline's
 * flags and the analytics all judge by these, so a changed setting and a replay change them alike.
 * Events record what happened, never these windows.
 *
 * @param thankYouWithin a held interview is owed a thank-you within this
 * @param nudgeAfter a request with no answer deserves one polite nudge after this
 * @param prepareBefore an interview should be prepared at least this long before it
 * @param keepInTouch how long a contact without a cadence of its own may go without a touch
 */
@ConfigurationProperties("rapport.practice")
public record PracticeSettings(
        @DefaultValue("PT24H") Duration thankYouWithin,
        @DefaultValue("P7D") Duration nudgeAfter,
        @DefaultValue("PT24H") Duration prepareBefore,
        @DefaultValue("P60D") Duration keepInTouch) {

    public PracticeSettings {
        for (Duration window : new Duration[] {thankYouWithin, nudgeAfter, prepareBefore, keepInTouch}) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("rapport.practice.* windows must be positive, got " + window);
            }
        }
    }

    /** A contact's own cadence when it has one, else the practice's. */
    public Duration keepInTouchFor(Integer contactCadenceDays) {
        return contactCadenceDays != null && contactCadenceDays > 0 ? Duration.ofDays(contactCadenceDays) : keepInTouch;
    }
}
