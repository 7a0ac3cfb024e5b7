package app.rapport.query.admin;

import app.rapport.query.QuerySettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --rapport.replay=<processor|all>} rebuilds read models when the app starts, e.g. after
 * a projection's code changed; the app serves queries meanwhile from the live tables (see
 * {@link Replays}).
 */
@Component
class ReplayOnStartup implements ApplicationRunner {

    private final Replays replays;
    private final String which;

    ReplayOnStartup(Replays replays, QuerySettings settings) {
        this.replays = replays;
        this.which = settings.replay();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!which.isBlank()) {
            replays.replay(which);
        }
    }
}
