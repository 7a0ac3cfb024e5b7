package app.rapport.bench;

import java.time.Duration;

/**
 * How big each step of a run is.
 *
 * @param clients concurrent HTTP clients (write path, queries) and JDBC threads (raw single-row inserts)
 * @param writeDuration how long the write path runs
 * @param rawSingleDuration how long the raw one-row-per-transaction inserts run
 * @param rawBatchRows rows the raw batched inserts write, 1 000 per statement
 * @param users owners in the bulk-loaded data set
 * @param contactsPerUser contacts per owner; each holds about ten events
 * @param queryUsers how many of those owners get an account and query under load
 * @param queryDuration how long the query load runs (kept under the 60 s credential cache, so
 *        bcrypt is paid in the warm-up only)
 * @param progressEvery how often long steps print a progress line
 * @param asOfUsers owners loaded for the asOf step, after the replay, each with
 *        {@code asOfContactsPerUser} relationships, whatever the scale: the figure is asked for at
 *        one owner's size (50 contacts, about 500 events)
 * @param asOfDuration how long the asOf queries run (under the credential cache too)
 * @param encryptionRounds in how many slices the write path of the encryption comparison is run on
 *        each app in turn (together as long as the write path)
 */
record Settings(
        String name,
        int clients,
        Duration writeDuration,
        Duration rawSingleDuration,
        int rawBatchRows,
        int users,
        int contactsPerUser,
        int queryUsers,
        Duration queryDuration,
        Duration progressEvery,
        int asOfUsers,
        int asOfContactsPerUser,
        Duration asOfDuration,
        int encryptionRounds) {

    static Settings full(double scale, int clients) {
        return new Settings("full x" + scale, clients, Duration.ofSeconds(60), Duration.ofSeconds(20), 500_000,
                (int) Math.round(2_000 * scale), 50, 200, Duration.ofSeconds(45), Duration.ofSeconds(5), 40, 50,
                Duration.ofSeconds(30), 4);
    }

    static Settings quick(double scale, int clients) {
        return new Settings("quick x" + scale, clients, Duration.ofSeconds(15), Duration.ofSeconds(6), 100_000,
                (int) Math.round(100 * scale), 20, 20, Duration.ofSeconds(12), Duration.ofSeconds(3), 8, 50,
                Duration.ofSeconds(10), 3);
    }

    /** The same run with a longer or shorter write path, e.g. to compare settings past the JIT's warm-up. */
    Settings withWriteDuration(Duration writeDuration) {
        return new Settings(name, clients, writeDuration, rawSingleDuration, rawBatchRows, users, contactsPerUser,
                queryUsers, queryDuration, progressEvery, asOfUsers, asOfContactsPerUser, asOfDuration, encryptionRounds);
    }

    /**
     * The same run with longer or shorter query and page steps: a contact page's p99 from a quick
     * run's 12 s rests on its few slowest of about 400 pages. Past the credential cache's 60 s the
     * query step would pay bcrypt again, so it is capped at 55 s.
     */
    Settings withQueryDuration(Duration queryDuration) {
        Duration capped = queryDuration.compareTo(Duration.ofSeconds(55)) > 0 ? Duration.ofSeconds(55) : queryDuration;
        return new Settings(name, clients, writeDuration, rawSingleDuration, rawBatchRows, users, contactsPerUser,
                queryUsers, capped, progressEvery, asOfUsers, asOfContactsPerUser, asOfDuration, encryptionRounds);
    }

    /** Seconds-long steps for the smoke test. */
    static Settings toy() {
        return new Settings("toy", 2, Duration.ofSeconds(2), Duration.ofSeconds(1), 2_000, 4, 3, 2,
                Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(2), 1);
    }
}
