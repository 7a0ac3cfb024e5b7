package app.rapport.command.contact;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.RetractEntry;
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
@RestController
@RequestMapping("/api/contacts/{contactId}/entries/{entryId}")
class EntryController {

    private final CommandDispatcher commands;
    private final Acting acting;

    EntryController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

    @PostMapping("/correction")
    ResponseEntity<CommandAnswer> correct(@PathVariable UUID contactId, @PathVariable String entryId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody CorrectEntryRequest request) {
        return answer(contactId, ifMatch, new CorrectEntry(contactId, acting.owner(), entryId, request.changes(),
                request.reason(), acting.atOrNow(null)));
    }

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
