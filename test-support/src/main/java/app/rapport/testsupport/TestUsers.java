package app.rapport.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts every test context knows. Passwords equal usernames; {@code carol}'s is stored as a
 * bcrypt hash, the way production stores them, the others in plain text to keep tests fast.
 * {@code demo} is also an admin.
 */
public final class TestUsers {

    public static final String DEMO = "demo";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String MENTOR = "mentor";
    public static final String CAROL = "carol";

    static final String CAROL_BCRYPT = "{bcrypt}$2a$10$WLioFPSonFfeDLYkFS8NOunzwRIDTzemb6hmbER2gnBqZ4MOMm25a";

    private TestUsers() {
    }

    /** The password of a test user. */
    public static String passwordOf(String username) {
        return username;
    }

    /** The same accounts as command-line arguments, for apps a test starts itself. */
    public static List<String> arguments() {
        return properties().entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> plain = List.of(DEMO, ALICE, BOB, MENTOR);
        for (int i = 0; i < plain.size(); i++) {
            properties.put("rapport.users[" + i + "].username", plain.get(i));
            properties.put("rapport.users[" + i + "].password", "{noop}" + plain.get(i));
        }
        properties.put("rapport.users[0].admin", true);
        properties.put("rapport.users[" + plain.size() + "].username", CAROL);
        properties.put("rapport.users[" + plain.size() + "].password", CAROL_BCRYPT);
        return properties;
    }
}
