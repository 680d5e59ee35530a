package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Wording;
import java.util.List;

/**
 * The outcome of unregistering: one {@link ProviderRemoval} per configured provider, in
 * configuration order, and the number of the organization's other providers, which were left alone.
 */
public record UnregisterResult(
    boolean dryRun, List<ProviderRemoval> providers, int otherProviders) {

  public UnregisterResult {
    providers = List.copyOf(providers);
  }

  public int count(UnregisterAction action) {
    return (int) providers.stream().filter(p -> p.action() == action).count();
  }

  /** The providers whose deletion failed, each with its error. */
  public List<ProviderRemoval> failures() {
    return providers.stream().filter(p -> p.action() == UnregisterAction.FAILED).toList();
  }

  public boolean hasFailures() {
    return count(UnregisterAction.FAILED) > 0;
  }

  /**
   * One line: {@code 2 deleted, 1 absent}; in a dry run {@code dry run: 2 would be deleted, 1
   * absent}; then {@code , 1 failed} and {@code ; 3 other providers left alone} when there are any.
   */
  public String summary() {
    String line =
        dryRun
            ? "dry run: " + count(UnregisterAction.WOULD_DELETE) + " would be deleted"
            : count(UnregisterAction.DELETED) + " deleted";
    line += ", " + count(UnregisterAction.ABSENT) + " absent";
    if (hasFailures()) {
      line += ", " + count(UnregisterAction.FAILED) + " failed";
    }
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
   * The unregister report: {@code dryRun}, {@code providers} (see {@link ProviderRemoval#toJson},
   * problems in {@code wording}) and {@code summary} (a count per action in camel case, {@code
   * otherProviders} and the summary line).
   */
  public ObjectNode toReport(Wording wording) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    report.put("dryRun", dryRun);
    ArrayNode entries = report.putArray("providers");
    providers.forEach(p -> entries.add(p.toJson(wording)));
    ObjectNode summary = report.putObject("summary");
    summary.put("deleted", count(UnregisterAction.DELETED));
    summary.put("absent", count(UnregisterAction.ABSENT));
    summary.put("wouldDelete", count(UnregisterAction.WOULD_DELETE));
    summary.put("failed", count(UnregisterAction.FAILED));
    summary.put("otherProviders", otherProviders);
    summary.put("text", summary());
    return report;
  }
}
