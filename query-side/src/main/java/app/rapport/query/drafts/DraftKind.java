package app.rapport.query.drafts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The messages a draft can be, by the name the path gives them. */
enum DraftKind {

    /** Asking for an informational interview. */
    REQUEST("request"),
    /** The one polite reminder of a request still waiting for an answer. */
    NUDGE("nudge"),
    /** Thanks after an interview that was held. */
    THANK_YOU("thank-you"),
    /** Telling the contact, later, what came of their advice. */
    FOLLOW_UP("follow-up");

    private final String pathName;

    DraftKind(String pathName) {
        this.pathName = pathName;
    }

    String pathName() {
        return pathName;
    }

    static Optional<DraftKind> ofPathName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.pathName.equals(name)).findFirst();
    }

    static List<String> pathNames() {
        return Arrays.stream(values()).map(DraftKind::pathName).toList();
    }
}
