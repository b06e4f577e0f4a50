package dev.newswire.tagger.cli;

import dev.newswire.tagger.stream.PublishDecision;
import dev.newswire.tagger.stream.ReleasePlan;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Prints what {@code publish} did, for {@code publish} and {@code train --publish}. */
final class PublishOutput {

    private PublishOutput() {
    }

    /** Prints the decision and returns the exit code: 1 if it was refused, else 0. */
    static int print(CommandSpec spec, PublishDecision decision, Optional<String> keyId, int bundleBytes) {
        PrintWriter out = spec.commandLine().getOut();
        decision.notes().forEach(out::println);
        if (decision.isRefused()) {
            out.flush();
            return CommandFailures.fail(spec, decision.refusal());
        }
        if (decision.publishBundle()) {
            out.printf(Locale.ROOT, "published bundle %s@%s (%d bytes, %s)%n", decision.name(), decision.version(), bundleBytes,
                    signed(keyId));
        }
        ReleasePlan release = decision.release();
        if (release != null) {
            out.println(release.changes() ? "published release " + release.summary() + " (" + signed(keyId) + ")"
                    : "release unchanged: " + release.summary());
        }
        if (decision.isNoOp()) {
            out.println("nothing published");
        }
        out.flush();
        return 0;
    }

    /** How a release change is reported. */
    static void printRelease(PrintWriter out, ReleasePlan plan, Optional<String> keyId) {
        out.println(plan.changes() ? "published release " + plan.summary() + " (" + signed(keyId) + ")"
                : "release unchanged: " + plan.summary());
        out.flush();
    }

    static String signed(Optional<String> keyId) {
        return keyId.map(id -> "signed by " + id).orElse("unsigned");
    }
}
