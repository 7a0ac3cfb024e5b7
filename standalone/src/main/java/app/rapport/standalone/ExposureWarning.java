package app.rapport.standalone;

import java.net.InetAddress;
import java.net.UnknownHostException;

import app.rapport.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.env.Environment;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The shipped {@code demo}/{@code demo} account is there so the first start needs no set-up; on
 * an address other machines can reach it is an open door, so say so at every start.
 */
@Component
class ExposureWarning {

    static final String DEMO = "demo";
    private static final Logger log = LoggerFactory.getLogger(ExposureWarning.class);

    private final Environment environment;
    private final PlatformProperties properties;
    private final PasswordEncoder passwords;

    ExposureWarning(Environment environment, PlatformProperties properties, PasswordEncoder passwords) {
        this.environment = environment;
        this.properties = properties;
        this.passwords = passwords;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfExposedWithTheDemoPassword() {
        String address = environment.getProperty("server.address");
        if (isLoopback(address)) {
            return;
        }
        properties.users().stream()
                .filter(user -> DEMO.equals(user.username()) && user.password() != null)
                .filter(user -> passwords.matches(DEMO, user.password()))
                .findFirst()
                .ifPresent(demo -> log.warn("Rapport listens on {} where other machines can reach it, and the user "
                        + "'demo' still has the shipped password 'demo': set rapport.users[0].password "
                        + "(RAPPORT_USERS_0_PASSWORD) to a bcrypt hash of a password of your own, or listen on "
                        + "127.0.0.1 only (RAPPORT_ADDRESS)", address == null ? "every address" : address));
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
