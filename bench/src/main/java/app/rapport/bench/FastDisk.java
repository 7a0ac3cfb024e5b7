package app.rapport.bench;

import java.io.IOException;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code --fast-disk}: the app on the kind of embedded PostgreSQL tests use, same binaries but
 * with {@code fsync} and {@code synchronous_commit} off, so a run shows what durability costs.
 * Never what a person runs: an OS crash or power cut can lose acknowledged commits there.
 */
final class FastDisk implements AutoCloseable {

    private final EmbeddedPostgres server;

    private FastDisk(EmbeddedPostgres server) {
        this.server = server;
    }

    static FastDisk start(Consumer<String> out) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        out.accept("FAST DISK: a non-durable embedded PostgreSQL (fsync off, synchronous_commit off) on port "
                + server.getPort() + ", for comparison only");
        return new FastDisk(server);
    }

    Database database() {
        return new Database("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
