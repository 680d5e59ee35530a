package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.genesysllm.problem.Setting;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every setting a problem can name is a parameter of some goal, bound to the user property the
 * Maven wording tells users to pass: a hint can never send a user to a {@code -D} flag that does
 * nothing.
 */
class SettingPropertiesTest {

  @Test
  void everySettingIsAGoalParameterWithTheUserPropertyItsHintNames() throws Exception {
    Map<String, Set<String>> properties = parameterProperties();

    Map<String, String> expected =
        Arrays.stream(Setting.values())
            .collect(
                Collectors.toMap(
                    Setting::parameter,
                    setting -> "${" + MavenHelpfulSuggestions.property(setting) + "}",
                    (a, b) -> a,
                    TreeMap::new));
    Map<String, String> found = new TreeMap<>();
    // a goal of the emulator may have a parameter of the same name and a property of its own
    expected.forEach(
        (parameter, property) ->
            found.put(
                parameter,
                properties.getOrDefault(parameter, Set.of()).contains(property)
                    ? property
                    : String.valueOf(properties.get(parameter))));

    assertEquals(expected, found);
  }

  /** The expressions ({@code ${genesys.x}}) of the plugin descriptor's parameters, by name. */
  private static Map<String, Set<String>> parameterProperties() throws Exception {
    Map<String, Set<String>> properties = new TreeMap<>();
    NodeList configurations = descriptor().getElementsByTagName("configuration");
    for (int i = 0; i < configurations.getLength(); i++) {
      NodeList children = configurations.item(i).getChildNodes();
      for (int j = 0; j < children.getLength(); j++) {
        Node child = children.item(j);
        if (child instanceof Element element && !element.getTextContent().isBlank()) {
          properties
              .computeIfAbsent(element.getTagName(), name -> new TreeSet<>())
              .add(element.getTextContent().strip());
        }
      }
    }
    return properties;
  }

  private static Document descriptor() throws Exception {
    String resource = "META-INF/maven/plugin.xml";
    try (InputStream in =
        SettingPropertiesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the class path");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
