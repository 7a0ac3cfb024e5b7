package app.rapport.query.drafts;

import java.util.UUID;

import app.rapport.query.mentors.MenteeAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A message to a contact written from the journal: a request, a nudge, a thank-you or a follow-up.
 * Nothing is stored or sent. With {@code owner=} a mentor reads the draft a mentee would get, in
 * the mentee's voice, as they read the rest of that journal.
 */
@RestController
class DraftsController {

    private final JournalReader journal;
    private final MenteeAccess access;

    DraftsController(JournalReader journal, MenteeAccess access) {
        this.journal = journal;
        this.access = access;
    }

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
