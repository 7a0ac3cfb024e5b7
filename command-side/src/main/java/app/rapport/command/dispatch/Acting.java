package app.rapport.command.dispatch;

import java.time.Clock;
import java.time.Instant;

import app.rapport.platform.identity.CurrentUser;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** Who sends a command and when it happened, as the controllers fill them in. */
@Component
public class Acting {

    private final CurrentUser currentUser;
    private final Clock clock;

    Acting(CurrentUser currentUser, Clock clock) {
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The owner of the journal a command writes to: always the acting user. */
    public String owner() {
        return currentUser.username();
    }

    /** The business time a client gave, or now: people log interviews after the fact, but not always. */
    public Instant atOrNow(@Nullable Instant at) {
        return at != null ? at : clock.instant();
    }
}
