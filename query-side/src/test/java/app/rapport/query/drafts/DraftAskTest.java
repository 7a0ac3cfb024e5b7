package app.rapport.query.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import app.rapport.query.support.BadQueryParameterException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What a draft must be asked with: each missing or invalid parameter is named. */
class DraftAskTest {

    static final UUID INTERVIEW = UUID.randomUUID();

    @Test
    void request_needsTheTimeBox() {
        assertBad(() -> DraftAsk.of("request", null, "archives", null, null), "durationMinutes");
    }

    @Test
    void timeBox_isTenToNinetyMinutes_likeTheRequestRule() {
        assertBad(() -> DraftAsk.of("request", 9, "archives", null, null), "durationMinutes");
        assertBad(() -> DraftAsk.of("request", 91, "archives", null, null), "durationMinutes");
        assertThat(DraftAsk.of("request", 10, "archives", null, null).durationMinutes()).isEqualTo(10);
        assertThat(DraftAsk.of("request", 90, "archives", null, null).durationMinutes()).isEqualTo(90);
    }

    @Test
    void request_needsAPurpose() {
        assertBad(() -> DraftAsk.of("request", 20, null, null, null), "purpose");
        assertBad(() -> DraftAsk.of("request", 20, "   ", null, null), "purpose");
    }

    @Test
    void purpose_isAtMostFiveHundredCharacters() {
        assertBad(() -> DraftAsk.of("request", 20, "a".repeat(501), null, null), "purpose");
        assertThat(DraftAsk.of("request", 20, "a".repeat(500), null, null).purpose()).hasSize(500);
    }

    @Test
    void nudgeThankYouAndFollowUp_needTheInterview() {
        for (String kind : new String[] {"nudge", "thank-you", "follow-up"}) {
            assertBad(() -> DraftAsk.of(kind, 20, "archives", null, null), "interviewId");
            assertThat(DraftAsk.of(kind, null, null, INTERVIEW, null).interviewId()).isEqualTo(INTERVIEW);
        }
    }

    @Test
    void unknownKind_isABadParameter() {
        assertBad(() -> DraftAsk.of("job-inquiry", null, null, INTERVIEW, null), "kind");
        assertBad(() -> DraftAsk.of("Request", 20, "archives", null, null), "kind");
    }

    @Test
    void datesAreWrittenInUtc_unlessAZoneIsAsked() {
        assertThat(DraftAsk.of("nudge", null, null, INTERVIEW, null).zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(DraftAsk.of("nudge", null, null, INTERVIEW, "Europe/Paris").zone())
                .isEqualTo(ZoneId.of("Europe/Paris"));
        assertBad(() -> DraftAsk.of("nudge", null, null, INTERVIEW, "Mars/Olympus"), "zone");
    }

    private static void assertBad(ThrowingCallable ask, String parameter) {
        assertThatThrownBy(ask).isInstanceOfSatisfying(BadQueryParameterException.class,
                bad -> assertThat(bad.parameter()).isEqualTo(parameter));
    }
}
