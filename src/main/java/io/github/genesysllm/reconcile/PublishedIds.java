package io.github.genesysllm.reconcile;

import io.github.genesysllm.config.ProviderSlug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids a register run hands to later steps of the build, each under {@code <slug>.<key>}: {@code
 * <slug>.id} for a provider's id and {@code <slug>.<key>} for each of its other resource ids (the
 * keys are its target's, see {@link Footprint}), the slug being the provider's {@link
 * ProviderSlug}. A provider whose slug is empty, or shared with another provider, gets none: a
 * {@link Conflict} says which and why.
 */
public record PublishedIds(Map<String, String> ids, List<Conflict> conflicts) {

  /** Providers that get no ids: {@code slug} empty (no letter or digit) or shared by them all. */
  public record Conflict(List<String> names, String slug) {}

  public PublishedIds {
    ids = Footprint.ordered(ids);
    conflicts = List.copyOf(conflicts);
  }

  /** The ids of the providers that exist after the run, in configuration order. */
  public static PublishedIds of(RegisterResult result) {
    Map<String, List<ProviderOutcome>> bySlug = new LinkedHashMap<>();
    for (ProviderOutcome outcome : result.providers()) {
      if (outcome.id() != null || !outcome.resourceIds().isEmpty()) {
        bySlug
            .computeIfAbsent(ProviderSlug.of(outcome.name()), s -> new ArrayList<>())
            .add(outcome);
      }
    }
    Map<String, String> ids = new LinkedHashMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    bySlug.forEach(
        (slug, outcomes) -> {
          if (slug.isEmpty() || outcomes.size() > 1) {
            conflicts.add(
                new Conflict(outcomes.stream().map(ProviderOutcome::name).toList(), slug));
            return;
          }
          ProviderOutcome outcome = outcomes.get(0);
          if (outcome.id() != null) {
            ids.put(slug + ".id", outcome.id());
          }
          outcome.resourceIds().forEach((key, id) -> ids.put(slug + "." + key, id));
        });
    return new PublishedIds(ids, conflicts);
  }
}
