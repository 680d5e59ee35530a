package io.github.genesysllm.ci;

import io.github.genesysllm.ci.GoalReport.Row;
import io.github.genesysllm.ci.GoalReport.Severity;
import io.github.genesysllm.config.ExportResult;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.ProviderRemoval;
import io.github.genesysllm.reconcile.ProviderVerification;
import io.github.genesysllm.reconcile.RegisterResult;
import io.github.genesysllm.reconcile.UnregisterAction;
import io.github.genesysllm.reconcile.UnregisterResult;
import io.github.genesysllm.reconcile.VerifyResult;
import io.github.genesysllm.reconcile.VerifyStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one adapter from the goals' results to {@link GoalReport}: when a result changes shape, only
 * this class follows. Each row's origin is that of the configured provider of the same name; a
 * failed provider's problem is worded as the build tool's log words it.
 */
public final class ResultReports {

  private ResultReports() {}

  public static GoalReport register(
      String heading,
      String organization,
      RegisterResult result,
      List<DesiredProvider> desired,
      Wording wording) {
    Map<String, Place> origins = origins(desired);
    List<Row> rows = new ArrayList<>();
    for (ProviderOutcome outcome : result.providers()) {
      String detail =
          outcome.problem() != null
              ? outcome.error(wording)
              : outcome.changes().stream()
                  .map(Difference::describe)
                  .collect(Collectors.joining("; "));
      if (detail.isEmpty()
          && (outcome.action() == Action.CREATED || outcome.action() == Action.ADOPTED)) {
        detail = "id " + outcome.id();
      }
      rows.add(
          new Row(
              outcome.name(),
              outcome.action().name(),
              detail,
              outcome.action() == Action.FAILED ? Severity.ERROR : Severity.NONE,
              origin(origins, outcome.name())));
    }
    return new GoalReport(
        heading, subtitle(organization, result.dryRun()), "Action", rows, result.summary());
  }

  /**
   * @param failOnDrift whether drift fails the build: drifted and missing providers are then
   *     errors, else warnings; a failed probe is always an error
   */
  public static GoalReport verify(
      String heading,
      String organization,
      VerifyResult result,
      List<DesiredProvider> desired,
      boolean failOnDrift) {
    Map<String, Place> origins = origins(desired);
    List<Row> rows = new ArrayList<>();
    for (ProviderVerification provider : result.providers()) {
      List<String> details = new ArrayList<>();
      if (provider.status() == VerifyStatus.MISSING) {
        details.add("no provider of that name");
      }
      provider
          .differences()
          .forEach(
              d ->
                  details.add(d.field() + ": expected " + d.expected() + ", actual " + d.actual()));
      if (provider.probe() != null) {
        details.add("probe: " + provider.probe().describe());
      }
      Severity severity =
          provider.probeFailed()
              ? Severity.ERROR
              : provider.status() == VerifyStatus.MATCHES
                  ? Severity.NONE
                  : failOnDrift ? Severity.ERROR : Severity.WARNING;
      rows.add(
          new Row(
              provider.name(),
              provider.status().name() + (provider.probeFailed() ? ", probe failed" : ""),
              String.join("; ", details),
              severity,
              origin(origins, provider.name())));
    }
    return new GoalReport(heading, subtitle(organization, false), "Status", rows, result.summary());
  }

  public static GoalReport unregister(
      String heading,
      String organization,
      UnregisterResult result,
      List<DesiredProvider> desired,
      Wording wording) {
    Map<String, Place> origins = origins(desired);
    List<Row> rows = new ArrayList<>();
    for (ProviderRemoval removal : result.providers()) {
      String detail =
          removal.problem() != null
              ? removal.error(wording)
              : removal.note() != null
                  ? removal.note()
                  : removal.id() == null ? "" : "id " + removal.id();
      rows.add(
          new Row(
              removal.name(),
              removal.action().name(),
              detail,
              removal.action() == UnregisterAction.FAILED ? Severity.ERROR : Severity.NONE,
              origin(origins, removal.name())));
    }
    return new GoalReport(
        heading, subtitle(organization, result.dryRun()), "Action", rows, result.summary());
  }

  public static GoalReport export(String heading, String organization, ExportResult result) {
    List<Row> rows = new ArrayList<>();
    for (ExportResult.ApiKeyVariable variable : result.apiKeyVariables()) {
      rows.add(
          new Row(
              variable.providerName(),
              "EXPORTED",
              "API key from ${env." + variable.variable() + "}",
              Severity.NONE,
              null));
    }
    return new GoalReport(
        heading,
        subtitle(organization, false),
        "Action",
        rows,
        rows.size() + " exported to " + result.file().getFileName());
  }

  private static String subtitle(String organization, boolean dryRun) {
    return (organization == null ? "" : "Organization '" + organization + "'")
        + (dryRun ? (organization == null ? "" : ", ") + "dry run: nothing was changed" : "");
  }

  private static Map<String, Place> origins(List<DesiredProvider> desired) {
    Map<String, Place> origins = new HashMap<>();
    for (DesiredProvider provider : desired) {
      origins.put(provider.name().toLowerCase(Locale.ROOT), provider.origin());
    }
    return origins;
  }

  private static Place origin(Map<String, Place> origins, String name) {
    return origins.get(name.toLowerCase(Locale.ROOT));
  }
}
