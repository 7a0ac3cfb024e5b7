package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a person sees when the app refuses to start: the reason on one line, and no stack trace. */
final class StartRefusal {

    private StartRefusal() {
    }

    static void assertOneLine(Path log, String reason) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).as("the log of the refused start").filteredOn(line -> line.contains(reason)).hasSize(1);
        assertThat(lines).as("the log of the refused start").noneMatch(line -> line.startsWith("\tat ")
                || line.contains("APPLICATION FAILED TO START") || line.contains("Exception"));
    }
}
