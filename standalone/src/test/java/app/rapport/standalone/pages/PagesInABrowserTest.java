package app.rapport.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.rapport.standalone.StandaloneApplication;
import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages as a person uses them, in Debian's headless Chromium against the standalone app on a
 * random port: signing in, adding a contact, one interview through its whole lifecycle with the
 * forms (and the timeline and the overdue items changing with it), a refusal shown next to its
 * form, an import with its dry run first, and a mentor's read-only review as of an earlier day.
 * Every page visited passes axe-core without a serious or critical violation.
 */
// a context of its own, so a database of its own: alice's journal holds only what this story records
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.web.timeout=10s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInABrowserTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    Browser browser;
    ZoneId zone;
    String contactPath;

    @BeforeAll
    void openTheBrowser() throws IOException {
        Browser.assumeInstalled();
        browser = Browser.open(port);
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signIn_showsAMessageOnTheForm_whenThePasswordIsWrong() {
        browser.visit("/", "login");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");

        signIn(TestUsers.ALICE, "not her password");

        assertThat(browser.driver().getCurrentUrl()).contains("/login?error");
        assertThat(browser.text(By.id("login-problem"))).isEqualTo("That username and password do not match.");
        browser.checked("login-refused");
    }

    @Test
    @Order(2)
    void aPersonSignsInAndAddsAContact() {
        signIn(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
        browser.checked("today-empty");
        zone = ZoneId.of(browser.zone());
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Today");
        assertThat(browser.loadedStylesheetRules()).as("the pages' stylesheet, served from /pages/").isPositive();

        browser.visit("/contacts", "contacts-empty");
        browser.type(By.id("add-name"), "Maya Chen");
        browser.type(By.id("add-organization"), "City Archives");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("add-source"))).selectByValue("EVENT");
        browser.set(By.id("add-at"), local(Instant.now().minus(5, ChronoUnit.DAYS)));
        browser.find(By.id("add-name")).submit();

        browser.checked("contact-new");
        contactPath = java.net.URI.create(browser.driver().getCurrentUrl()).getPath();
        assertThat(contactPath).matches("/contacts/[0-9a-f-]{36}");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Maya Chen");
        assertThat(browser.text(By.id("stage"))).isEqualTo("new");
        assertThat(browser.text(By.id("timeline"))).contains("Maya Chen");
    }

    @Test
    @Order(3)
    void oneInterviewGoesThroughItsWholeLifecycleWithTheForms() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant asked = now.minus(3, ChronoUnit.DAYS);

        browser.visit(contactPath, "contact-before-request");
        browser.type(By.id("request-purpose"), "how archives hire");
        browser.type(By.id("request-durationMinutes"), "30");
        browser.set(By.id("request-at"), local(asked));
        submit(By.id("request"));
        String interview = interviewId();
        assertThat(status(interview)).isEqualTo("requested");

        fill("response-" + interview, "at", asked.plus(1, ChronoUnit.HOURS));
        submit(By.id("response-" + interview));
        assertThat(status(interview)).isEqualTo("accepted");

        // scheduled for tomorrow: its preparation was due a day before, so it is overdue now
        fill("schedule-" + interview, "scheduledFor", now.plus(20, ChronoUnit.HOURS));
        browser.type(By.id("schedule-" + interview + "-location"), "Reading room");
        submit(By.id("schedule-" + interview));
        assertThat(status(interview)).isEqualTo("scheduled");
        browser.visit("/", "today-prepare-overdue");
        assertThat(browser.text(By.id("overdue"))).contains("Maya Chen").contains("prepare");
        assertThat(browser.text(By.id("interviews"))).as("the calendar on Today")
                .contains("Maya Chen").contains("30 minutes").contains("Prepare");
        browser.find(By.cssSelector("#overdue a[href$='#preparation-" + interview + "']")).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#preparation-" + interview);

        browser.type(By.id("preparation-" + interview + "-questions-0"), "How did you start?");
        browser.type(By.id("preparation-" + interview + "-questions-1"), "What does a day look like?");
        fill("preparation-" + interview, "at", asked.plus(3, ChronoUnit.HOURS));
        submit(By.id("preparation-" + interview));
        assertThat(status(interview)).isEqualTo("prepared");
        browser.visit("/", "today-after-preparation");
        assertThat(overdueText()).doesNotContain("prepare");
        assertThat(browser.text(By.id("interviews"))).contains("Maya Chen").contains("Record it as held");

        // held two days ago, 45 minutes of the 30 asked for: an overrun, and a thank-you now owed
        browser.visit(contactPath, "contact-before-hold");
        fill("hold-" + interview, "heldAt", now.minus(2, ChronoUnit.DAYS));
        browser.type(By.id("hold-" + interview + "-actualMinutes"), "45");
        browser.find(By.cssSelector("#hold-" + interview + " input[name='checklist.thankedAtStart']")).click();
        browser.find(By.cssSelector("#hold-" + interview + " input[name='checklist.thankedAtEnd']")).click();
        submit(By.id("hold-" + interview));
        assertThat(status(interview)).isEqualTo("held");
        assertThat(browser.text(By.id("timeline"))).contains("overran");

        browser.visit("/", "today-thank-you-overdue");
        assertThat(browser.text(By.id("overdue"))).contains("thank you").contains("overdue by 1 day");
        assertThat(browser.text(By.id("main"))).as("held: off the calendar").contains("No interview is scheduled.");
        browser.find(By.cssSelector("#overdue a[href$='#thank-you-" + interview + "']")).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#thank-you-" + interview);
        browser.type(By.id("thank-you-" + interview + "-note"), "Thank you for the tour");
        submit(By.id("thank-you-" + interview));
        assertThat(status(interview)).isEqualTo("thanked");
        assertThat(browser.text(By.id("timeline"))).contains("late thank you");

        browser.visit("/", "today-after-thank-you");
        assertThat(overdueText()).doesNotContain("thank you");
        assertThat(browser.overflowAt(360, "today")).as("Today: horizontal overflow at 360 px").isZero();
        browser.visit(contactPath, "contact-thanked");
        assertThat(browser.overflowAt(360, "contact")).as("a contact: horizontal overflow at 360 px").isZero();
    }

    @Test
    @Order(4)
    void aRefusalIsShownNextToItsForm_andWhatWasTypedIsKept() {
        browser.visit(contactPath, "contact-before-inquiry");
        browser.type(By.id("job-inquiry-note"), "Are you hiring archivists?");
        send(By.id("job-inquiry"));

        WebElement form = browser.find(By.id("job-inquiry"));
        assertThat(form.findElement(By.cssSelector(".problem")).getText()).containsIgnoringCase("established");
        assertThat(browser.find(By.id("job-inquiry-note")).getAttribute("value")).isEqualTo("Are you hiring archivists?");
        browser.screenshot("contact-refusal");

        browser.find(By.cssSelector("#job-inquiry input[name='acknowledgeEarly']")).click();
        submit(By.id("job-inquiry"));
        assertThat(browser.text(By.id("timeline"))).contains("early job inquiry");
    }

    @Test
    @Order(5)
    void anEntryIsCorrectedAndAnotherRetracted_fromTheTimeline() {
        browser.visit(contactPath, "contact-before-correction");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline form"))).as("no entry's forms until asked")
                .isEmpty();
        String inquiry = entryOfType("JobInquiryMade");
        String thanks = entryOfType("ThankYouSent");

        browser.find(By.id("amend-" + thanks)).click();
        browser.checked("contact-amending");
        browser.type(By.id("correction-" + thanks + "-note"), "Thank you for the tour of the stacks");
        browser.type(By.id("correction-" + thanks + "-reason"), "the note left out the stacks");
        submit(By.cssSelector("#entry-" + thanks + " form[action$='/correction']"));
        assertThat(browser.text(By.id("timeline"))).contains("the note left out the stacks");

        browser.find(By.id("amend-" + inquiry)).click();
        browser.type(By.id("retraction-" + inquiry + "-reason"), "asked too early");
        submit(By.cssSelector("#entry-" + inquiry + " form[action$='/retraction']"));
        assertThat(browser.text(By.id("timeline"))).contains("asked too early");
    }

    @Test
    @Order(6)
    void aFileIsImportedAfterItsDryRunIsShown() throws IOException {
        Path file = Files.createTempFile("rapport-import", ".csv");
        Files.writeString(file, """
                name,organization,source
                Ada Park,Harbour Museum,EVENT
                Ben Osei,Civic Library,COLD
                """);
        browser.visit("/contacts", "contacts-before-import");
        browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.find(By.id("import-file")).submit();

        browser.checked("contacts-import-preview");
        assertThat(browser.text(By.id("preview-created"))).isEqualTo("2");
        assertThat(browser.text(By.id("contacts"))).doesNotContain("Ada Park");

        browser.find(By.xpath("//button[text()='Import it']")).click();
        browser.checked("contacts-imported");
        assertThat(browser.text(By.id("contacts"))).contains("Ada Park", "Ben Osei", "Maya Chen");

        browser.visit("/contacts?source=COLD", "contacts-by-source");
        assertThat(browser.text(By.id("contacts"))).contains("Ben Osei").doesNotContain("Ada Park");
        assertThat(browser.overflowAt(360, "contacts")).as("the contact list: horizontal overflow at 360 px").isZero();
        Files.delete(file);
    }

    @Test
    @Order(7)
    void theAnalyticsAndPracticePagesShowTheInterview() {
        browser.visit("/analytics", "analytics");
        assertThat(browser.text(By.id("funnel"))).contains("requested 1", "accepted 1", "held 1");
        assertThat(browser.text(By.id("rates-channel"))).contains("email");
        assertThat(browser.driver().findElements(By.cssSelector("svg rect"))).isNotEmpty();
        assertThat(browser.overflowAt(360, "analytics")).as("analytics: horizontal overflow at 360 px").isZero();
        browser.visit("/reports/practice", "practice");
        assertThat(browser.text(By.id("practice"))).contains("1 interviews held");
        browser.visit("/profile", "profile");
    }

    @Test
    @Order(8)
    void aMentorWithAGrantReadsTheJournalReadOnly_andAsOfAnEarlierDay() {
        browser.visit("/profile", "profile-before-grant");
        browser.type(By.id("mentor"), TestUsers.MENTOR);
        browser.find(By.xpath("//button[text()='Grant access']")).click();
        assertThat(browser.text(By.cssSelector(".done"))).contains(TestUsers.MENTOR);
        signOut();

        signIn(TestUsers.MENTOR, TestUsers.passwordOf(TestUsers.MENTOR));
        browser.visit("/mentees", "mentees");
        browser.find(By.linkText(TestUsers.ALICE)).click();
        browser.checked("mentee");
        assertThat(browser.text(By.id("contacts"))).contains("Maya Chen");
        assertThat(writeControls()).isEmpty();

        browser.find(By.linkText("Maya Chen")).click();
        browser.checked("mentee-contact");
        assertThat(browser.text(By.id("timeline"))).contains("overran");
        assertThat(writeControls()).isEmpty();

        // everything was recorded today: the journal as it stood yesterday has none of it
        String yesterday = LocalDate.now(zone).minusDays(1).toString();
        browser.visit("/mentees/" + TestUsers.ALICE + "?asOf=" + yesterday, "mentee-as-of");
        assertThat(browser.text(By.id("as-of"))).contains("The journal as recorded by");
        assertThat(browser.driver().findElements(By.id("contacts"))).isEmpty();
        assertThat(browser.text(By.tagName("main"))).contains("No contact was recorded by then.");
    }

    @Test
    @Order(9)
    void aMentorsForgedWriteIsRefused() {
        browser.visit(contactPath.replace("/contacts/", "/mentees/" + TestUsers.ALICE + "/contacts/"), "mentee-contact-again");
        int entries = browser.driver().findElements(By.cssSelector("#timeline > li")).size();
        // a form the pages never show a mentor, sent with the mentor's own session and CSRF token
        browser.driver().executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                for (const [name, value] of [['kind', 'CHECK_IN'], ['channel', 'EMAIL'],
                        ['_csrf', document.querySelector('form.signout input[name=_csrf]').value]]) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
                """, contactPath + "/commands/follow-up");
        browser.checked("mentor-forged-write");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
        signOut();

        signIn(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
        browser.visit(contactPath, "contact-after-forged-write");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline > li"))).hasSize(entries);
        signOut();
    }

    @Test
    @Order(10)
    void withoutAGrantAMentorSeesNothing() {
        signIn(TestUsers.BOB, TestUsers.passwordOf(TestUsers.BOB));
        browser.visit("/mentees", "mentees-none");
        assertThat(browser.text(By.tagName("main"))).contains("Nobody has granted you access");
        browser.visit("/mentees/" + TestUsers.ALICE, "mentee-without-grant");
        assertThat(browser.driver().findElements(By.id("contacts"))).isEmpty();
        assertThat(browser.text(By.tagName("main"))).doesNotContain("Maya Chen");
        signOut();
    }

    @Test
    @Order(11)
    void aContactIsErasedFromItsPage_andAnAccountFromTheProfile_onceConfirmed() {
        signIn(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
        browser.visit("/contacts", "contacts-before-erasure");
        browser.find(By.linkText("Ben Osei")).click();
        browser.checked("contact-before-erasure");
        String benPath = java.net.URI.create(browser.driver().getCurrentUrl()).getPath();
        assertThat(browser.driver().findElements(By.cssSelector("form[action$='/commands/erasure']")))
                .as("the contact's own forms until asked for").isEmpty();
        browser.find(By.cssSelector("#manage a")).click();
        browser.checked("contact-managing");
        By erasure = By.cssSelector("form[action$='/commands/erasure']");
        browser.find(erasure).findElement(By.name("reason")).sendKeys("he asked to be forgotten");
        send(erasure);

        assertThat(java.net.URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/contacts");
        assertThat(browser.text(By.id("contacts"))).contains("Maya Chen").doesNotContain("Ben Osei");
        browser.visit(benPath, "contact-erased");
        assertThat(browser.text(By.tagName("main"))).doesNotContain("Ben Osei");
        signOut();

        signIn(TestUsers.BOB, TestUsers.passwordOf(TestUsers.BOB));
        browser.visit("/profile", "profile-before-erasure");
        By account = By.cssSelector("form[action$='/profile/account']");
        browser.find(account).findElement(By.name("confirm")).sendKeys("not-" + TestUsers.BOB);
        send(account);
        assertThat(browser.text(By.cssSelector("main .problem"))).as("another name than one's own").isNotBlank();
        browser.find(account).findElement(By.name("confirm")).clear();
        browser.find(account).findElement(By.name("confirm")).sendKeys(TestUsers.BOB);
        browser.find(account).findElement(By.cssSelector("button[type=submit]")).click();

        browser.waitFor("/login?accountErased");
        assertThat(browser.text(By.tagName("main"))).contains("Your account is erased");
    }

    /** With the keyboard alone: the name field has the focus, Tab goes to the password, Enter sends. */
    private void signIn(String username, String password) {
        browser.visit("/login", "login-form");
        browser.driver().switchTo().activeElement().sendKeys(username, Keys.TAB, password, Keys.ENTER);
        browser.waitForNot("/login");
    }

    private void signOut() {
        browser.find(By.xpath("//button[text()='Sign out']")).click();
        browser.waitFor("/login?signedOut");
    }

    /** Sends a form the API should take: no problem shown afterwards. */
    private void submit(By form) {
        send(form);
        assertThat(browser.driver().findElements(By.cssSelector(".problem")).stream().map(WebElement::getText).toList())
                .as("problems shown after sending %s", form).isEmpty();
    }

    private void send(By form) {
        browser.find(form).findElement(By.cssSelector("button[type=submit]")).click();
        browser.checked("after-" + browser.driver().getTitle().replaceAll("[^A-Za-z]+", "-"));
    }

    private void fill(String form, String field, Instant at) {
        browser.set(By.id(form + "-" + field), local(at));
    }

    private String local(Instant at) {
        return LOCAL.format(at.atZone(zone));
    }

    /** The id of the timeline's (last) entry of an event type. */
    private String entryOfType(String type) {
        List<WebElement> entries = browser.driver().findElements(By.cssSelector("#timeline li[data-type='" + type + "']"));
        assertThat(entries).as("timeline entries of type %s", type).isNotEmpty();
        return entries.get(entries.size() - 1).getAttribute("id").substring("entry-".length());
    }

    private String interviewId() {
        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("#interview-");
        return url.substring(url.indexOf("#interview-") + "#interview-".length());
    }

    private String status(String interview) {
        return browser.find(By.cssSelector("#interview-" + interview + " .status")).getText();
    }

    private String overdueText() {
        List<WebElement> table = browser.driver().findElements(By.id("overdue"));
        return table.isEmpty() ? "" : table.get(0).getText();
    }

    /** Forms on a mentor's page that would send something (signing out is in the header). */
    private List<WebElement> writeControls() {
        return browser.driver().findElements(By.cssSelector("main form[method=post]"));
    }
}
