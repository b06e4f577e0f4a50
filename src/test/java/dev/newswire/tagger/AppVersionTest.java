package dev.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AppVersionTest {

    @Test
    void shouldBeTheVersionOfThePom() throws Exception {
        assertThat(AppVersion.current()).isEqualTo(pomVersion()).isNotEqualTo(AppVersion.UNKNOWN);
    }

    /** {@code /project/version} of the repository's pom, by a plain XML parse. */
    private static String pomVersion() throws Exception {
        String configured = System.getenv("NEWSWIRE_REPO_ROOT");
        Path root = Path.of(configured == null || configured.isBlank() ? System.getProperty("user.dir") : configured);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try (InputStream in = Files.newInputStream(root.resolve("pom.xml"))) {
            Document pom = factory.newDocumentBuilder().parse(in);
            String version = XPathFactory.newInstance().newXPath().evaluate("/project/version", pom).strip();
            assertThat(version).as("the pom's version").isNotEmpty();
            return version;
        }
    }
}
