package app.rapport.command.contact;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.RetractEntry;
import app.rapport.platform.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Corrections and retractions of a contact's journal entries, each named by its event's id (the
 * timeline's {@code entryId}). The id is taken as text, as events name it: an id that names no
 * entry of the contact is 404, whatever it looks like.
 */
@Tag(name = ApiTags.CORRECTIONS)
@RestController
@RequestMapping("/api/contacts/{contactId}/entries/{entryId}")
class EntryController {

    private final CommandDispatcher commands;
    private final Acting acting;

    EntryController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

    @Operation(operationId = "correctEntry", summary = "Correct an entry of the timeline",
            description = "A correction never rewrites history: it is a new event naming the entry (its entryId on "
                    + "the timeline), with a reason and any of the fields that entry's type has. A field the "
                    + "entry does not have is 409 not-correctable; an unknown entry is 404.")
    @ApiResponse(responseCode = "200", description = "The correction was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/correction")
    ResponseEntity<CommandAnswer> correct(@PathVariable UUID contactId, @PathVariable String entryId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody CorrectEntryRequest request) {
        return answer(contactId, ifMatch, new CorrectEntry(contactId, acting.owner(), entryId, request.changes(),
                request.reason(), acting.atOrNow(null)));
    }

    @Operation(operationId = "retractEntry", summary = "Retract an entry of the timeline",
            description = "Allowed for a follow-up, a job inquiry, a nudge, and the latest step of an interview "
                    + "(the interview returns to the state before it), with a reason; otherwise 409 "
                    + "not-retractable.")
    @ApiResponse(responseCode = "200", description = "The retraction was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/retraction")
    ResponseEntity<CommandAnswer> retract(@PathVariable UUID contactId, @PathVariable String entryId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody RetractEntryRequest request) {
        return answer(contactId, ifMatch, new RetractEntry(contactId, acting.owner(), entryId, request.reason(),
                acting.atOrNow(null)));
    }

    private ResponseEntity<CommandAnswer> answer(UUID contactId, String ifMatch, Object command) {
        StreamState state = commands.send(command, IfMatch.version(ifMatch));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }
}
