package app.rapport.command.contact;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The aggregates judge time only by the injected Clock, so every rule about "now" is testable. */
@AnalyzeClasses(
        packages = {"app.rapport.command.contact", "app.rapport.command.networker"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class WallClockTest {

    @ArchTest
    static final ArchRule aggregatesNeverReadTheWallClock = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time arrives on the command or from the injected Clock, never from the wall clock");
}
