package app.rapport.query.timeline;

import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.QueryNotFoundException;
import app.rapport.query.timeline.TimelineController.Entry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One job inquiry, as its entry on the contact's timeline (no read model keeps inquiries apart,
 * and the entry has all there is: when, the note, whether it was early): where the
 * {@code Location} of a recorded inquiry leads.
 */
@Tag(name = ApiTags.CONTACTS)
@RestController
class JobInquiryController {

    private static final String INQUIRY = "JobInquiryMade";

    private final Timelines timelines;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;

    JobInquiryController(Timelines timelines, MenteeAccess access, ConsistencyGate consistency) {
        this.timelines = timelines;
        this.access = access;
        this.consistency = consistency;
    }

    @Operation(operationId = "findJobInquiry", summary = "Read one job inquiry",
            description = "The inquiry's entry on the timeline: when it was made, its note in details, and the flag "
                    + "EARLY_JOB_INQUIRY when it was asked before the relationship was established. An inquiry of "
                    + "another contact, or of someone else's, is 404.")
    @GetMapping("/api/contacts/{contactId}/job-inquiries/{inquiryId}")
    Entry jobInquiry(@PathVariable UUID contactId, @PathVariable UUID inquiryId,
                     @RequestParam(required = false) String owner,
                     @RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, TimelineProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        if (!timelines.existsFor(ownerId, contactId)) {
            throw new QueryNotFoundException("No contact " + contactId + ".");
        }
        return timelines.findEntry(ownerId, contactId, INQUIRY, "inquiryId", inquiryId).map(Entry::of)
                .orElseThrow(() -> new QueryNotFoundException("No job inquiry " + inquiryId + " of contact "
                        + contactId + "."));
    }
}
