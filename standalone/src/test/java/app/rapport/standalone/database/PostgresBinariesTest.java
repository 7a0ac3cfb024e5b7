package app.rapport.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path cache;

    /** The system's tar is a shortcut, never a difference: same files, same modes, same folder name. */
    @Test
    void tarAndTheJavaDecoder_unpackTheSameFiles_hashingTheArchiveAsTheyReadIt() throws IOException {
        assumeTrue(hasTar(), "no tar on this machine: the Java decoder is the only way here");
        URL archive = PostgresBinaries.archive();
        Path byTar = Files.createDirectory(cache.resolve("tar"));
        Path byJava = Files.createDirectory(cache.resolve("java"));

        String tarDigest = PostgresBinaries.unpackWithTar(archive, byTar);
        String javaDigest = PostgresBinaries.unpackInJava(archive, byJava);

        assertThat(tarDigest).isEqualTo(javaDigest).isEqualTo(PostgresBinaries.digest(archive));
        Map<String, String> files = tree(byJava);
        assertThat(files).containsKey("bin/postgres").containsKey("bin/initdb");
        assertThat(tree(byTar)).isEqualTo(files);
    }

    /** A first start names the folder by the digest it took while unpacking; the next start finds that folder. */
    @Test
    void theNextStart_findsTheFolderTheFirstUnpacked() throws IOException {
        PostgresBinaries first = PostgresBinaries.unpackedUnder(cache);
        PostgresBinaries again = PostgresBinaries.unpackedUnder(cache);

        assertThat(again.command("postgres")).isEqualTo(first.command("postgres"));
        try (Stream<Path> folders = Files.list(cache)) {
            assertThat(folders.map(folder -> folder.getFileName().toString()))
                    .containsExactly("postgres-" + PostgresBinaries.digest(PostgresBinaries.archive()).substring(0, 16));
        }
        assertThat(first.major()).matches("\\d+");
    }

    private static boolean hasTar() {
        try {
            return new ProcessBuilder("tar", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException missing) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every file's path with its size, whether it is executable, and where a link points. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !path.equals(root)).toList()) {
                String shape = Files.isSymbolicLink(path) ? "-> " + Files.readSymbolicLink(path)
                        : Files.isDirectory(path) ? "dir"
                        : Files.size(path) + (Files.isExecutable(path) ? " x" : "");
                tree.put(root.relativize(path).toString(), shape);
            }
        }
        return tree;
    }
}
