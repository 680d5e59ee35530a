package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The m2e metadata the jar ships names every goal of the plugin descriptor, so that a new goal is
 * not left for Eclipse to flag as "not covered by lifecycle configuration".
 */
class LifecycleMappingMetadataTest {

  @Test
  void everyGoalOfThePluginIsIgnoredByM2e() throws Exception {
    Set<String> mapped = new TreeSet<>();
    NodeList goals =
        read("META-INF/m2e/lifecycle-mapping-metadata.xml").getElementsByTagName("goal");
    for (int i = 0; i < goals.getLength(); i++) {
      mapped.add(goals.item(i).getTextContent().strip());
    }
    Document plugin = read("META-INF/maven/plugin.xml");
    Set<String> declared = new TreeSet<>();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      declared.add(
          ((Element) mojos.item(i)).getElementsByTagName("goal").item(0).getTextContent().strip());
    }

    assertEquals(declared, mapped);
    assertEquals(
        1,
        read("META-INF/m2e/lifecycle-mapping-metadata.xml")
            .getElementsByTagName("ignore")
            .getLength());
  }

  private static Document read(String resource) throws Exception {
    try (InputStream in =
        LifecycleMappingMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the class path");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
