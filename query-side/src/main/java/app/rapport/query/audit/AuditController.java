package app.rapport.query.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: what was recorded, when, by whom, oldest first; from/to bound the recording time. */
@Tag(name = ApiTags.REPORTS)
@RestController
class AuditController {

    /** One recorded event. */
    record Recorded(String eventId, String type, UUID contactId, Instant at, Instant recordedAt, String actor,
                    String correlationId, Map<String, Object> payload) {

        static Recorded of(AuditEntry entry) {
            return new Recorded(entry.eventId(), entry.type(), entry.contactId(), entry.at(), entry.recordedAt(),
                    entry.actor(), entry.correlationId(), entry.payload());
        }
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final AuditTrail entries;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;

    AuditController(AuditTrail entries, MenteeAccess access, ConsistencyGate consistency) {
        this.entries = entries;
        this.access = access;
        this.consistency = consistency;
    }

    @Operation(operationId = "findAudit", summary = "Read the audit trail",
            description = "The recorded events, oldest first: who recorded what, when, and its payload; erased "
                    + "contacts' personal fields read as placeholders.")
    @Parameter(name = "from", description = "Recorded at or after this instant.")
    @Parameter(name = "to", description = "Recorded before this instant.")
    @Parameter(name = "contactId", description = "Only this contact's events.")
    @Parameter(name = "importId", description = "Only the events of this import (its importId).")
    @GetMapping("/api/audit")
    PagedResult<Recorded> audit(@RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) UUID contactId,
                                @RequestParam(required = false) UUID importId,
                                @RequestParam(required = false) String owner,
                                @RequestParam(required = false) Long consistentWith,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQueryParameterException("from", "must not be after 'to'");
        }
        consistency.awaitProcessed(consistentWith, AuditProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        return entries.findRecorded(ownerId, from == null ? EARLIEST : from, to == null ? LATEST : to, contactId,
                importId, page, size).map(Recorded::of);
    }
}
