package app.rapport.command.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import app.rapport.command.BusinessTime;
import app.rapport.command.contact.AddContactRequest;
import app.rapport.commands.contact.AddContact;
import app.rapport.values.ContactDetails;
import app.rapport.values.Provenance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports people from a spreadsheet, LinkedIn's connections or an address book: every row is
 * checked as the body of {@code POST /api/contacts} would be (the same constraints, a name, a
 * source and channel Rapport knows, a time not ahead of now), and only a file without a bad row is
 * imported. A row whose person is already in the journal is left unchanged; every other row is an
 * {@link AddContact} with the row's provenance, under an id fixed by the import and the row.
 */
@Component
class PeopleImport {

    private static final Logger log = LoggerFactory.getLogger(PeopleImport.class);

    private final Validator validator;
    private final Clock clock;
    private final StoredJournal journal;
    private final ImportUnit unit;

    PeopleImport(Validator validator, Clock clock, StoredJournal journal, ImportUnit unit) {
        this.validator = validator;
        this.clock = clock;
        this.journal = journal;
        this.unit = unit;
    }

    ImportAnswer run(ImportFile file, boolean dryRun) {
        long started = System.nanoTime();
        People people = switch (file.format()) {
            case CSV -> Spreadsheet.read(file.text());
            case LINKEDIN -> LinkedInConnections.read(file.text());
            case VCARD -> AddressBook.read(file.text());
            case EVENTS -> throw new IllegalArgumentException("a journal is not a list of people");
        };
        UUID importId = file.importId();
        Instant now = clock.instant();
        List<Person> checked = new ArrayList<>();
        List<RowError> problems = new ArrayList<>();
        for (PersonRow row : people.rows()) {
            AddContactRequest request = row.request(people.defaultSource(), now);
            List<RowError> own = problemsOf(row, request, now);
            if (own.isEmpty()) {
                checked.add(new Person(row.row, request));
            }
            problems.addAll(own);
        }
        if (!problems.isEmpty()) {
            log.info("Import {} ({}) by {} rejected: {} of {} rows break the contact rules", importId,
                    file.format().formatName(), file.owner(), problems.stream().map(RowError::row).distinct().count(),
                    people.read());
            throw new ImportRejected(ImportUnit.sorted(problems));
        }
        log.info("Import {} ({}) by {}: {} rows read and checked in {} ms{}", importId, file.format().formatName(),
                file.owner(), people.read(), (System.nanoTime() - started) / 1_000_000, dryRun ? ", a dry run" : "");

        int[] created = {0};
        int[] unchanged = {0};
        long[] matchedPosition = {0};
        ImportUnit.Stored stored = unit.run(file.owner(), importId,
                dryRun ? ImportUnit.DryRun.DECIDED_BY_CHECKS : null, batch -> {
            KnownContacts known = journal.knownContacts(file.owner());
            // an id from the file (an export's contactId, a card's UID) is kept unless another journal has it
            Map<UUID, String> taken = journal.ownersOf(checked.stream()
                    .map(person -> person.request.contactId()).filter(Objects::nonNull).distinct().toList());
            int done = 0;
            for (Person person : checked) {
                ContactDetails details = person.request.details();
                UUID ownId = person.request.contactId();
                UUID derivedId = ImportFile.contactIdFor(importId, person.row);
                Optional<UUID> match = known.match(details, ownId, derivedId);
                if (match.isPresent()) {
                    unchanged[0]++;
                    matchedPosition[0] = Math.max(matchedPosition[0], known.positionOf(match.get()));
                } else {
                    UUID contactId = ownId != null && !taken.containsKey(ownId) ? ownId : derivedId;
                    known.adding(contactId, details);
                    if (batch.send(person.row, "row", contactId.toString(), new AddContact(contactId, file.owner(),
                            details, person.request.source(), person.request.at(),
                            new Provenance(importId, file.format().formatName(), person.row)))) {
                        created[0]++;
                    }
                }
                if (++done % ImportLimits.PROGRESS_EVERY == 0) {
                    log.info("Import {}: {} of {} rows decided", importId, done, checked.size());
                }
            }
        });
        log.info("Import {} {}: {} created, {} unchanged, {} skipped in {} ms", importId,
                stored.stored() ? "stored" : "tried, nothing stored", created[0], unchanged[0], people.skipped(),
                (System.nanoTime() - started) / 1_000_000);
        return new ImportAnswer(importId, file.format().formatName(), people.read(), created[0], unchanged[0],
                people.skipped(), List.of(), stored.stored() && created[0] > 0 ? stored.position() : matchedPosition[0],
                dryRun, people.ignoredColumns());
    }

    private List<RowError> problemsOf(PersonRow row, AddContactRequest request, Instant now) {
        List<RowError> problems = new ArrayList<>(row.conversionErrors());
        for (ConstraintViolation<AddContactRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            boolean converted = row.conversionErrors().stream().anyMatch(error -> error.field().equals(row.labelOf(field)));
            if (!converted) {
                problems.add(new RowError(row.row, row.labelOf(field), violation.getMessage()));
            }
        }
        if (request.at() != null && request.at().isAfter(now.plus(BusinessTime.ALLOWED_AHEAD))) {
            problems.add(new RowError(row.row, row.labelOf("at"), request.at() + " is later than now; a person is "
                    + "imported once met"));
        }
        return problems;
    }

    /** A row that passed its checks. */
    private record Person(int row, AddContactRequest request) {
    }
}
