package app.rapport.query.followup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When follow-ups fall due, with the defaults the practice of informational interviewing recommends.
 *
 * @param thankYouWithin a held interview is owed a thank-you within this time
 * @param responseNudgeAfter a request with no answer deserves one polite nudge after this time
 * @param prepareBefore an interview should be prepared this long before it is scheduled
 * @param keepInTouchDays days a connected contact may go without a touch, unless the contact
 *        has its own cadence
 */
@ConfigurationProperties("rapport.follow-ups")
public record FollowUpProperties(
        @DefaultValue("24h") Duration thankYouWithin,
        @DefaultValue("7d") Duration responseNudgeAfter,
        @DefaultValue("24h") Duration prepareBefore,
        @DefaultValue("60") int keepInTouchDays) {

    /** The contact's own cadence when it has one, else the default. */
    public int cadenceOr(Integer contactDays) {
        return contactDays != null && contactDays > 0 ? contactDays : keepInTouchDays;
    }
}
