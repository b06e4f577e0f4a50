package dev.newswire.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void shouldLowercaseAndSplitOnKerasFiltersSpaceTabAndNewline() {
        assertThat(Tokenizer.tokenize("Grain-Exports ROSE,\tby 3.5 pct\nin 1987!"))
                .containsExactly("grain", "exports", "rose", "by", "3", "5", "pct", "in", "1987");
    }

    @Test
    void shouldTreatEveryKerasFilterCharacterAsSeparator() {
        for (char c : Tokenizer.KERAS_FILTERS.toCharArray()) {
            assertThat(Tokenizer.tokenize("a" + c + "b")).as("separator %s", (int) c).containsExactly("a", "b");
        }
    }

    @Test
    void shouldKeepApostrophesAndNonFilterCharactersInsideTokens() {
        // Keras' default filters do not contain the apostrophe: "don't" is one token, as in the Keras word index.
        assertThat(Tokenizer.tokenize("Don't stop Ünïcode")).containsExactly("don't", "stop", "ünïcode");
    }

    @Test
    void shouldSplitKerasEntityLeftoversLikeTheKerasDataset() {
        // Raw SGML text: Keras' tokenizer turns "&lt;" into "lt" and the closing "&#3;" into "3".
        assertThat(Tokenizer.tokenize("&lt;Cominco> said\n Reuter\n&#3;"))
                .containsExactly("lt", "cominco", "said", "reuter", "3");
    }

    @Test
    void shouldReturnNoTokensForEmptyBlankOrNullText() {
        assertThat(Tokenizer.tokenize(null)).isEmpty();
        assertThat(Tokenizer.tokenize("")).isEmpty();
        assertThat(Tokenizer.tokenize(" \t\n ... !!")).isEmpty();
    }

    @Test
    void shouldLowercaseIndependentlyOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            // Under a Turkish default locale, "I".toLowerCase() would give a dotless i.
            assertThat(Tokenizer.tokenize("OIL PRICES")).containsExactly("oil", "prices");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void shouldDropInvisibleFormatCharactersInsideWords() {
        assertThat(Tokenizer.tokenize("o\u200bi\u200dl \u200fprices\ufeff soft\u00adware"))
                .containsExactly("oil", "prices", "software");
    }

    @Test
    void shouldSplitOnUnpairedSurrogatesButKeepPairedOnes() {
        assertThat(Tokenizer.tokenize("oil\ud800prices \udc00wheat")).containsExactly("oil", "prices", "wheat");
        assertThat(Tokenizer.tokenize("math \ud835\udc00x")).containsExactly("math", "\ud835\udc00x");
    }

    @Test
    void shouldTreatOtherUnicodeWhitespaceAsSeparator() {
        assertThat(Tokenizer.tokenize("oil\r\nprices\u00a0rise\u2003now")).containsExactly("oil", "prices", "rise", "now");
    }
}
