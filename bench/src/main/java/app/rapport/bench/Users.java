package app.rapport.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The accounts of a run: an admin for replays, one writer per client, a sample of the
 * bulk-loaded owners who query, the owners loaded for the asOf step and one importer. All share one bcrypt hash (cost 10), computed once: the app
 * still verifies it per credential, as it would for real users.
 */
final class Users {

    static final String ADMIN = "bench-admin";
    static final String PASSWORD = "bench-password";
    /** Imports its own file: not a writer, whose name the guessing flood locks out for minutes. */
    static final String IMPORTER = "bench-importer";

    final List<String> writers = new ArrayList<>();
    final List<String> owners = new ArrayList<>();
    final List<String> queriers = new ArrayList<>();
    final List<String> asOfOwners = new ArrayList<>();
    private final String hash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);

    Users(Settings settings, Random random) {
        for (int i = 1; i <= settings.clients(); i++) {
            writers.add("writer-" + i);
        }
        for (int i = 1; i <= settings.users(); i++) {
            owners.add(String.format("user-%06d", i));
        }
        List<String> shuffled = new ArrayList<>(owners);
        java.util.Collections.shuffle(shuffled, random);
        queriers.addAll(shuffled.subList(0, Math.min(settings.queryUsers(), shuffled.size())));
        for (int i = 1; i <= settings.asOfUsers(); i++) {
            asOfOwners.add(String.format("asof-%04d", i));
        }
    }

    static String auth(String username) {
        return Api.basic(username, PASSWORD);
    }

    /** {@code rapport.users[i].*} for the app. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        all.add(ADMIN);
        all.addAll(writers);
        all.addAll(queriers);
        all.addAll(asOfOwners);
        all.add(IMPORTER);
        for (int i = 0; i < all.size(); i++) {
            properties.put("rapport.users[" + i + "].username", all.get(i));
            properties.put("rapport.users[" + i + "].password", hash);
            properties.put("rapport.users[" + i + "].admin", String.valueOf(i == 0));
        }
        return properties;
    }
}
