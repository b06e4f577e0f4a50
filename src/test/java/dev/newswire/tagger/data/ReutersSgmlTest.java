package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on small invented SGML snippets shaped like Reuters-21578 stories. */
class ReutersSgmlTest {

    private static final String HEADER = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";

    private static String story(int newId, String topicsAttribute, String topics, String text) {
        return "<REUTERS TOPICS=\"" + topicsAttribute + "\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" "
                + "OLDID=\"9" + newId + "\" NEWID=\"" + newId + "\">\n"
                + "<DATE> 1-APR-1987 10:00:00.00</DATE>\n"
                + "<TOPICS>" + topics + "</TOPICS>\n"
                + "<PLACES><D>usa</D></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n"
                + "<COMPANIES></COMPANIES>\n<UNKNOWN> \n&#5;&#5;&#5;F\n&#22;&#22;&#1;f0001&#31;reute\n</UNKNOWN>\n"
                + text + "\n</REUTERS>\n";
    }

    private static String fullText(String title, String body) {
        return "<TEXT>&#2;\n<TITLE>" + title + "</TITLE>\n<DATELINE>    SPRINGFIELD, April 1 - </DATELINE><BODY>"
                + body + "</BODY></TEXT>";
    }

    private static List<ReutersDocument> parse(String sgml) throws DatasetFormatException {
        return ReutersSgml.parse("snippet.sgm", sgml);
    }

    @Test
    void shouldReadAttributesTopicsTitleDatelineAndBody() throws Exception {
        String sgml = HEADER + story(7, "YES", "<D>widgets</D><D>gadgets</D>",
                fullText("ACME WIDGET NET UP", "Acme Widget Co said net rose.\n Reuter\n&#3;"));

        ReutersDocument doc = parse(sgml).get(0);

        assertThat(doc.newId()).isEqualTo(7);
        assertThat(doc.id()).isEqualTo("7");
        assertThat(doc.lewisSplit()).isEqualTo("TRAIN");
        assertThat(doc.cgiSplit()).isEqualTo("TRAINING-SET");
        assertThat(doc.topicsAttribute()).isEqualTo("YES");
        assertThat(doc.topics()).containsExactly("widgets", "gadgets");
        assertThat(doc.title()).isEqualTo("ACME WIDGET NET UP");
        assertThat(doc.dateline()).isEqualTo("SPRINGFIELD, April 1 -");
        assertThat(doc.body()).isEqualTo("Acme Widget Co said net rose.");
        assertThat(doc.text()).isEqualTo("ACME WIDGET NET UP\nAcme Widget Co said net rose.");
    }

    @Test
    void shouldDecodeEntitiesAndStripReuterSignature() throws Exception {
        String sgml = story(1, "YES", "<D>acq</D>", fullText("&lt;ACME> BUYS &amp; SELLS",
                "&lt;Acme Corp> said Smith &amp; Sons &#38; partners agreed.\n REUTER\n&#3;"));

        ReutersDocument doc = parse(sgml).get(0);

        assertThat(doc.title()).isEqualTo("<ACME> BUYS & SELLS");
        assertThat(doc.body()).isEqualTo("<Acme Corp> said Smith & Sons & partners agreed.");
    }

    @Test
    void shouldStripSignatureVariantsButKeepMisspeltOnes() {
        assertThat(SgmlText.cleanBody("Net up.\n Reuter\n&#3;")).isEqualTo("Net up.");
        assertThat(SgmlText.cleanBody("Net up.\n Reuters\n&#3;")).isEqualTo("Net up.");
        assertThat(SgmlText.cleanBody("Net up.\n REUTER...\n&#3;")).isEqualTo("Net up.");
        assertThat(SgmlText.cleanBody("Net up.\nREUTER^M\n&#3;")).isEqualTo("Net up.");
        assertThat(SgmlText.cleanBody("Net up. REUTER\n&#3;")).isEqualTo("Net up.");
        assertThat(SgmlText.cleanBody("Net up.\nREUTER\n Reuter\n&#3;")).isEqualTo("Net up.");
        assertThat(SgmlText.cleanBody("Net up.\n RUTER\n&#3;")).isEqualTo("Net up.\n RUTER");
        assertThat(SgmlText.cleanBody("Talks with Reuters\nwent well.\n&#3;")).isEqualTo("Talks with Reuters\nwent well.");
    }

    @Test
    void shouldStripSignatureFromTitleOnlyWhenOnItsOwnLine() {
        assertThat(SgmlText.cleanTitle("WIDGET OUTPUT TO RISE -\nOFFICIAL      \n Reuter\n")).isEqualTo("WIDGET OUTPUT TO RISE - OFFICIAL");
        assertThat(SgmlText.cleanTitle("ACME SELLS STAKE TO REUTERS")).isEqualTo("ACME SELLS STAKE TO REUTERS");
    }

    @Test
    void shouldRemoveControlCharactersExceptNewline() throws Exception {
        String sgml = story(2, "YES", "<D>trade</D>",
                fullText("TRADE&#127; TALKS", "To&#127;&#127;day's talks&#27;\nended&#5;.\tColumn\r\n Reuter\n&#3;"));

        ReutersDocument doc = parse(sgml).get(0);

        assertThat(doc.title()).isEqualTo("TRADE TALKS");
        assertThat(doc.body()).isEqualTo("Today's talks\nended. Column");
        assertThat(doc.body()).doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]");
    }

    @Test
    void shouldKeepUnknownAndMalformedEntitiesVerbatim() {
        assertThat(SgmlText.decodeEntities("AT&T &nbsp; &#xZZ; &#65;&#x42; &")).isEqualTo("AT&T &nbsp; &#xZZ; AB &");
    }

    @Test
    void shouldTakeTheTextOfAnUnprocessedStory() throws Exception {
        String unproc = "<TEXT TYPE=\"UNPROC\">&#2;\nACME CORP &lt;ACM> BOOSTS DIVIDEND\n    CHICAGO, April 8\n"
                + "    Qtly div 25 cts vs 23 cts prior qtr\n&#3;\n\n</TEXT>";
        String sgml = story(4, "YES", "<D>earn</D>", unproc);

        ReutersDocument doc = parse(sgml).get(0);

        assertThat(doc.title()).isEmpty();
        assertThat(doc.body()).isEmpty();
        assertThat(doc.hasBody()).isFalse();
        assertThat(doc.unprocessed()).isEqualTo("ACME CORP <ACM> BOOSTS DIVIDEND\n    CHICAGO, April 8\n"
                + "    Qtly div 25 cts vs 23 cts prior qtr");
        assertThat(doc.articleBody()).isEqualTo(doc.unprocessed());
        assertThat(doc.text()).isEqualTo(doc.unprocessed());
    }

    @Test
    void shouldGiveEmptyBodyWhenStoryHasNoBody() throws Exception {
        String brief = "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>ACME SEES HIGHER PROFIT\n</TITLE>Blah blah blah.\n&#3;\n</TEXT>";
        String sgml = story(3, "YES", "<D>earn</D>", brief);

        ReutersDocument doc = parse(sgml).get(0);

        assertThat(doc.body()).isEmpty();
        assertThat(doc.hasBody()).isFalse();
        assertThat(doc.title()).isEqualTo("ACME SEES HIGHER PROFIT");
        assertThat(doc.dateline()).isEmpty();
        assertThat(doc.text()).isEqualTo("ACME SEES HIGHER PROFIT");
        assertThat(doc.unprocessed()).isEmpty();
    }

    @Test
    void shouldKeepKerasTextRawUpToNextClosingTag() throws Exception {
        String sgml = story(4, "YES", "<D>acq</D>", fullText("T", "&lt;Acme> bought it.\n Reuter\n&#3;"));

        assertThat(parse(sgml).get(0).kerasText()).isEqualTo("&lt;Acme> bought it.\n Reuter\n&#3;");
    }

    @Test
    void shouldTakeKerasTextFromNextBodyWhenStoryHasNoBody() throws Exception {
        String sgml = HEADER
                + story(5, "YES", "<D>earn</D>", "<TEXT TYPE=\"BRIEF\">&#2;\n<TITLE>SHORT ITEM</TITLE>\n&#3;\n</TEXT>")
                + story(6, "NO", "", "<TEXT TYPE=\"UNPROC\">&#2;\nunprocessed text\n&#3;</TEXT>")
                + story(7, "YES", "<D>acq</D>", fullText("T", "The second body.\n Reuter\n&#3;"));

        List<ReutersDocument> docs = parse(sgml);

        assertThat(docs).extracting(ReutersDocument::newId).containsExactly(5, 6, 7);
        assertThat(docs.get(0).kerasText()).isEqualTo("The second body.\n Reuter\n&#3;");
        assertThat(docs.get(1).kerasText()).isEqualTo(docs.get(2).kerasText());
        assertThat(docs.get(1).topics()).isEmpty();
        assertThat(docs.get(1).topicsAttribute()).isEqualTo("NO");
    }

    @Test
    void shouldReproduceKerasFindMinusOneQuirkWhenNoBodyFollowsInFile() throws Exception {
        String sgml = story(8, "YES", "<D>earn</D>", "<TEXT TYPE=\"BRIEF\">&#2;\n<TITLE>LAST ITEM</TITLE>\n&#3;\n</TEXT>");

        // Python: s.find('<BODY>') == -1, so the text starts 5 characters after "<TOPICS>": "<D>ea|rn</D>".
        assertThat(parse(sgml).get(0).kerasText()).isEqualTo("rn");
    }

    @Test
    void shouldDropLastCharacterLikePythonWhenNoClosingTagFollows() {
        assertThat(ReutersSgml.kerasTextAfter("<TOPICS><BODY>open end", 8)).isEqualTo("open en");
        assertThat(ReutersSgml.kerasTextAfter("<TOPICS>", 8)).isEmpty();
    }

    @Test
    void shouldDefaultTopicsAttributeToYesAsTheDtdDoes() throws Exception {
        String sgml = "<REUTERS LEWISSPLIT=\"TEST\" CGISPLIT=\"PUBLISHED-TESTSET\" NEWID=\"9\">\n<TOPICS></TOPICS>"
                + fullText("T", "B") + "</REUTERS>";

        ReutersDocument doc = parse(sgml).get(0);

        assertThat(doc.topicsAttribute()).isEqualTo("YES");
        assertThat(doc.lewisSplit()).isEqualTo("TEST");
    }

    @Test
    void shouldKeepDuplicateTopicTags() throws Exception {
        String sgml = story(10, "YES", "<D>trade</D><D>trade</D>", fullText("T", "B"));

        assertThat(parse(sgml).get(0).topics()).containsExactly("trade", "trade");
    }

    @Test
    void shouldRejectUnclosedStoryNamingFileAndLine() {
        String sgml = HEADER + story(1, "YES", "", fullText("T", "B")) + "<REUTERS NEWID=\"2\">\n<TOPICS></TOPICS>";

        assertThatThrownBy(() -> parse(sgml))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("snippet.sgm:" + (sgml.substring(0, sgml.lastIndexOf("<REUTERS")).split("\n", -1).length) + ":")
                .hasMessageContaining("without </REUTERS>");
    }

    @Test
    void shouldRejectStoryWithoutNewId() {
        String sgml = "\n<REUTERS TOPICS=\"YES\">\n</REUTERS>";

        assertThatThrownBy(() -> parse(sgml)).isInstanceOf(DatasetFormatException.class)
                .hasMessage("snippet.sgm:2: <REUTERS> without NEWID");
    }

    @Test
    void shouldRejectUnknownTopicsAttribute() {
        String sgml = "<REUTERS TOPICS=\"MAYBE\" NEWID=\"3\">\n</REUTERS>";

        assertThatThrownBy(() -> parse(sgml)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("snippet.sgm:1:").hasMessageContaining("MAYBE");
    }

    @Test
    void shouldIgnoreTextOutsideStories() throws Exception {
        assertThat(parse(HEADER + "\n")).isEmpty();
    }
}
