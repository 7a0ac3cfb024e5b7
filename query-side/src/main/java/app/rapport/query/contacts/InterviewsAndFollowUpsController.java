package app.rapport.query.contacts;

import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.contacts.ContactViews.FollowUpView;
import app.rapport.query.contacts.ContactViews.InterviewView;
import app.rapport.query.contacts.ContactViews.ScheduledInterviewView;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.QueryNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One interview and one follow-up of a contact, as the contact's view shows them: where the
 * {@code Location} of a request or of a logged follow-up leads, so that a client that follows it
 * finds what it created; and the interviews on the calendar across contacts.
 */
@RestController
class InterviewsAndFollowUpsController {

    private final Contacts contacts;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;

    InterviewsAndFollowUpsController(Contacts contacts, MenteeAccess access, ConsistencyGate consistency) {
        this.contacts = contacts;
        this.access = access;
        this.consistency = consistency;
    }

    @Operation(operationId = "findInterview", summary = "Read one interview", tags = ApiTags.INTERVIEWS,
            description = "The interview as the contact's view shows it: its status in the lifecycle and the time "
                    + "of each step. An interview of another contact, or of someone else's, is 404.")
    @GetMapping("/api/contacts/{contactId}/interviews/{interviewId}")
    InterviewView interview(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                            @RequestParam(required = false) String owner,
                            @RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, ContactsProjection.GROUP);
        String ownerId = existing(owner, contactId);
        return contacts.findInterviews(ownerId, contactId).stream()
                .filter(interview -> interview.interviewId().equals(interviewId))
                .findFirst().map(InterviewView::of)
                .orElseThrow(() -> new QueryNotFoundException("No interview " + interviewId + " of contact "
                        + contactId + "."));
    }

    @Operation(operationId = "findScheduledInterviews", summary = "List the interviews on your calendar",
            tags = ApiTags.INTERVIEWS,
            description = "The interviews scheduled or prepared and not yet held, soonest first, with the contact "
                    + "each is with; one whose time has passed without a hold recorded stays until it is recorded "
                    + "or cancelled. Interviews of archived contacts are left out.")
    @GetMapping("/api/interviews/scheduled")
    PagedResult<ScheduledInterviewView> scheduled(@RequestParam(required = false) String owner,
                                                  @RequestParam(required = false) Long consistentWith,
                                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1)
                                                  @Max(Paging.MAX_SIZE) int size) {
        consistency.awaitProcessed(consistentWith, ContactsProjection.GROUP);
        return contacts.findScheduled(access.ownerToRead(owner), page, size).map(ScheduledInterviewView::of);
    }

    @Operation(operationId = "findFollowUp", summary = "Read one follow-up", tags = ApiTags.FOLLOW_UPS,
            description = "The follow-up as the contact's view shows it: its kind, channel, note and when it "
                    + "happened. A follow-up of another contact, or of someone else's, is 404.")
    @GetMapping("/api/contacts/{contactId}/follow-ups/{followUpId}")
    FollowUpView followUp(@PathVariable UUID contactId, @PathVariable UUID followUpId,
                          @RequestParam(required = false) String owner,
                          @RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, ContactsProjection.GROUP);
        String ownerId = existing(owner, contactId);
        return contacts.findFollowUps(ownerId, contactId).stream()
                .filter(followUp -> followUp.followUpId().equals(followUpId))
                .findFirst().map(FollowUpView::of)
                .orElseThrow(() -> new QueryNotFoundException("No follow-up " + followUpId + " of contact "
                        + contactId + "."));
    }

    /** The owner whose contact it is, once the contact is known to be in that journal. */
    private String existing(String owner, UUID contactId) {
        String ownerId = access.ownerToRead(owner);
        if (contacts.findContact(ownerId, contactId).isEmpty()) {
            throw new QueryNotFoundException("No contact " + contactId + ".");
        }
        return ownerId;
    }
}
