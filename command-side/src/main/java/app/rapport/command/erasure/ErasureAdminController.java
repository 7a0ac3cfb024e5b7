package app.rapport.command.erasure;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.platform.privacy.Erasures.ErasedSubject;
import app.rapport.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasures applied again after a backup was restored: the operator posts the list that
 * {@code GET /api/admin/erasures} answered before. Admin users only: the platform's security
 * configuration guards {@code /api/admin/**}. Applying a list twice changes nothing the second time.
 * A list is one request body (64 KB by default, some 500 erasures): a longer one is sent in parts,
 * in its order.
 */
@Tag(name = ApiTags.ADMINISTRATION)
@RestController
class ErasureAdminController {

    private final Reapplication reapplication;

    ErasureAdminController(Reapplication reapplication) {
        this.reapplication = reapplication;
    }

    @Operation(operationId = "reapplyErasures", summary = "Apply again the erasures made since a backup",
            description = "After a restore of a backup older than some erasures: posts the list GET "
                    + "/api/admin/erasures answered before, and each erasure is applied again (its key deleted, "
                    + "its rows scrubbed). An erasure already applied changes nothing; a list that is not such "
                    + "a list is 400 and applies nothing. Administrators only.")
    @ApiResponse(responseCode = "200", description = "What was applied.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReapplyAnswer.class)))
    @PostMapping("/api/admin/erasures")
    ReapplyAnswer reapply(@Valid @RequestBody ErasureList list) {
        return reapplication.apply(list.items().stream()
                .map(item -> new ErasedSubject(item.contactId(), item.ownerId(), item.erasedAt()))
                .toList());
    }

    @ExceptionHandler(ErasureListRejected.class)
    ResponseEntity<ProblemDetail> rejected(ErasureListRejected rejected) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                rejected.getMessage() + "; nothing was applied. Post the list this store's GET /api/admin/erasures "
                        + "answered.");
        problem.setProperty("errors", rejected.errors());
        return ResponseEntity.badRequest().body(problem);
    }
}
