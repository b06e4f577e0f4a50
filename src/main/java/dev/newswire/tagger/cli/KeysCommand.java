package dev.newswire.tagger.cli;

import dev.newswire.tagger.model.Ed25519Keys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keys}: the Ed25519 keys that sign model bundles and releases. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage the Ed25519 keys that sign model bundles and releases.",
        subcommands = KeysCommand.Generate.class)
final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'keys generate'");
    }

    /** {@code keys generate --out DIR/NAME}: writes NAME.key and NAME.pub. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate an Ed25519 key pair: NAME.key (private, PKCS#8 PEM, readable by its owner only) "
                    + "and NAME.pub (public, X.509 PEM). Prints the key id. Never overwrites a key file.",
                "Sign with --sign-key NAME.key; trust NAME.pub where records are verified."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "1:a key file exists or cannot be written", "2:invalid command line"})
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR/NAME",
                description = "Where to write, without suffix: DIR/NAME.key and DIR/NAME.pub.")
        Path out;

        @Override
        public Integer call() {
            return CommandFailures.run(spec, () -> {
                KeyPair pair = Ed25519Keys.generate();
                Path privateFile = Ed25519Keys.writeKeyPair(out, pair);
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (private) and %s (public); key id %s%n", privateFile,
                        Ed25519Keys.publicKeyFileFor(privateFile), Ed25519Keys.keyId(pair.getPublic()));
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }
}
