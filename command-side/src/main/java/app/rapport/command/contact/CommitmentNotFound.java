package app.rapport.command.contact;

import app.rapport.command.NotFound;

import java.util.UUID;

/** The contact has no commitment with the given id. */
public class CommitmentNotFound extends NotFound {

    public CommitmentNotFound(UUID contactId, UUID commitmentId) {
        super("commitment-not-found",
                "Commitment %s was not found for contact %s.".formatted(commitmentId, contactId));
    }
}
