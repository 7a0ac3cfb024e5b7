package app.rapport.query.commitments;

import java.time.Instant;
import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
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

/** The promises made to one contact, oldest first, and how each was kept or dropped. */
@Tag(name = ApiTags.COMMITMENTS)
@RestController
class CommitmentsController {

    /**
     * One promise.
     *
     * @param interviewId the interview it was made in, if any
     * @param keptAt when it was kept; null unless {@code KEPT}
     * @param followUpId the follow-up that kept it; null when kept on its own, or not kept
     * @param droppedAt when it was dropped; null unless {@code DROPPED}
     * @param note how it was kept, as the keep said it
     * @param reason why it was dropped
     */
    record Commitment(UUID commitmentId, String promise, UUID interviewId, Instant madeAt, Instant dueBy,
                      CommitmentStatus status, Instant keptAt, UUID followUpId, Instant droppedAt, String note,
                      String reason) {

        static Commitment of(CommitmentRow row) {
            return new Commitment(row.commitmentId(), row.promise(), row.interviewId(), row.madeAt(), row.dueBy(),
                    row.status(), row.keptAt(), row.keptBy(), row.droppedAt(), row.note(), row.reason());
        }
    }

    private final Commitments commitments;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;

    CommitmentsController(Commitments commitments, MenteeAccess access, ConsistencyGate consistency) {
        this.commitments = commitments;
        this.access = access;
        this.consistency = consistency;
    }

    @Operation(operationId = "findCommitments", summary = "List the promises made to a contact",
            description = "Every commitment with its status (OPEN, KEPT, DROPPED), paged; an unknown contact is "
                    + "404.")
    @GetMapping("/api/contacts/{contactId}/commitments")
    PagedResult<Commitment> commitments(@PathVariable UUID contactId,
                                        @RequestParam(required = false) String owner,
                                        @RequestParam(required = false) Long consistentWith,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        consistency.awaitProcessed(consistentWith, CommitmentsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        if (!commitments.existsFor(ownerId, contactId)) {
            throw new QueryNotFoundException("No contact " + contactId + ".");
        }
        return commitments.findOf(ownerId, contactId, page, size).map(Commitment::of);
    }
}
