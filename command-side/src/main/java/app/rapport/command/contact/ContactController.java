package app.rapport.command.contact;

import java.net.URI;
import java.util.UUID;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.contact.AddContact;
import app.rapport.commands.contact.ArchiveContact;
import app.rapport.commands.contact.AskAboutOpenings;
import app.rapport.commands.contact.ChangeContactDetails;
import app.rapport.commands.contact.EraseContact;
import app.rapport.commands.contact.LinkReferral;
import app.rapport.commands.contact.LogFollowUp;
import app.rapport.commands.contact.ReferContact;
import app.rapport.commands.contact.RestoreContact;
import app.rapport.commands.contact.SetFollowUpCadence;
import app.rapport.platform.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The commands on a contact as a whole: adding, details, cadence, follow-ups, referrals, job inquiries, archive, erasure. */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final CommandDispatcher commands;
    private final Acting acting;

    ContactController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

    @Operation(operationId = "addContact", summary = "Add a contact",
            description = "Records a new person in the journal (AddContact): a name and how they were found are "
                    + "required. The contactId may be chosen by the client: repeating the identical request "
                    + "answers as the first did (a safe retry); the same id with another payload is 409.",
            tags = ApiTags.CONTACTS)
    @ApiResponse(responseCode = "201", description = "The contact was added; Location is the contact.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping
    ResponseEntity<CommandAnswer> add(@Valid @RequestBody AddContactRequest request) {
        UUID contactId = request.contactId() != null ? request.contactId() : UUID.randomUUID();
        StreamState state = send(null, new AddContact(contactId, acting.owner(), request.details(),
                request.source(), acting.atOrNow(request.at())));
        return Answers.created(location(contactId), CommandAnswer.forContact(contactId, state));
    }

    @Operation(operationId = "changeContactDetails", summary = "Change a contact's details",
            description = "Changes any of the contact's fields but its id and source (ChangeContactDetails); fields "
                    + "left out stay as they are, and a change to the same values records nothing. An archived "
                    + "contact is 409.",
            tags = ApiTags.CONTACTS)
    @ApiResponse(responseCode = "200", description = "The details were changed.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PatchMapping("/{contactId}")
    ResponseEntity<CommandAnswer> changeDetails(@PathVariable UUID contactId,
                                                @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                @Valid @RequestBody ChangeContactDetailsRequest request) {
        StreamState state = send(ifMatch, new ChangeContactDetails(contactId, acting.owner(),
                request.changes(), acting.atOrNow(request.at())));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    @Operation(operationId = "setFollowUpCadence", summary = "Set how often to keep in touch",
            description = "Sets the contact's follow-up cadence in days (7–365): a contact whose last touch is "
                    + "older than this is due a follow-up of kind KEEP_IN_TOUCH.",
            tags = ApiTags.CONTACTS)
    @ApiResponse(responseCode = "200", description = "The cadence was set.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PutMapping("/{contactId}/cadence")
    ResponseEntity<CommandAnswer> setCadence(@PathVariable UUID contactId,
                                             @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody SetFollowUpCadenceRequest request) {
        StreamState state = send(ifMatch, new SetFollowUpCadence(contactId, acting.owner(),
                request.days(), acting.atOrNow(request.at())));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    @Operation(operationId = "logFollowUp", summary = "Log a follow-up",
            description = "Records a touch after an interview (congratulations, a reply to a post, advice taken, a "
                    + "check-in) by a channel; it may keep open commitments. The followUpId may be chosen by "
                    + "the client for a safe retry.",
            tags = ApiTags.FOLLOW_UPS)
    @ApiResponse(responseCode = "201",
            description = "The follow-up was logged; Location answers it (GET "
                    + "/api/contacts/{contactId}/follow-ups/{followUpId}).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{contactId}/follow-ups")
    ResponseEntity<CommandAnswer> logFollowUp(@PathVariable UUID contactId,
                                              @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                              @Valid @RequestBody LogFollowUpRequest request) {
        UUID followUpId = request.followUpId() != null ? request.followUpId() : UUID.randomUUID();
        StreamState state = send(ifMatch, new LogFollowUp(contactId, acting.owner(), followUpId,
                request.kind(), request.channel(), request.note(), acting.atOrNow(request.at()), request.keeps()));
        return Answers.created(URI.create(location(contactId) + "/follow-ups/" + followUpId),
                CommandAnswer.forFollowUp(contactId, followUpId, state));
    }

    @Operation(operationId = "referContact", summary = "Add a contact this one referred you to",
            description = "Creates a new contact whose source is REFERRAL, linked to the referrer (ReferContact); "
                    + "the body is that of adding a contact. Asking whether they know someone else to talk to "
                    + "is part of the practice.",
            tags = ApiTags.REFERRALS)
    @ApiResponse(responseCode = "201",
            description = "The referred contact was added; Location is the new contact, contactId in the "
                    + "answer is its id.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{contactId}/referrals")
    ResponseEntity<CommandAnswer> refer(@PathVariable UUID contactId,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody ReferContactRequest request) {
        UUID referredId = request.contactId() != null ? request.contactId() : UUID.randomUUID();
        // sent to the referrer (If-Match is the referrer's version), answered about the new contact
        StreamState referred = commands.sendCreating(new ReferContact(contactId, acting.owner(), referredId,
                request.details(), acting.atOrNow(request.at())), referredId.toString(), IfMatch.version(ifMatch));
        return Answers.created(location(referredId), CommandAnswer.forContact(referredId, referred));
    }

    /**
     * A referral to someone already in the journal: recorded on the referrer, answered with the
     * referrer's version. The referred contact is named in the body, like every command's arguments.
     */
    @Operation(operationId = "linkReferral", summary = "Link an existing contact as referred by this one",
            description = "Records that a contact already in the journal was referred by this one; linking it again "
                    + "changes nothing, a contact referring itself is 409 referral-to-self, and an unknown "
                    + "referred contact is 404.",
            tags = ApiTags.REFERRALS)
    @ApiResponse(responseCode = "200", description = "The referral was linked.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{contactId}/referrals/links")
    ResponseEntity<CommandAnswer> linkReferral(@PathVariable UUID contactId,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody LinkReferralRequest request) {
        StreamState state = send(ifMatch, new LinkReferral(contactId, acting.owner(), request.referredContactId(),
                acting.atOrNow(request.at())));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    @Operation(operationId = "askAboutOpenings", summary = "Ask about job openings",
            description = "Records a job inquiry. Never ask for a job in an informational interview: it is refused "
                    + "(409 relationship-not-established) until the relationship is established — an interview "
                    + "held, a thank-you sent and at least one later follow-up — unless acknowledgeEarly is "
                    + "true, which records it as early.",
            tags = ApiTags.CONTACTS)
    @ApiResponse(responseCode = "201", description = "The job inquiry was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @ApiResponse(responseCode = "409",
            description = "relationship-not-established: the relationship is not established and "
                    + "acknowledgeEarly was not given; or another rule of the history.")
    @PostMapping("/{contactId}/job-inquiries")
    ResponseEntity<CommandAnswer> askAboutOpenings(@PathVariable UUID contactId,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                   @Valid @RequestBody(required = false) AskAboutOpeningsRequest body) {
        AskAboutOpeningsRequest request = body != null ? body : AskAboutOpeningsRequest.EMPTY;
        UUID inquiryId = request.inquiryId() != null ? request.inquiryId() : UUID.randomUUID();
        StreamState state = send(ifMatch, new AskAboutOpenings(contactId, acting.owner(), inquiryId, request.note(),
                Boolean.TRUE.equals(request.acknowledgeEarly()), acting.atOrNow(request.at())));
        return Answers.created(URI.create(location(contactId) + "/job-inquiries/" + inquiryId),
                CommandAnswer.forInquiry(contactId, inquiryId, state));
    }

    @Operation(operationId = "archiveContact", summary = "Archive a contact",
            description = "Moves the contact to the ARCHIVED stage: out of the due items and the default list, its "
                    + "history kept. Archiving an archived contact changes nothing.",
            tags = ApiTags.CONTACTS)
    @ApiResponse(responseCode = "200", description = "The contact was archived.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{contactId}/archive")
    ResponseEntity<CommandAnswer> archive(@PathVariable UUID contactId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        StreamState state = send(ifMatch, new ArchiveContact(contactId, acting.owner(), acting.atOrNow(null)));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    @Operation(operationId = "restoreContact", summary = "Restore an archived contact",
            description = "Brings an archived contact back to the stage its history gives it. Restoring a contact "
                    + "that is not archived changes nothing.",
            tags = ApiTags.CONTACTS)
    @ApiResponse(responseCode = "200", description = "The contact was restored.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{contactId}/restore")
    ResponseEntity<CommandAnswer> restore(@PathVariable UUID contactId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        StreamState state = send(ifMatch, new RestoreContact(contactId, acting.owner(), acting.atOrNow(null)));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    /**
     * Forgets the contact: its key is deleted and its personal data reads as erased everywhere.
     * A retry is answered as the first erasure was, with the version and position of its event.
     */
    @Operation(operationId = "eraseContact", summary = "Erase a contact's personal data",
            description = "Deletes the key the contact's personal fields are encrypted with and scrubs its "
                    + "read-model rows; a reason is required. Afterwards the contact is 404 on every query, its "
                    + "events read as erased placeholders in the audit and the export, and analytics counts are "
                    + "unchanged. Cannot be undone.",
            tags = ApiTags.ERASURE)
    @ApiResponse(responseCode = "200", description = "The contact was erased.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{contactId}/erasure")
    ResponseEntity<CommandAnswer> erase(@PathVariable UUID contactId,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody EraseContactRequest request) {
        StreamState state = send(ifMatch, new EraseContact(contactId, acting.owner(), request.reason(),
                acting.atOrNow(null)));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    private StreamState send(String ifMatch, Object command) {
        return commands.send(command, IfMatch.version(ifMatch));
    }

    private static URI location(UUID contactId) {
        return URI.create("/api/contacts/" + contactId);
    }
}
