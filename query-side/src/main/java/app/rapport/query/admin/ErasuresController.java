package app.rapport.query.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.platform.privacy.Erasures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The list of erasures, for an operator to keep: a restore of a backup older than an erasure
 * brings back the key it deleted, so the list saved from here is what the command side's
 * {@code POST /api/admin/erasures} applies again after such a restore. Ids and times only.
 * Admin users only, as every {@code /api/admin/**}.
 */
@Tag(name = ApiTags.ADMINISTRATION)
@RestController
class ErasuresController {

    /** Every erasure, oldest first. */
    record ErasureList(List<Erased> items) {
    }

    /**
     * One erasure.
     *
     * @param contactId the contact forgotten; null for an account's own data (profile, mentors)
     * @param ownerId whose journal the contact was in, or the account erased
     */
    record Erased(UUID contactId, String ownerId, Instant erasedAt) {
    }

    private final Erasures erasures;

    ErasuresController(Erasures erasures) {
        this.erasures = erasures;
    }

    @Operation(operationId = "findErasures", summary = "List the erasures made",
            description = "Ids and times only, never a contact's data: kept beside backups, so that after a restore "
                    + "the erasures made since can be applied again (POST /api/admin/erasures). Administrators "
                    + "only.")
    @GetMapping("/api/admin/erasures")
    ErasureList erasures() {
        return new ErasureList(erasures.erased().stream()
                .map(erased -> new Erased(erased.contactId(), erased.ownerId(), erased.erasedAt()))
                .toList());
    }
}
