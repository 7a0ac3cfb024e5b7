package app.rapport.query.drafts;

import java.util.List;

/** Who the networker says they are, from their latest {@code ProfileSet}; a draft speaks with it. */
record Profile(String displayName, String school, String program, List<String> interests) {

    Profile {
        interests = interests == null ? List.of() : List.copyOf(interests);
    }
}
