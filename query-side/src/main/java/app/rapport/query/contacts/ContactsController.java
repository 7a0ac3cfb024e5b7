package app.rapport.query.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.contacts.ContactViews.ContactDetail;
import app.rapport.query.contacts.ContactViews.ContactSummary;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.QueryNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact list (by name, health or the next touch owed) and one contact with its interviews
 * and follow-ups; health is judged at the moment of the query ({@link Health}). With {@code asOf},
 * as recorded by then and judged then ({@link JournalAsOf}).
 */
@Tag(name = ApiTags.CONTACTS)
@RestController
class ContactsController {

    private final Contacts contacts;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final Clock clock;
    private final JournalAsOf journal;

    ContactsController(Contacts contacts, MenteeAccess access, ConsistencyGate consistency, Clock clock,
                       JournalAsOf journal) {
        this.contacts = contacts;
        this.access = access;
        this.consistency = consistency;
        this.clock = clock;
        this.journal = journal;
    }

    @Operation(operationId = "findContacts", summary = "List your contacts",
            description = "Contact summaries with their stage and health (judged at the moment of the query, or at "
                    + "asOf), one stage or all, filtered by a text in the name or organization, paged.")
    @Parameter(name = "stage", description = "Only contacts in this stage.")
    @Parameter(name = "q", description = "A text the name or organization contains, without regard to case.")
    @Parameter(name = "sort", description = "name (the default), health, or due (the next touch owed first).")
    @GetMapping("/api/contacts")
    PagedResult<ContactSummary> list(@RequestParam(required = false) Stage stage,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) String sort,
                                     @RequestParam(required = false) String owner,
                                     @RequestParam(required = false) Long consistentWith,
                                     @RequestParam(required = false) Instant asOf,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        ContactOrder order = ContactOrder.parse(sort);
        consistency.awaitProcessed(consistentWith, ContactsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        Instant at = asOf != null ? asOf : clock.instant();
        Function<Contacts, PagedResult<ContactSummary>> list = found ->
                found.search(ownerId, stage, likePattern(q), order, at, page, size).map(ContactSummary::of);
        return asOf == null ? list.apply(contacts)
                : journal.read(ownerId, asOf, consistentWith, ContactsAsOf.READ_MODEL, list);
    }

    @Operation(operationId = "findContact", summary = "Read one contact",
            description = "One contact with its interviews and follow-ups; with asOf, as recorded by then. Someone "
                    + "else's contact, or an erased one, is 404.")
    @GetMapping("/api/contacts/{contactId}")
    ContactDetail detail(@PathVariable UUID contactId,
                         @RequestParam(required = false) String owner,
                         @RequestParam(required = false) Long consistentWith,
                         @RequestParam(required = false) Instant asOf) {
        consistency.awaitProcessed(consistentWith, ContactsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        Instant at = asOf != null ? asOf : clock.instant();
        Function<Contacts, ContactDetail> detail = found -> {
            Contacts.Judged contact = found.findJudged(ownerId, contactId, at)
                    .orElseThrow(() -> new QueryNotFoundException("No contact " + contactId + "."));
            return ContactDetail.of(contact, found.findInterviews(ownerId, contactId),
                    found.findFollowUps(ownerId, contactId));
        };
        return asOf == null ? detail.apply(contacts)
                : journal.readContact(ownerId, contactId, asOf, ContactsAsOf.READ_MODEL, detail);
    }

    /** A case-insensitive "contains" pattern in which the user's own % and _ match literally. */
    static String likePattern(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String escaped = q.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
