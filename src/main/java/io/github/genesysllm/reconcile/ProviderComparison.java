package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares what the configuration wants with what the server holds, field by field over every
 * writable field of the contract. The register goal uses it to decide what to PUT and to word the
 * change lines; a drift report can use it as is.
 */
public final class ProviderComparison {

  private ProviderComparison() {}

  /**
   * The differences between {@code desired} and the provider on the server; empty when they agree.
   */
  public static List<Difference> compare(ProviderSettings desired, Provider actual) {
    return compare(desired, actual.settings());
  }

  /**
   * The differences between two sets of settings, in the contract's field order: {@code name}
   * (exact: a change of case is a change to make, though names match by the name rule), {@code
   * providerType}, {@code baseUrl}, {@code apiVersion}, {@code timeout}, then the models as a set
   * keyed by id (their order on either side does not matter): those the configuration declares, in
   * its order, then those only the server has, in the server's order.
   */
  public static List<Difference> compare(ProviderSettings desired, ProviderSettings actual) {
    List<Difference> out = new ArrayList<>();
    field(out, "name", desired.name(), actual.name());
    field(out, "providerType", desired.providerType(), actual.providerType());
    field(out, "baseUrl", desired.baseUrl(), actual.baseUrl());
    field(out, "apiVersion", desired.apiVersion(), actual.apiVersion());
    field(out, "timeout", desired.timeout(), actual.timeout());

    Map<String, ModelSettings> actualModels = new LinkedHashMap<>();
    for (ModelSettings model : actual.models()) {
      actualModels.putIfAbsent(model.id(), model);
    }
    for (ModelSettings wanted : desired.models()) {
      String at = "models[" + wanted.id() + "]";
      ModelSettings held = actualModels.remove(wanted.id());
      if (held == null) {
        out.add(new Difference(at, summary(wanted), Difference.ABSENT));
      } else {
        field(out, at + ".name", wanted.name(), held.name());
        field(out, at + ".maxTokens", wanted.maxTokens(), held.maxTokens());
        field(out, at + ".supportsStreaming", wanted.supportsStreaming(), held.supportsStreaming());
      }
    }
    for (ModelSettings extra : actualModels.values()) {
      out.add(new Difference("models[" + extra.id() + "]", Difference.ABSENT, summary(extra)));
    }
    return out;
  }

  /**
   * A model in one value, for a model that one side lacks: {@code name=Private Model v1,
   * maxTokens=8192, supportsStreaming=true}.
   */
  public static String summary(ModelSettings model) {
    return "name="
        + model.name()
        + ", maxTokens="
        + model.maxTokens()
        + ", supportsStreaming="
        + model.supportsStreaming();
  }

  private static void field(List<Difference> out, String field, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      out.add(new Difference(field, String.valueOf(expected), String.valueOf(actual)));
    }
  }
}
