package app.rapport.query.mentors;

import java.time.Instant;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who has granted the reader mentor access. */
@Tag(name = ApiTags.MENTORING)
@RestController
class MenteesController {

    /** One mentee: whose journal the reader may open with {@code owner=}, and since when. */
    record Mentee(String username, Instant grantedAt) {
    }

    private final MenteeAccess access;
    private final MentorGrants grants;
    private final ConsistencyGate consistency;

    MenteesController(MenteeAccess access, MentorGrants grants, ConsistencyGate consistency) {
        this.access = access;
        this.grants = grants;
        this.consistency = consistency;
    }

    @Operation(operationId = "findMentees", summary = "List your mentees",
            description = "The users who granted the caller mentor access, and since when.")
    @GetMapping("/api/mentees")
    PagedResult<Mentee> mentees(@RequestParam(required = false) String owner,
                                @RequestParam(required = false) Long consistentWith,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        consistency.awaitProcessed(consistentWith, MentorsProjection.GROUP);
        String mentor = access.ownerToRead(owner);
        return grants.findActive(mentor, page, size).map(grant -> new Mentee(grant.networkerId(), grant.changedAt()));
    }
}
