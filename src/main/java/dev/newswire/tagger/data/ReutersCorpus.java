package dev.newswire.tagger.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Reuters-21578 Distribution 1.0 collection: the files {@code reut2-000.sgm} …
 * {@code reut2-021.sgm} from a directory, or the same entries from the UCI {@code reuters21578.tar.gz}
 * (read with the JDK's gzip support and commons-compress).
 *
 * <p>Files are decoded as ISO-8859-1 (every byte is one character; the corpus is ASCII apart from a few
 * stray bytes that are not valid UTF-8) and parsed by {@link ReutersSgml}, one file at a time, in name
 * order. The corpus may be used for research only; it is read from where it lies, never copied.
 *
 * <p>Thread-safe: stateless.
 */
public final class ReutersCorpus {

    /** Environment variable naming the corpus directory (or tar.gz). */
    public static final String ENVIRONMENT_VARIABLE = "NEWSWIRE_REUTERS_DIR";
    /** Where the corpus is looked for when the variable is not set, relative to the working directory. */
    public static final Path DEFAULT_LOCATION = Paths.get("..", "shared", "data", "reuters21578");

    private static final Pattern SGM_FILE = Pattern.compile("reut2-.*\\.sgm");

    private ReutersCorpus() {
    }

    /**
     * All stories of the corpus, in file-name order and file order within each file (NEWID 1 … 21578 for
     * the full distribution).
     *
     * @param dirOrTarGz a directory holding {@code reut2-*.sgm}, a {@code .tar.gz}/{@code .tgz} archive
     *                   holding them (entries read in name order, any folder prefix), or one {@code .sgm} file
     * @return an immutable list
     * @throws IOException if nothing can be read, no {@code reut2-*.sgm} is found, or a file is malformed
     *                     ({@link DatasetFormatException} naming the file and line)
     */
    public static List<ReutersDocument> read(Path dirOrTarGz) throws IOException {
        SortedMap<String, String> files = Files.isDirectory(dirOrTarGz) ? readDirectory(dirOrTarGz)
                : isTarGz(dirOrTarGz) ? readTarGz(dirOrTarGz)
                : readSingleFile(dirOrTarGz);
        if (files.isEmpty()) {
            throw new IOException("no reut2-*.sgm files in " + dirOrTarGz);
        }
        List<ReutersDocument> documents = new ArrayList<>(21_578);
        for (var file : files.entrySet()) {
            documents.addAll(ReutersSgml.parse(file.getKey(), file.getValue()));
        }
        return List.copyOf(documents);
    }

    /**
     * Where the corpus is: the {@value #ENVIRONMENT_VARIABLE} environment variable if set, else
     * {@link #DEFAULT_LOCATION} ({@code ../shared/data/reuters21578}) relative to the working directory.
     *
     * @return that path if it is a directory with at least one {@code reut2-*.sgm} file (or, when given by
     *         the variable, a {@code .tar.gz} file); empty otherwise
     */
    public static Optional<Path> locate() {
        return locate(System::getenv, Paths.get(""));
    }

    /**
     * The path {@link #locate()} checks, whether or not the corpus is there (for messages such as
     * "corpus not found at ...").
     */
    public static Path candidateLocation() {
        return candidateLocation(System::getenv, Paths.get(""));
    }

    static Optional<Path> locate(UnaryOperator<String> environment, Path workingDirectory) {
        Path candidate = candidateLocation(environment, workingDirectory);
        return looksLikeCorpus(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    static Path candidateLocation(UnaryOperator<String> environment, Path workingDirectory) {
        String configured = environment.apply(ENVIRONMENT_VARIABLE);
        Path path = configured == null || configured.isBlank() ? workingDirectory.resolve(DEFAULT_LOCATION)
                : workingDirectory.resolve(configured.strip());
        return path.toAbsolutePath().normalize();
    }

    private static boolean looksLikeCorpus(Path path) {
        if (Files.isRegularFile(path)) {
            return isTarGz(path);
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(file -> isSgmName(file.getFileName().toString()) && Files.isRegularFile(file));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isSgmName(String fileName) {
        return SGM_FILE.matcher(fileName).matches();
    }

    private static boolean isTarGz(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".tar.gz") || name.endsWith(".tgz"));
    }

    private static SortedMap<String, String> readDirectory(Path directory) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                String name = file.getFileName().toString();
                if (isSgmName(name) && Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private static SortedMap<String, String> readTarGz(Path archive) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        TarGzArchive.readFiles(archive, name -> isSgmName(name.substring(name.lastIndexOf('/') + 1)))
                .forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.ISO_8859_1)));
        return files;
    }

    private static SortedMap<String, String> readSingleFile(Path file) throws IOException {
        if (!String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".sgm")) {
            throw new IOException("not a directory, .tar.gz or .sgm file: " + file);
        }
        SortedMap<String, String> files = new TreeMap<>();
        files.put(String.valueOf(file.getFileName()), Files.readString(file, StandardCharsets.ISO_8859_1));
        return files;
    }
}
