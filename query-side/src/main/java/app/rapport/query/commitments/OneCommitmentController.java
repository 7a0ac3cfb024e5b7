package app.rapport.query.commitments;

import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.commitments.CommitmentsController.Commitment;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.QueryNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One promise made to a contact, from the commitments ledger: where the {@code Location} of a
 * recorded commitment leads, so that a client that follows it finds what it created.
 */
@Tag(name = ApiTags.COMMITMENTS)
@RestController
class OneCommitmentController {

    private final Commitments commitments;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;

    OneCommitmentController(Commitments commitments, MenteeAccess access, ConsistencyGate consistency) {
        this.commitments = commitments;
        this.access = access;
        this.consistency = consistency;
    }

    @Operation(operationId = "findCommitment", summary = "Read one promise made to a contact",
            description = "The commitment with its status (OPEN, KEPT, DROPPED), when it was made, due and closed. "
                    + "A commitment of another contact, or of someone else's, is 404.")
    @GetMapping("/api/contacts/{contactId}/commitments/{commitmentId}")
    Commitment commitment(@PathVariable UUID contactId, @PathVariable UUID commitmentId,
                          @RequestParam(required = false) String owner,
                          @RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, CommitmentsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        if (!commitments.existsFor(ownerId, contactId)) {
            throw new QueryNotFoundException("No contact " + contactId + ".");
        }
        return commitments.findOne(ownerId, contactId, commitmentId).map(Commitment::of)
                .orElseThrow(() -> new QueryNotFoundException("No commitment " + commitmentId + " to contact "
                        + contactId + "."));
    }
}
