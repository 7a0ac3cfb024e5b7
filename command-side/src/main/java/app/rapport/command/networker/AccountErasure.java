package app.rapport.command.networker;

import java.time.Clock;

import app.rapport.command.dispatch.Decided;
import app.rapport.commands.networker.EraseAccount;
import app.rapport.platform.privacy.Erasures;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Erases a networker's own data: the networker decides, and their key (profile, mentors'
 * usernames, the reasons they gave for erasures) is deleted here, in the command's unit of work
 * and so in the transaction that appends {@code AccountErased}. Like every command to a
 * networker, it needs no earlier event: a user exists before they write anything down.
 */
@Component
class AccountErasure {

    private final Repository<Networker> networkers;
    private final Erasures erasures;
    private final Clock clock;

    AccountErasure(Repository<Networker> networkers, Erasures erasures, Clock clock) {
        this.networkers = networkers;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** Answers like the networker's own handlers do (see {@code DecidedVersions}), so the dispatcher can too. */
    @CommandHandler
    public Decided handle(EraseAccount command) throws Exception {
        Aggregate<Networker> networker = networkers.loadOrCreate(command.networkerId(), Networker::new);
        networker.execute(it -> it.erase(command, clock));
        erasures.eraseNetworker(command.networkerId(), command.at());
        return new Decided(command.networkerId(), networker.version());
    }
}
