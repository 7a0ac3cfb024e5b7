package app.rapport.standalone.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A base backup of a running server by PostgreSQL's low-level backup API, for the bundled server
 * ships no {@code pg_basebackup}: between {@code pg_backup_start} and {@code pg_backup_stop} the
 * files are copied as they are, and the WAL written meanwhile, kept by a temporary replication
 * slot, makes the copy consistent when a server first starts on it (the {@code backup_label}
 * tells it where to begin). Pages torn by the copy are repaired from that WAL because the server
 * runs with {@code full_page_writes}.
 */
final class OnlineBackup {

    /** Folders whose contents a server makes anew at start; copied empty. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "pg_internal.init");

    private OnlineBackup() {
    }

    static void write(Connection connection, Path server, Path target) throws IOException, SQLException {
        Files.createDirectories(target.getParent());
        try {
            Files.createDirectory(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(target + " exists already", e);
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_create_physical_replication_slot('rapport_backup_' || pg_backend_pid(), true, true)");
            String firstWal = single(sql, "SELECT pg_walfile_name(pg_backup_start('rapport', true))");
            copyFiles(server, target);
            String label;
            String tablespaceMap;
            String lastWal;
            try (ResultSet stopped = sql.executeQuery(
                    "SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")) {
                stopped.next();
                label = stopped.getString(1);
                tablespaceMap = stopped.getString(2);
                lastWal = stopped.getString(3);
            }
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
            }
            copyWal(server.resolve("pg_wal"), target.resolve("pg_wal"), firstWal, lastWal);
        }
    }

    private static void copyFiles(Path server, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(server)) {
            paths = walk.filter(path -> !path.equals(server)).toList();
        }
        for (Path source : paths) {
            Path relative = server.relativize(source);
            if (isInsideEmptied(relative) || SKIPPED.contains(relative.getFileName().toString())
                    || relative.getFileName().toString().startsWith("pgsql_tmp")) {
                continue;
            }
            Path copy = target.resolve(relative);
            try {
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (NoSuchFileException droppedMeanwhile) {
                // a file removed during the copy is not needed: the WAL replayed at restore says so
            }
        }
    }

    private static boolean isInsideEmptied(Path relative) {
        return relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString());
    }

    /** WAL segment names order as their positions on one timeline, so the range is a name range. */
    private static void copyWal(Path from, Path to, String first, String last) throws IOException {
        try (Stream<Path> segments = Files.list(from)) {
            for (Path segment : segments.filter(Files::isRegularFile).toList()) {
                String name = segment.getFileName().toString();
                if (name.length() == 24 && name.compareTo(first) >= 0 && name.compareTo(last) <= 0) {
                    Files.copy(segment, to.resolve(name));
                }
            }
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
