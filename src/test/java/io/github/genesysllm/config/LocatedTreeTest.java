package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.genesysllm.problem.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedTreeTest {

  private static LocatedTree read(JsonFactory factory, String text) throws Exception {
    try (JsonParser parser = factory.createParser(text)) {
      return LocatedTree.read(parser);
    }
  }

  @Test
  void placesYamlValuesAtTheirKeysAndListEntriesAtTheirStart() throws Exception {
    LocatedTree tree =
        read(
            new YAMLFactory(),
            """
                providers:
                  - name: a
                    models:
                      - id: m
                        maxTokens: 5
                """);

    assertEquals(new LocatedTree.Position(2, 5), tree.positionOf("/providers/0"));
    assertEquals(new LocatedTree.Position(3, 5), tree.positionOf("/providers/0/models"));
    assertEquals(5, tree.positionOf("/providers/0/models/0/maxTokens").line());
    assertEquals(5, tree.root().at("/providers/0/models/0/maxTokens").intValue());
  }

  @Test
  void placesJsonValuesToo() throws Exception {
    LocatedTree tree =
        read(
            new JsonFactory(),
            "{\n \"providers\": [\n  {\"name\": \"a\",\n   \"timeout\": 1}\n ]\n}");

    assertEquals(3, tree.positionOf("/providers/0").line());
    assertEquals(new LocatedTree.Position(4, 4), tree.positionOf("/providers/0/timeout"));
  }

  @Test
  void anAbsentValueTakesItsClosestAncestorsPlace() throws Exception {
    LocatedTree tree = read(new YAMLFactory(), "providers:\n  - name: a\n");

    assertEquals(2, tree.positionOf("/providers/0/models/3/id").line());
    assertEquals(new LocatedTree.Position(1, 1), tree.positionOf("/nothing/here"));
  }

  @Test
  void keysWithSlashesAndTildesAreEscapedInPointers() throws Exception {
    LocatedTree tree = read(new YAMLFactory(), "a: 1\nb/c~d: 2\n");

    assertEquals(2, tree.positionOf(LocatedTree.child("", "b/c~d")).line());
    assertEquals("/b~1c~0d", LocatedTree.child("", "b/c~d"));
  }

  @Test
  void aRepeatedKeyIsAFindingAndTheFirstValueStays() throws Exception {
    LocatedTree tree = read(new YAMLFactory(), "a: 1\nb: 2\na: 3\n");

    assertEquals(
        List.of(
            new LocatedTree.Finding(
                "/a",
                "appears twice (lines 1 and 3)",
                Fix.of(ConfigHint.REMOVE_DUPLICATE_KEY, "remove one"))),
        tree.findings());
    assertEquals(1, tree.root().get("a").intValue());
    assertEquals(1, tree.positionOf("/a").line());
  }

  @Test
  void nothingButCommentsHasNoRoot() throws Exception {
    assertNull(read(new YAMLFactory(), "# nothing\n").root());
    assertNull(read(new JsonFactory(), " ").root());
  }

  @Test
  void refusesNestingFarDeeperThanAConfiguration() {
    String deep = "[".repeat(LocatedTree.MAX_DEPTH + 2) + "]".repeat(LocatedTree.MAX_DEPTH + 2);

    LocatedTree.Refusal refusal =
        assertThrows(LocatedTree.Refusal.class, () -> read(new JsonFactory(), deep));

    assertTrue(refusal.getMessage().contains("nested more than 32 levels"), refusal.getMessage());
    assertEquals(ConfigHint.POINT_AT_A_FILE, refusal.fix().key());
  }

  @Test
  void refusesMoreValuesThanAConfigurationCanHave() {
    String list = "[" + "0,".repeat(9_999) + "0]";
    String many = "[" + (list + ",").repeat(LocatedTree.MAX_VALUES / 10_000 + 1) + "[]]";

    LocatedTree.Refusal refusal =
        assertThrows(LocatedTree.Refusal.class, () -> read(new JsonFactory(), many));

    assertTrue(refusal.getMessage().contains("more than 300000 values"), refusal.getMessage());
    assertEquals(ConfigHint.POINT_AT_A_FILE, refusal.fix().key());
  }
}
