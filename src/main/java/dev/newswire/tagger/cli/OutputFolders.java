package dev.newswire.tagger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks, before any work, that a folder a command will write into can be: usage errors (exit code 2) that name the
 * option. As root every existing folder counts as writable.
 */
final class OutputFolders {

    private OutputFolders() {
    }

    /** {@code folder} is a folder or can be made one: not a file, and {@link #checkCanBeMade} holds. */
    static void checkFolder(CommandLine cl, String option, Path folder) {
        if (folder.toString().isBlank()) {
            throw new ParameterException(cl, option + " must name a folder, not an empty string");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ParameterException(cl, option + " " + folder + " is a file, not a folder");
        }
        checkCanBeMade(cl, option, folder.toAbsolutePath());
    }

    /** {@code folder} exists or can be created, and is writable: its nearest existing ancestor is a writable folder. */
    static void checkCanBeMade(CommandLine cl, String option, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new ParameterException(cl, option + ": cannot create the folder " + folder + ": "
                    + (existing == null ? "no existing parent" : existing + " is a file"));
        }
        if (!Files.isWritable(existing)) {
            throw new ParameterException(cl, option + ": the folder " + existing + " is not writable");
        }
    }
}
