package app.rapport.query.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --rapport.replay=<processor|all>} rebuilds read models when the app starts, e.g. after
 * a projection's code changed; the app serves queries meanwhile from the tables being rebuilt.
 */
@Component
class ReplayOnStartup implements ApplicationRunner {

    private final Replays replays;
    private final String which;

    ReplayOnStartup(Replays replays, @Value("${rapport.replay:}") String which) {
        this.replays = replays;
        this.which = which;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!which.isBlank()) {
            replays.replay(which);
        }
    }
}
