package app.rapport.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import app.rapport.client.ApiClient;
import app.rapport.client.ApiException;
import app.rapport.client.ApiResponse;
import app.rapport.client.api.AnalyticsApi;
import app.rapport.client.api.ContactsApi;
import app.rapport.client.api.FollowUpsApi;
import app.rapport.client.api.InterviewsApi;
import app.rapport.client.api.ProfileApi;
import app.rapport.client.model.AddContactRequest;
import app.rapport.client.model.AskAboutOpeningsRequest;
import app.rapport.client.model.CommandAnswer;
import app.rapport.client.model.ContactDetail;
import app.rapport.client.model.Entry;
import app.rapport.client.model.HoldInterviewRequest;
import app.rapport.client.model.InterviewChecklist;
import app.rapport.client.model.InterviewView;
import app.rapport.client.model.LogFollowUpRequest;
import app.rapport.client.model.PrepareInterviewRequest;
import app.rapport.client.model.ProfileRequest;
import app.rapport.client.model.RecordResponseRequest;
import app.rapport.client.model.Report;
import app.rapport.client.model.RequestInterviewRequest;
import app.rapport.client.model.ScheduleInterviewRequest;
import app.rapport.client.model.SendThankYouRequest;
import app.rapport.standalone.StandaloneApplication;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The proof that a tool can be built from the description alone: a Java client that OpenAPI
 * Generator made from {@code docs/openapi.json} (the description the app serves, kept equal by
 * {@link ApiDescriptionLintTest}) keeps one whole relationship against the standalone app — a
 * contact met at an event, an interview requested, accepted, scheduled, prepared, held and thanked
 * for, a follow-up, then a job inquiry once the relationship is established — and reads it back
 * with {@code consistentWith}, follows the {@code Location}s, and meets a stale {@code If-Match}
 * as the problem document the description promises.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientJourneyTest {

    private static final String USER = TestUsers.BOB;
    private static final OffsetDateTime MET = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10)
            .truncatedTo(ChronoUnit.SECONDS);

    @LocalServerPort
    int port;

    @Test
    void aGeneratedClientKeepsAWholeRelationship() throws Exception {
        ApiClient client = new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(port).setBasePath("")
                .setRequestInterceptor(request -> request.header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString((USER + ":" + TestUsers.passwordOf(USER))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        ProfileApi profile = new ProfileApi(client);
        ContactsApi contacts = new ContactsApi(client);
        InterviewsApi interviews = new InterviewsApi(client);
        FollowUpsApi followUps = new FollowUpsApi(client);
        AnalyticsApi analytics = new AnalyticsApi(client);

        profile.setProfile(new ProfileRequest().displayName("Bob").school("Library school")
                .interests(List.of("archives")), null);
        ApiResponse<CommandAnswer> added = contacts.addContactWithHttpInfo(new AddContactRequest()
                .name("Ada Lovelace").organization("Analytical Engines").source(AddContactRequest.SourceEnum.EVENT)
                .preferredChannel(AddContactRequest.PreferredChannelEnum.EMAIL).at(MET));
        assertThat(added.getStatusCode()).isEqualTo(201);
        UUID contact = added.getData().getContactId();
        assertThat(added.getHeaders().get("location")).containsExactly("/api/contacts/" + contact);

        ApiResponse<CommandAnswer> requested = interviews.requestInterviewWithHttpInfo(contact,
                new RequestInterviewRequest().channel(RequestInterviewRequest.ChannelEnum.EMAIL).durationMinutes(20)
                        .purpose("how a career in archives begins").at(MET.plusHours(1)), null);
        assertThat(requested.getStatusCode()).isEqualTo(201);
        UUID interview = requested.getData().getInterviewId();
        interviews.recordResponse(contact, interview, new RecordResponseRequest()
                .outcome(RecordResponseRequest.OutcomeEnum.ACCEPTED).at(MET.plusDays(1)), null);
        interviews.scheduleInterview(contact, interview, new ScheduleInterviewRequest()
                .scheduledFor(MET.plusDays(4)).mode(ScheduleInterviewRequest.ModeEnum.VIDEO)
                .at(MET.plusDays(1).plusHours(1)), null);
        interviews.prepareInterview(contact, interview, new PrepareInterviewRequest()
                .questions(List.of("How did you start?", "Whom else should I talk to?"))
                .at(MET.plusDays(2)), null);
        interviews.holdInterview(contact, interview, new HoldInterviewRequest().heldAt(MET.plusDays(4))
                .actualMinutes(20).checklist(new InterviewChecklist().thankedAtStart(true).introducedSelf(true)
                        .askedForReferrals(true).thankedAtEnd(true)), null);
        CommandAnswer thanked = interviews.sendThankYou(contact, interview, new SendThankYouRequest()
                .channel(SendThankYouRequest.ChannelEnum.EMAIL).at(MET.plusDays(4).plusHours(3)), null);

        // If-Match: conditional on the version the last answer gave; the same version again is stale
        String version = String.valueOf(thanked.getVersion());
        ApiResponse<CommandAnswer> followedUp = followUps.logFollowUpWithHttpInfo(contact,
                new LogFollowUpRequest().kind(LogFollowUpRequest.KindEnum.ADVICE_TAKEN)
                        .channel(LogFollowUpRequest.ChannelEnum.EMAIL).note("read the book").at(MET.plusDays(6)),
                version);
        assertThat(followedUp.getStatusCode()).isEqualTo(201);
        ApiException stale = catchThrowableOfType(ApiException.class, () -> followUps.logFollowUp(contact,
                new LogFollowUpRequest().kind(LogFollowUpRequest.KindEnum.CHECK_IN)
                        .channel(LogFollowUpRequest.ChannelEnum.EMAIL).at(MET.plusDays(7)), version));
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(stale.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(stale.getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("type").asText()).startsWith("/problems/");

        // established: held, thanked for and followed up since, so asking about openings is no longer early
        ApiResponse<CommandAnswer> inquired = contacts.askAboutOpeningsWithHttpInfo(contact, null,
                new AskAboutOpeningsRequest().note("any openings next spring?").at(MET.plusDays(8)));

        long position = inquired.getData().getPosition();
        ContactDetail detail = contacts.findContact(contact, null, position, null);
        assertThat(detail.getName()).isEqualTo("Ada Lovelace");
        assertThat(detail.getInterviews()).extracting(InterviewView::getStatus)
                .containsExactly(InterviewView.StatusEnum.THANKED);
        assertThat(detail.getFollowUps()).hasSize(1);

        // the Locations lead to what was created
        assertThat(requested.getHeaders().get("location"))
                .containsExactly("/api/contacts/" + contact + "/interviews/" + interview);
        InterviewView held = interviews.findInterview(contact, interview, null, position);
        assertThat(held.getActualMinutes()).isEqualTo(20);
        assertThat(held.getThankedAt()).isNotNull();
        UUID followUp = followedUp.getData().getFollowUpId();
        assertThat(followedUp.getHeaders().get("location"))
                .containsExactly("/api/contacts/" + contact + "/follow-ups/" + followUp);
        assertThat(followUps.findFollowUp(contact, followUp, null, position).getNote()).isEqualTo("read the book");

        UUID inquiry = inquired.getData().getInquiryId();
        assertThat(inquired.getHeaders().get("location"))
                .containsExactly("/api/contacts/" + contact + "/job-inquiries/" + inquiry);
        Entry inquiryEntry = contacts.findJobInquiry(contact, inquiry, null, position);
        assertThat(inquiryEntry.getType()).isEqualTo("JobInquiryMade");
        assertThat(inquiryEntry.getFlags()).extracting(Entry.FlagsEnum::getValue).doesNotContain("EARLY_JOB_INQUIRY");

        List<Entry> timeline = contacts.findTimeline(contact, null, null, position, 0, 50).getItems();
        assertThat(timeline).extracting(Entry::getType).contains("InterviewRequested", "InterviewHeld",
                "ThankYouSent", "FollowUpLogged", "JobInquiryMade");
        assertThat(timeline).filteredOn(entry -> "JobInquiryMade".equals(entry.getType()))
                .allSatisfy(entry -> assertThat(entry.getFlags()).extracting(Entry.FlagsEnum::getValue)
                        .doesNotContain("EARLY_JOB_INQUIRY"));

        Report outreach = analytics.findOutreach("channel", null, null, null, position, null);
        assertThat(outreach.getRows()).filteredOn(row -> "EMAIL".equals(row.getKey()))
                .singleElement().satisfies(row -> {
                    assertThat(row.getRequests()).isEqualTo(1);
                    assertThat(row.getAccepted()).isEqualTo(1);
                    assertThat(row.getHeld()).isEqualTo(1);
                });
    }
}
