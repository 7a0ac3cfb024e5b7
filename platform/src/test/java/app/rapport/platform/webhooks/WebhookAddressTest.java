package app.rapport.platform.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a webhook may post: public https only, loopback when local development allows it. */
class WebhookAddressTest {

    /** A resolver that knows a few names, so no test depends on the network's DNS. */
    static final WebhookAddress.Resolver NAMES = host -> switch (host) {
        case "hooks.example.org" -> List.of(InetAddress.getByName("93.184.216.34"));
        case "rebound.example.org" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3"));
        case "dev.localhost" -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
        default -> {
            if (host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
                yield List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
    };

    @Test
    void aPublicHttpsUrl_isAccepted() throws Exception {
        assertThat(WebhookAddress.check("https://hooks.example.org/rapport?x=1", false, NAMES).getHost())
                .isEqualTo("hooks.example.org");
        assertThat(WebhookAddress.check("https://93.184.216.34:8443/in", false, NAMES).getPort()).isEqualTo(8443);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://10.0.0.1/hook", "https://172.16.5.4/hook", "https://192.168.1.1/hook",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://[fe80::1]/hook", "https://[fc00::1]/hook", "https://[fd12:3456::1]/hook", "https://[::]/hook",
            "https://224.0.0.1/hook", "https://255.255.255.255/hook", "https://[::ffff:10.0.0.1]/hook",
            "https://rebound.example.org/hook"})
    void aUrlResolvingToAnAddressInside_isRefused(String url) {
        assertThatThrownBy(() -> WebhookAddress.check(url, true, NAMES)).isInstanceOf(WebhookAddress.Refused.class)
                .hasMessageContaining("address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org/hook", "ftp://hooks.example.org/hook", "hooks.example.org/hook",
            "https://user:pass@hooks.example.org/hook", "https://nowhere.example.org/hook", "https:///hook",
            "not a url at all"})
    void aUrlThatIsNotPlainPublicHttps_isRefused(String url) {
        assertThatThrownBy(() -> WebhookAddress.check(url, true, NAMES)).isInstanceOf(WebhookAddress.Refused.class);
    }

    @Test
    void aUrlLongerThan2000Characters_isRefused() throws Exception {
        String path = "https://hooks.example.org/";
        assertThat(WebhookAddress.check(path + "a".repeat(2000 - path.length()), false, NAMES)).isNotNull();
        assertThatThrownBy(() -> WebhookAddress.check(path + "a".repeat(2001 - path.length()), false, NAMES))
                .isInstanceOf(WebhookAddress.Refused.class).hasMessageContaining("2000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://[::1]/hook", "http://dev.localhost/hook"})
    void loopback_isRefused_unlessLocalDevelopmentAllowsIt(String url) throws Exception {
        assertThatThrownBy(() -> WebhookAddress.check(url, false, NAMES)).isInstanceOf(WebhookAddress.Refused.class)
                .hasMessageContaining("loopback");
        assertThat(WebhookAddress.check(url, true, NAMES)).isNotNull();
    }

    @Test
    void eventTypeNames_areTheJournalEventsSimpleNames() {
        assertThat(EventTypeNames.isKnown("ContactAdded")).isTrue();
        assertThat(EventTypeNames.isKnown("WebhookRegistered")).isTrue();
        assertThat(EventTypeNames.isKnown("InterviewHeld")).isTrue();
        assertThat(EventTypeNames.isKnown("ContactDetails")).as("a value, not an event").isFalse();
        assertThat(EventTypeNames.isKnown("NoSuchEvent")).isFalse();
        assertThat(EventTypeNames.isKnown("contact.ContactAdded")).isFalse();
        assertThat(EventTypeNames.isKnown(null)).isFalse();
    }
}
