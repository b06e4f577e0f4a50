package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicScore;
import dev.newswire.tagger.stream.InvalidArticleException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The input parser (one streaming pass, no tree) and the output writer (the input's bytes plus a classification):
 * each rule of {@link ArticleDeserializer}'s contract on hand-written values, and outputs checked against the
 * input parsed as a tree.
 */
class ArticleJsonTest {

    private static final ObjectMapper STRICT = ArticleDeserializer.JSON;
    private static final ArticleDeserializer PARSER = new ArticleDeserializer(1 << 20);
    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123Z");

    private static Article parse(String json) {
        return PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadIdHeadlineAndBodyWhereverTheyStandAndSkipEverythingElse() {
        Article a = parse("{\"extra\":{\"x\":[1,2.5,{\"y\":\"z\"},null,true]},\"body\":\"b \\u00e9\\ud83d\\ude00\","
                + "\"id\":\"a-1\",\"n\":[[[]]],\"headline\":\"h\"}");

        assertThat(a.id()).isEqualTo("a-1");
        assertThat(a.headline()).isEqualTo("h");
        assertThat(a.body()).isEqualTo("b é\uD83D\uDE00");
    }

    @Test
    void shouldTakeNullOrAbsentHeadlineAndBodyAsEmpty() {
        Article a = parse("{\"id\":\"a\",\"headline\":null}");

        assertThat(a.headline()).isEmpty();
        assertThat(a.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"id\":\"a\"} x                          | MALFORMED_JSON",
            "{\"id\":\"a\"}{\"id\":\"b\"}              | MALFORMED_JSON",
            "{\"id\":\"a\",\"x\":{\"k\":1,\"k\":2}}    | MALFORMED_JSON",
            "{\"id\":\"a\",\"id\":\"b\"}               | MALFORMED_JSON",
            "{\"id\":\"\\ud800\",                      | MALFORMED_JSON",
            "{\"id\":\"a\",\"x\":[1,}                  | MALFORMED_JSON",
            "[1,2]                                     | NOT_AN_OBJECT",
            "`\"just a string\"`                       | NOT_AN_OBJECT",
            "null                                      | NOT_AN_OBJECT",
            "42                                        | NOT_AN_OBJECT",
            "`   `                                     | NOT_AN_OBJECT",
            "{\"id\":\"a\",\"x\":{\"\\ud800\":1}}      | INVALID_UNICODE",
            "{\"id\":\"a\",\"x\":{\"k\":\"\\ud800\"}}   | INVALID_UNICODE",
            "{\"id\":\"a\",\"x\":[\"\\udc00 lone\"]}   | INVALID_UNICODE",
            "{\"id\":\"\\ud800\"}                      | INVALID_UNICODE",
            "{\"headline\":\"h\"}                      | MISSING_ID",
            "{\"id\":null}                             | MISSING_ID",
            "{\"id\":\"\"}                             | MISSING_ID",
            "{\"id\":\"  \"}                           | MISSING_ID",
            "{\"id\":5}                                | WRONG_TYPE",
            "{\"id\":[\"a\"]}                          | WRONG_TYPE",
            "{\"id\":\"a\",\"headline\":1}             | WRONG_TYPE",
            "{\"id\":\"a\",\"body\":{\"text\":\"b\"}}  | WRONG_TYPE",
            "{\"id\":\"a\",\"body\":false}             | WRONG_TYPE"})
    void shouldRefuseEachKindOfBadValueWithItsReason(String json, Reason reason) {
        assertThatThrownBy(() -> parse(json.strip().isEmpty() ? json : json.strip()))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void shouldNameTheTypeThatIsNotAnObject() {
        assertThatThrownBy(() -> parse("[1]")).hasMessage("expected a JSON object, got array");
        assertThatThrownBy(() -> parse("")).hasMessage("expected a JSON object, got nothing");
        assertThatThrownBy(() -> parse("{\"id\":1.5}")).hasMessage("\"id\" must be a string, got number");
    }

    @Test
    void shouldRefuseNestingDeeperThan200() {
        String deep = "{\"id\":\"a\",\"x\":" + "[".repeat(250) + "]".repeat(250) + "}";
        String fine = "{\"id\":\"a\",\"x\":" + "[".repeat(150) + "]".repeat(150) + "}";

        assertThatThrownBy(() -> parse(deep))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
        assertThat(parse(fine).id()).isEqualTo("a");
    }

    @Test
    void shouldWriteTheInputWithItsFieldsInOrderAndTheClassificationLast() throws Exception {
        String input = "  {\"id\":\"a\", \"z\": {\"n\": [1, 2]}, \"headline\":\"Blé\", \"body\":\"日本語 \\u00e9\"}\n";
        ModelBundle model = FixtureModels.bundle();
        Prediction prediction = new Prediction("grain", 0.75,
                List.of(new TopicScore("grain", 0.75), new TopicScore("crude", 0.2)), false);

        byte[] out = TaggedArticles.toJson(parse(input), prediction, model, AT);

        JsonNode tree = STRICT.readTree(out);
        ObjectNode expected = (ObjectNode) STRICT.readTree(input);
        ObjectNode c = expected.putObject("classification");
        c.put("topic", "grain").put("confidence", 0.75).put("abstained", false);
        c.putArray("top").add(STRICT.createObjectNode().put("topic", "grain").put("score", 0.75))
                .add(STRICT.createObjectNode().put("topic", "crude").put("score", 0.2));
        c.putObject("model").put("name", model.name()).put("version", model.version()).put("id", model.id());
        c.put("classified_at", "2026-12-03T10:15:30.123Z");
        assertThat(tree).isEqualTo(expected);
        assertThat(iterableNames(tree)).containsExactly("id", "z", "headline", "body", "classification");
        // The input's own bytes are carried on unchanged, spacing included.
        assertThat(new String(out, StandardCharsets.UTF_8)).startsWith(input.stripTrailing().substring(0, input.stripTrailing().length() - 1));
    }

    @Test
    void shouldReplaceAnInputClassificationField() throws Exception {
        Article article = parse("{\"id\":\"a\",\"classification\":{\"topic\":\"forged\"},\"body\":\"wheat\"}");
        Prediction abstained = new Prediction(null, 0.0, List.of(), true);

        byte[] out = TaggedArticles.toJson(article, abstained, FixtureModels.bundle(), AT);

        JsonNode tree = STRICT.readTree(out); // strict: a second "classification" would fail here
        assertThat(iterableNames(tree)).containsExactly("id", "body", "classification");
        assertThat(tree.at("/classification/topic").isNull()).isTrue();
        assertThat(tree.at("/classification/abstained").asBoolean()).isTrue();
    }

    @Test
    void shouldKeepArticlesImmutable() {
        byte[] bytes = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        Article article = PARSER.parse(bytes);

        bytes[2] = 'X';
        article.json()[2] = 'Y';

        assertThat(new String(article.json(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}");
    }

    @Test
    void shouldWriteArticlesMadeInCode() throws Exception {
        Article article = Article.of("7", "", "oil \"prices\"");

        JsonNode tree = STRICT.readTree(TaggedArticles.toJson(article, new Prediction(null, 0.0, List.of(), true),
                FixtureModels.bundle(), AT));

        assertThat(iterableNames(tree)).containsExactly("id", "body", "classification");
        assertThat(tree.get("body").asText()).isEqualTo("oil \"prices\"");
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
