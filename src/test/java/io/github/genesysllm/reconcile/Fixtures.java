package io.github.genesysllm.reconcile;

import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersApi;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Providers for tests: valid by the contract's rules, each with a key of its own that tests look
 * for.
 */
final class Fixtures {

  private Fixtures() {}

  static ProviderSettings settings(String name) {
    return new ProviderSettings(
        name,
        "CUSTOM",
        "https://inference.private-cloud.internal/api/v1",
        "v1",
        30_000,
        List.of(
            new ModelSettings("private-model-v1", "Private Model v1", 8192, true),
            new ModelSettings("private-model-v2", "Private Model v2", 32_768, false)));
  }

  static ProviderSettings withTimeout(ProviderSettings s, int timeout) {
    return new ProviderSettings(
        s.name(), s.providerType(), s.baseUrl(), s.apiVersion(), timeout, s.models());
  }

  static ProviderSettings withName(ProviderSettings s, String name) {
    return new ProviderSettings(
        name, s.providerType(), s.baseUrl(), s.apiVersion(), s.timeout(), s.models());
  }

  static ProviderSettings withModels(ProviderSettings s, List<ModelSettings> models) {
    return new ProviderSettings(
        s.name(), s.providerType(), s.baseUrl(), s.apiVersion(), s.timeout(), models);
  }

  /** The key of a provider: distinctive, so that tests can look for it in logs and reports. */
  static Secret keyOf(String name) {
    return Secret.of("sk-SECRET-" + name.replace(' ', '-') + "-0123456789");
  }

  static DesiredProvider desired(String name) {
    return desired(settings(name));
  }

  static DesiredProvider desired(ProviderSettings settings) {
    return new DesiredProvider(
        settings,
        keyOf(settings.name()),
        new Place.InFile("providers.yaml", Math.abs(settings.name().hashCode() % 100)));
  }

  static List<DesiredProvider> desired(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(i -> desired("Gateway " + i))
        .toList();
  }

  /** The plan of the providers target, whose listing is {@code listed}. */
  static Plan<Provider> plan(
      List<DesiredProvider> desired, List<Provider> listed, boolean rotateApiKeys) {
    ProvidersTarget target = new ProvidersTarget(listing(listed), BuildLog.SILENT);
    return Planner.plan(target, desired, Observation.take(target, desired), rotateApiKeys);
  }

  /** A providers API that can only list {@code listed}. */
  static ProvidersApi listing(List<Provider> listed) {
    return (ProvidersApi)
        Proxy.newProxyInstance(
            ProvidersApi.class.getClassLoader(),
            new Class<?>[] {ProvidersApi.class},
            (proxy, method, args) -> {
              if (method.getName().equals("listAll")) {
                return listed;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
