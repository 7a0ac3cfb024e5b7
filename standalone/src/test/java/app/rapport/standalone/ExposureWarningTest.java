package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.rapport.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Listening where other machines reach it with the shipped demo password is said at start-up, naming the fix. */
@ExtendWith(OutputCaptureExtension.class)
class ExposureWarningTest {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** The hash application.yml ships for the demo user. */
    private static final String SHIPPED = "{bcrypt}$2a$10$toDIUt03S7SXXSwexA6Dbe9szfqzzUBYyVTH6PIHfEfHPlB5vZCkm";

    @Test
    void everyAddressWithTheShippedPassword_isWarnedAbout(CapturedOutput output) {
        warning("0.0.0.0", SHIPPED);
        assertThat(output).contains("Rapport listens on 0.0.0.0 where other machines can reach it")
                .contains("RAPPORT_USERS_0_PASSWORD").contains("RAPPORT_ADDRESS");
    }

    @Test
    void noAddressSetMeansEveryAddress_andIsWarnedAbout(CapturedOutput output) {
        warning(null, "{noop}demo");
        assertThat(output).contains("Rapport listens on every address");
    }

    @Test
    void loopback_isNotWarnedAbout(CapturedOutput output) {
        warning("127.0.0.1", SHIPPED);
        warning("::1", SHIPPED);
        assertThat(output).doesNotContain("other machines can reach it");
    }

    @Test
    void aPasswordOfTheUsersOwn_isNotWarnedAbout(CapturedOutput output) {
        warning("0.0.0.0", PASSWORDS.encode("a long passphrase of their own"));
        assertThat(output).doesNotContain("other machines can reach it");
    }

    private static void warning(String address, String demoPassword) {
        MockEnvironment environment = new MockEnvironment();
        if (address != null) {
            environment.setProperty("server.address", address);
        }
        PlatformProperties properties = new PlatformProperties(null, null, "demo",
                List.of(new PlatformProperties.User("demo", demoPassword, false)), null);
        new ExposureWarning(environment, properties, PASSWORDS).warnIfExposedWithTheDemoPassword();
    }
}
