package app.rapport.bench;

/** The app under test, however it was started, and the database it writes to. */
interface App extends AutoCloseable {

    String baseUrl();

    Database database();

    /** Launch to healthy, in seconds. */
    double coldStartSeconds();

    /** Whether {@link #restart()} can stop the app and start it again on the same data. */
    default boolean restartable() {
        return false;
    }

    /** Stops the app and starts it again on the same data; answers the seconds until it was healthy again. */
    default double restart() throws Exception {
        throw new UnsupportedOperationException("this app is not restarted by the benchmark");
    }

    @Override
    void close();
}
