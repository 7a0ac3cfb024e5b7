package app.rapport.bench;

/** The app under test, however it was started, and the database it writes to. */
interface App extends AutoCloseable {

    String baseUrl();

    Database database();

    /** Launch to healthy, in seconds. */
    double coldStartSeconds();

    @Override
    void close();
}
