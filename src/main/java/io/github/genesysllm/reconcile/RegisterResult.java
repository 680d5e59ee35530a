package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Wording;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a reconciliation: one {@link ProviderOutcome} per configured provider, in
 * configuration order, and the number of the organization's other providers, which were left alone.
 */
public record RegisterResult(boolean dryRun, List<ProviderOutcome> providers, int otherProviders) {

  public RegisterResult {
    providers = List.copyOf(providers);
  }

  public int count(Action action) {
    return (int) providers.stream().filter(p -> p.action() == action).count();
  }

  /** The count of every action, zeros included, in the enum's order. */
  public Map<Action, Integer> counts() {
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      counts.put(action, count(action));
    }
    return counts;
  }

  /** The providers whose change failed, each with its error. */
  public List<ProviderOutcome> failures() {
    return providers.stream().filter(p -> p.action() == Action.FAILED).toList();
  }

  public boolean hasFailures() {
    return count(Action.FAILED) > 0;
  }

  /**
   * One line: {@code 1 created, 2 updated, 5 unchanged}; in a dry run {@code dry run: 1 would be
   * created, 0 would be updated, 5 unchanged}; {@code 1 adopted} before unchanged when any; then
   * {@code , 1 failed} and {@code ; 3 other providers left alone} when there are any.
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (dryRun) {
      parts.add(count(Action.WOULD_CREATE) + " would be created");
      parts.add(count(Action.WOULD_UPDATE) + " would be updated");
    } else {
      parts.add(count(Action.CREATED) + " created");
      parts.add(count(Action.UPDATED) + " updated");
    }
    if (count(Action.ADOPTED) > 0) {
      parts.add(count(Action.ADOPTED) + " adopted");
    }
    parts.add(count(Action.UNCHANGED) + " unchanged");
    if (hasFailures()) {
      parts.add(count(Action.FAILED) + " failed");
    }
    String line = (dryRun ? "dry run: " : "") + String.join(", ", parts);
    if (otherProviders > 0) {
      line +=
          "; "
              + otherProviders
              + (otherProviders == 1 ? " other provider" : " other providers")
              + " left alone";
    }
    return line;
  }

  /**
   * The register report: {@code organization}, {@code apiUrl}, {@code dryRun}, {@code providers}
   * (see {@link ProviderOutcome#toJson}, problems in {@code wording}) and {@code summary} (a count
   * per action in camel case, the number of other providers and the summary line).
   */
  public ObjectNode toReport(String organization, String apiUrl, Wording wording) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    report.put("organization", organization);
    report.put("apiUrl", apiUrl);
    report.put("dryRun", dryRun);
    ArrayNode entries = report.putArray("providers");
    providers.forEach(p -> entries.add(p.toJson(wording)));
    ObjectNode summary = report.putObject("summary");
    counts().forEach((action, count) -> summary.put(camelCase(action), count));
    summary.put("otherProviders", otherProviders);
    summary.put("text", summary());
    return report;
  }

  /** {@code WOULD_CREATE} to {@code wouldCreate}. */
  private static String camelCase(Action action) {
    StringBuilder out = new StringBuilder();
    for (String word : action.name().toLowerCase(Locale.ROOT).split("_")) {
      out.append(
          out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return out.toString();
  }
}
