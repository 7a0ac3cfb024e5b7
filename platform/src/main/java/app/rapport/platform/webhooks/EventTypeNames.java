package app.rapport.platform.webhooks;

import app.rapport.events.JournalEvent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names by which a webhook chooses its events and a feed item states its {@code type}: an
 * event's simple class name, such as {@code ContactAdded}. Event classes are stored by name and
 * chosen once, so a name known now stays known; one that is none would silently deliver nothing,
 * so a registration naming it is refused instead.
 */
public final class EventTypeNames {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
    private static final List<String> PACKAGES = List.of("app.rapport.events.contact", "app.rapport.events.interview",
            "app.rapport.events.commitment", "app.rapport.events.networker");

    private EventTypeNames() {
    }

    /** Whether {@code name} is the simple name of one of Rapport's journal events. */
    public static boolean isKnown(String name) {
        if (name == null || !SIMPLE_NAME.matcher(name).matches()) {
            return false;
        }
        for (String pack : PACKAGES) {
            try {
                Class<?> type = Class.forName(pack + "." + name, false, EventTypeNames.class.getClassLoader());
                if (JournalEvent.class.isAssignableFrom(type) && type.isRecord()) {
                    return true;
                }
            } catch (ClassNotFoundException e) {
                // not in this package
            }
        }
        return false;
    }
}
