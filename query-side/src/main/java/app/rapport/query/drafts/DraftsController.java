package app.rapport.query.drafts;

import java.util.UUID;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A message to a contact written from the journal: a request, a nudge, a thank-you or a follow-up.
 * Nothing is stored or sent. With {@code owner=} a mentor reads the draft a mentee would get, in
 * the mentee's voice, as they read the rest of that journal.
 */
@Tag(name = ApiTags.INTERVIEWS)
@RestController
class DraftsController {

    private final JournalReader journal;
    private final MenteeAccess access;

    DraftsController(JournalReader journal, MenteeAccess access) {
        this.journal = journal;
        this.access = access;
    }

    @Operation(operationId = "draftMessage", summary = "Draft a message that follows the practice",
            description = "A request, nudge, thank-you or follow-up written from your profile, the contact and the "
                    + "interview; nothing is stored or sent. A draft lacking what it needs from the journal (no "
                    + "profile yet) is 409 naming it; a missing parameter is 400.")
    @Parameter(name = "kind", description = "request, nudge, thank-you or follow-up.")
    @Parameter(name = "durationMinutes", description = "For a request: the time box asked for.")
    @Parameter(name = "purpose", description = "For a request: the career facet to learn about.")
    @Parameter(name = "interviewId", description = "For a nudge, thank-you or follow-up: the interview it is about.")
    @Parameter(name = "zone", description = "The time zone times are written in (an IANA name); UTC without it.")
    @ApiResponse(responseCode = "200", description = "The draft: a channel, a subject and a body.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "409",
            description = "The journal lacks what the draft needs (no profile yet, an interview not held…).")
    @GetMapping("/api/contacts/{contactId}/drafts/{kind}")
    Draft draft(@PathVariable UUID contactId,
                @PathVariable String kind,
                @RequestParam(required = false) Integer durationMinutes,
                @RequestParam(required = false) String purpose,
                @RequestParam(required = false) UUID interviewId,
                @RequestParam(required = false) String zone,
                @RequestParam(required = false) String owner) {
        DraftAsk ask = DraftAsk.of(kind, durationMinutes, purpose, interviewId, zone);
        String ownerId = access.ownerToRead(owner);
        ContactFacts contact = journal.contact(ownerId, contactId);
        return Drafts.write(ask, journal.profile(ownerId).orElse(null), contact);
    }
}
