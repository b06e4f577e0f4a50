package dev.newswire.tagger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code run} command in a child JVM, started as an operator would start it: this JVM's {@code java} and class
 * path, a properties file, {@code NEWSWIRE_*} variables (none inherited from the test's environment), its output
 * (the logs) to a file. {@link #kill()} is {@code kill -9}, {@link #stop(Duration)} is SIGTERM. Not thread-safe.
 */
final class TaggerProcess implements AutoCloseable {

    /** Exit code of a process killed by SIGKILL (signal 9): 128 + 9. */
    static final int SIGKILL_EXIT = 137;

    private static final String HEAP = "-Xmx1g";

    private final Process process;
    private final Path log;

    private TaggerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code run --config config} with {@code environment} added to an environment without
     * {@code NEWSWIRE_*} variables.
     *
     * @param log where the child's stdout and stderr go (created or truncated)
     */
    static TaggerProcess start(Path config, Map<String, String> environment, Path log, String... extraArguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString()));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSWIRE_"));
        builder.environment().putAll(environment);
        return new TaggerProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9} ({@link Process#destroyForcibly()}, SIGKILL on Linux); returns the exit code once it is gone. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + pid() + " still alive 30 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGTERM ({@link Process#destroy()}); returns the exit code, or -1 if it has not exited within {@code timeout}. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** The exit code, or -1 if it has not exited within {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** The child's output so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The last {@code n} lines of the child's output, for failure messages. */
    String outputTail(int n) throws IOException {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Kills the process if it still runs, so that no test leaves a tagger behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
