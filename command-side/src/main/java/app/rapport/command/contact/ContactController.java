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

    @PostMapping
    ResponseEntity<CommandAnswer> add(@Valid @RequestBody AddContactRequest request) {
        UUID contactId = request.contactId() != null ? request.contactId() : UUID.randomUUID();
        StreamState state = send(null, new AddContact(contactId, acting.owner(), request.details(),
                request.source(), acting.atOrNow(request.at())));
        return Answers.created(location(contactId), CommandAnswer.forContact(contactId, state));
    }

    @PatchMapping("/{contactId}")
    ResponseEntity<CommandAnswer> changeDetails(@PathVariable UUID contactId,
                                                @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                @Valid @RequestBody ChangeContactDetailsRequest request) {
        StreamState state = send(ifMatch, new ChangeContactDetails(contactId, acting.owner(),
                request.changes(), acting.atOrNow(request.at())));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

    @PutMapping("/{contactId}/cadence")
    ResponseEntity<CommandAnswer> setCadence(@PathVariable UUID contactId,
                                             @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody SetFollowUpCadenceRequest request) {
        StreamState state = send(ifMatch, new SetFollowUpCadence(contactId, acting.owner(),
                request.days(), acting.atOrNow(request.at())));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

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
    @PostMapping("/{contactId}/referrals/links")
    ResponseEntity<CommandAnswer> linkReferral(@PathVariable UUID contactId,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody LinkReferralRequest request) {
        StreamState state = send(ifMatch, new LinkReferral(contactId, acting.owner(), request.referredContactId(),
                acting.atOrNow(request.at())));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

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

    @PostMapping("/{contactId}/archive")
    ResponseEntity<CommandAnswer> archive(@PathVariable UUID contactId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        StreamState state = send(ifMatch, new ArchiveContact(contactId, acting.owner(), acting.atOrNow(null)));
        return Answers.ok(CommandAnswer.forContact(contactId, state));
    }

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
