package dev.newswire.tagger.cli;

import dev.newswire.tagger.NewswireException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a command's body and turns what the project refuses (a bad bundle or key, a refused release change, an
 * unreachable broker) into one line on stderr and exit code 1, without a stack trace. Usage errors
 * ({@link picocli.CommandLine.ParameterException}) pass through to picocli, which exits with 2.
 */
final class CommandFailures {

    /** A command body. */
    interface Body {
        int run() throws IOException;
    }

    private CommandFailures() {
    }

    static int run(CommandSpec spec, Body body) {
        try {
            return body.run();
        } catch (NewswireException e) {
            return fail(spec, e.getMessage());
        } catch (NoSuchFileException e) {
            return fail(spec, "no such file: " + e.getFile());
        } catch (FileAlreadyExistsException e) {
            return fail(spec, e.getFile() + " already exists" + (e.getReason() == null ? "" : ": " + e.getReason()));
        } catch (IOException e) {
            return fail(spec, e.toString());
        }
    }

    /** Prints {@code message} on stderr, prefixed with the command's name, and returns 1. */
    static int fail(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(name(spec) + ": " + message);
        err.flush();
        return 1;
    }

    private static String name(CommandSpec spec) {
        String qualified = spec.qualifiedName(" ");
        String root = spec.root().name() + " ";
        return qualified.startsWith(root) ? qualified.substring(root.length()) : qualified;
    }
}
