package io.github.genesysllm.targets.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.Fields;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The providers target's {@link ProvidersTarget#fields} compared by the core: what register updates
 * and verify reports.
 */
class ProviderFieldsTest {

  @Test
  void aPasswordInTheServersBaseUrlShowsInNoDifference() {
    ProviderSettings desired = base();
    ProviderSettings actual =
        with(
            "Gateway",
            "CUSTOM",
            "https://svc:hunter2@a.example/v1",
            desired.apiVersion(),
            desired.timeout(),
            desired.models());

    List<Difference> differences = compare(desired, actual);

    assertEquals(
        List.of(new Difference("baseUrl", desired.baseUrl(), "https://****@a.example/v1")),
        differences);
    assertFalse(differences.get(0).toJson().toString().contains("hunter2"));
  }

  private static final ModelSettings M1 = new ModelSettings("m1", "Model One", 8192, true);
  private static final ModelSettings M2 = new ModelSettings("m2", "Model Two", 4096, false);
  private static final ModelSettings M3 = new ModelSettings("m3", "Model Three", 1024, false);

  private static ProviderSettings base() {
    return new ProviderSettings(
        "Gateway", "CUSTOM", "https://a.example/v1", "v1", 30_000, List.of(M1, M2));
  }

  private static List<Difference> compare(ProviderSettings desired, ProviderSettings actual) {
    return Fields.differences(ProvidersTarget.fields(desired), ProvidersTarget.fields(actual));
  }

  private static ProviderSettings with(
      String name,
      String type,
      String url,
      String apiVersion,
      int timeout,
      List<ModelSettings> models) {
    return new ProviderSettings(name, type, url, apiVersion, timeout, models);
  }

  @Test
  void equalSettingsHaveNoDifference() {
    assertEquals(List.of(), compare(base(), base()));
    Provider onServer =
        new Provider("id-1", base(), true, 3, null, null, "/api/v2/ai/llm/providers/id-1");
    assertEquals(
        List.of(),
        Fields.differences(
            ProvidersTarget.fields(base()), ProvidersTarget.observed(onServer).fields()));
  }

  @Test
  void eachScalarFieldIsComparedAndNamed() {
    ProviderSettings actual =
        with("Gateway", "OTHER", "https://b.example/v1", "v2", 60_000, List.of(M1, M2));
    assertEquals(
        List.of(
            new Difference("providerType", "CUSTOM", "OTHER"),
            new Difference("baseUrl", "https://a.example/v1", "https://b.example/v1"),
            new Difference("apiVersion", "v1", "v2"),
            new Difference("timeout", "30000", "60000")),
        compare(base(), actual));
  }

  @Test
  void aChangeOfCaseInTheNameIsADifference() {
    ProviderSettings actual =
        with("GATEWAY", "CUSTOM", "https://a.example/v1", "v1", 30_000, List.of(M1, M2));
    assertEquals(List.of(new Difference("name", "Gateway", "GATEWAY")), compare(base(), actual));
  }

  @Test
  void modelOrderDoesNotMatter() {
    ProviderSettings actual =
        with("Gateway", "CUSTOM", "https://a.example/v1", "v1", 30_000, List.of(M2, M1));
    assertEquals(List.of(), compare(base(), actual));
  }

  @Test
  void aModelMissingOnTheServerIsShownWhole() {
    ProviderSettings actual =
        with("Gateway", "CUSTOM", "https://a.example/v1", "v1", 30_000, List.of(M1));
    assertEquals(
        List.of(
            new Difference(
                "models[m2]",
                "name=Model Two, maxTokens=4096, supportsStreaming=false",
                "(absent)")),
        compare(base(), actual));
  }

  @Test
  void aModelOnlyOnTheServerIsShownWhole() {
    ProviderSettings actual =
        with("Gateway", "CUSTOM", "https://a.example/v1", "v1", 30_000, List.of(M3, M1, M2));
    assertEquals(
        List.of(
            new Difference(
                "models[m3]",
                "(absent)",
                "name=Model Three, maxTokens=1024, supportsStreaming=false")),
        compare(base(), actual));
  }

  @Test
  void eachFieldOfAModelOnBothSidesIsCompared() {
    ProviderSettings actual =
        with(
            "Gateway",
            "CUSTOM",
            "https://a.example/v1",
            "v1",
            30_000,
            List.of(new ModelSettings("m1", "Model 1", 16_384, false), M2));
    assertEquals(
        List.of(
            new Difference("models[m1].name", "Model One", "Model 1"),
            new Difference("models[m1].maxTokens", "8192", "16384"),
            new Difference("models[m1].supportsStreaming", "true", "false")),
        compare(base(), actual));
  }

  @Test
  void modelIdsAreCaseSensitive() {
    ProviderSettings actual =
        with(
            "Gateway",
            "CUSTOM",
            "https://a.example/v1",
            "v1",
            30_000,
            List.of(new ModelSettings("M1", "Model One", 8192, true), M2));
    List<Difference> differences = compare(base(), actual);
    assertEquals(
        List.of("models[m1]", "models[M1]"), differences.stream().map(Difference::field).toList());
  }

  @Test
  void differencesComeInFieldOrderThenConfiguredModelsThenExtraModels() {
    ProviderSettings actual =
        with(
            "gateway",
            "CUSTOM",
            "https://a.example/v1",
            "v1",
            1000,
            List.of(M3, new ModelSettings("m2", "Model Two", 1, false)));
    assertEquals(
        List.of("name", "timeout", "models[m1]", "models[m2].maxTokens", "models[m3]"),
        compare(base(), actual).stream().map(Difference::field).toList());
  }
}
