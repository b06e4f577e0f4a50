package dev.newswire.tagger.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a JVM's default locale and charset are and do, printed as UTF-8 {@code key=value} lines: proof for the
 * locale test that its child JVM flags took effect, so that code depending on the defaults would show.
 */
public final class LocaleProbe {

    private LocaleProbe() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("locale=" + Locale.getDefault().toLanguageTag());
        out.println("charset=" + Charset.defaultCharset().name());
        out.println("lower=" + "OIL PRICES".toLowerCase());
        out.println("number=" + String.format("%d", 10));
        out.println("decoded=" + new String("Straße".getBytes(StandardCharsets.UTF_8)));
    }
}
