package dev.newswire.tagger.cli;

import dev.newswire.tagger.stream.PublishOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import dev.newswire.tagger.stream.PublishOptions.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What {@code publish} (and {@code train --publish}) does besides writing the bundle: a mixin or an argument group. */
final class PublishFlags {

    /** At most one release pointer for the new version. */
    static final class Pointer {
        @Option(names = "--activate", required = true,
                description = "Make the new version active (refused if its test accuracy is lower than the active "
                        + "version's on the same split by more than --margin, unless --force).")
        boolean activate;

        @Option(names = "--shadow", required = true,
                description = "Make the new version the shadow (scores every article, serves none).")
        boolean shadow;

        @Option(names = "--canary", required = true, paramLabel = "PCT",
                description = "Serve PCT percent (1-99) of the articles with the new version.")
        Integer canary;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Pointer pointer;

    @Option(names = "--force", description = "Activate even if the test accuracy is lower.")
    boolean force;

    @Option(names = "--margin", defaultValue = "0.01", paramLabel = "ACCURACY",
            description = "How much lower the test accuracy may be with --activate (default: ${DEFAULT-VALUE}).")
    double margin = PublishOptions.DEFAULT_MARGIN;

    @Option(names = "--reason", paramLabel = "TEXT", description = "The reason recorded in the release.")
    String reason;

    @Option(names = "--sign-key", paramLabel = "FILE", description = SigningKeyOption.DESCRIPTION)
    Path signKey;

    /** The signing key pair, or null when records are written unsigned. */
    KeyPair signingKey() throws IOException {
        return SigningKeyOption.load(signKey);
    }

    /** The options as the publisher takes them; a bad value is a usage error. */
    PublishOptions options(CommandSpec spec) {
        Target target = pointer == null ? Target.BUNDLE_ONLY
                : pointer.activate ? Target.ACTIVATE : pointer.shadow ? Target.SHADOW : Target.CANARY;
        try {
            return new PublishOptions(target, pointer != null && pointer.canary != null ? pointer.canary : 0, force,
                    margin, reason);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
