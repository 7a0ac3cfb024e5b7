package app.rapport.command.networker;

import app.rapport.commands.networker.EraseAccount;
import app.rapport.commands.networker.RegisterWebhook;
import app.rapport.commands.networker.RemoveWebhook;
import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.events.networker.WebhookRemoved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.rapport.command.networker.NetworkerFixtures.ADA;
import static app.rapport.command.networker.NetworkerFixtures.EARLIER;
import static app.rapport.command.networker.NetworkerFixtures.NOW;
import static app.rapport.command.networker.NetworkerFixtures.TOO_LATE;
import static app.rapport.command.networker.NetworkerFixtures.networkerFixture;
import static app.rapport.command.networker.NetworkerFixtures.violating;

/** The networker's webhooks: registered by name, replaced keeping their secret, removed, gone with the account. */
class WebhookTest {

    static final String CRM = "crm";
    static final String URL = "https://hooks.example.org/rapport";
    static final String OTHER_URL = "https://other.example.org/in";
    static final String SECRET = "whsec_" + "A".repeat(42) + "w=";
    static final String ANOTHER_SECRET = "whsec_" + "B".repeat(42) + "w=";
    static final List<String> CONTACTS_ADDED = List.of("ContactAdded");

    private final AggregateTestFixture<Networker> fixture = networkerFixture();
    private final app.rapport.command.ErasuresInMemory keys = new app.rapport.command.ErasuresInMemory();

    @org.junit.jupiter.api.BeforeEach
    void erasureHandler() {
        fixture.registerAnnotatedCommandHandler(new AccountErasure(fixture.getRepository(), keys,
                NetworkerFixtures.CLOCK));
    }

    static WebhookRegistered crmRegistered() {
        return new WebhookRegistered(ADA, CRM, URL, List.of(), SECRET, EARLIER);
    }

    @Test
    void registerWebhook_recordsTheRegistrationWithItsNewSecret_asTheNetworkersFirstFact() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ADA, CRM, URL, CONTACTS_ADDED, SECRET, NOW))
                .expectEvents(new WebhookRegistered(ADA, CRM, URL, CONTACTS_ADDED, SECRET, NOW));
    }

    @Test
    void registerWebhook_replacesUrlAndEvents_andKeepsTheFirstSecret_whenTheNameIsRegistered() {
        fixture.given(crmRegistered())
                .when(new RegisterWebhook(ADA, CRM, OTHER_URL, CONTACTS_ADDED, ANOTHER_SECRET, NOW))
                .expectEvents(new WebhookRegistered(ADA, CRM, OTHER_URL, CONTACTS_ADDED, SECRET, NOW));
    }

    @Test
    void registerWebhook_isAcceptedWithoutNewEvent_whenRegisteredAsItIs() {
        fixture.given(crmRegistered())
                .when(new RegisterWebhook(ADA, CRM, URL, List.of(), ANOTHER_SECRET, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void registerWebhook_givesANewSecret_toANameRegisteredAgainAfterItsRemoval() {
        fixture.given(crmRegistered(), new WebhookRemoved(ADA, CRM, EARLIER))
                .when(new RegisterWebhook(ADA, CRM, URL, List.of(), ANOTHER_SECRET, NOW))
                .expectEvents(new WebhookRegistered(ADA, CRM, URL, List.of(), ANOTHER_SECRET, NOW));
    }

    @Test
    void registerWebhook_isRefused_whenANewWebhookHasNoWellFormedSecret() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ADA, CRM, URL, List.of(), "not-a-secret", NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void registerWebhook_isRefused_whenTheNameIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ADA, " ", URL, List.of(), SECRET, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void registerWebhook_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ADA, CRM, URL, List.of(), SECRET, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void registerWebhook_isRefused_whenTheAccountWasErased() {
        fixture.given(new AccountErased(ADA, EARLIER))
                .when(new RegisterWebhook(ADA, CRM, URL, List.of(), SECRET, NOW))
                .expectException(violating("account-erased"));
    }

    @Test
    void removeWebhook_recordsTheRemoval_whenTheWebhookIsRegistered() {
        fixture.given(crmRegistered())
                .when(new RemoveWebhook(ADA, CRM, NOW))
                .expectEvents(new WebhookRemoved(ADA, CRM, NOW));
    }

    @Test
    void eraseAccount_removesEveryWebhookFirst() {
        fixture.given(crmRegistered(), new WebhookRegistered(ADA, "sheet", OTHER_URL, List.of(), ANOTHER_SECRET,
                        EARLIER))
                .when(new EraseAccount(ADA, NOW))
                .expectEvents(new WebhookRemoved(ADA, CRM, NOW), new WebhookRemoved(ADA, "sheet", NOW),
                        new AccountErased(ADA, NOW));
    }

    @Test
    void removeWebhook_isAcceptedWithoutNewEvent_whenNoWebhookHasTheName() {
        fixture.given(crmRegistered(), new WebhookRemoved(ADA, CRM, EARLIER))
                .when(new RemoveWebhook(ADA, CRM, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
