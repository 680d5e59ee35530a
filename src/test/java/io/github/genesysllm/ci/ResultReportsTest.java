package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.genesysllm.ci.GoalReport.Row;
import io.github.genesysllm.ci.GoalReport.Severity;
import io.github.genesysllm.probe.ProbeResult;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.SettingValue;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.ProviderRemoval;
import io.github.genesysllm.reconcile.ProviderVerification;
import io.github.genesysllm.reconcile.ReconcileHint;
import io.github.genesysllm.reconcile.RegisterResult;
import io.github.genesysllm.reconcile.UnregisterAction;
import io.github.genesysllm.reconcile.UnregisterResult;
import io.github.genesysllm.reconcile.VerifyResult;
import io.github.genesysllm.reconcile.VerifyStatus;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultReportsTest {

  private static final String KEY = "provider-api-key-never-shown-4d2";

  private static DesiredProvider desired(String name, Place origin) {
    return new DesiredProvider(
        new ProviderSettings(
            name,
            "CUSTOM",
            "https://" + name.toLowerCase() + ".internal/v1",
            "v1",
            30000,
            List.of(new ModelSettings("m1", "M1", 8192, false))),
        Secret.of(KEY),
        origin);
  }

  private static final Place ALPHA_ORIGIN = new Place.InFile("providers.yaml", 2);
  private static final Place BETA_ORIGIN = new Place.InlineProvider(1);

  private static final List<DesiredProvider> DESIRED =
      List.of(desired("Alpha", ALPHA_ORIGIN), desired("Beta", BETA_ORIGIN));

  @Test
  void registerRowsCarryTheActionWhatChangedAndWhereEachIsConfigured() {
    RegisterResult result =
        new RegisterResult(
            false,
            List.of(
                new ProviderOutcome("Alpha", Action.CREATED, "p-1", "/p/p-1", 1L, List.of(), null),
                new ProviderOutcome(
                    "BETA",
                    Action.UPDATED,
                    "p-2",
                    "/p/p-2",
                    3L,
                    List.of(
                        new Difference("timeout", "30000", "60000"), Difference.apiKeyRotated()),
                    null)),
            4);

    GoalReport report = ResultReports.register("h", "Acme", result, DESIRED, Wording.PLAIN);

    assertEquals(
        List.of(
            new Row("Alpha", "CREATED", "id p-1", Severity.NONE, ALPHA_ORIGIN),
            new Row(
                "BETA",
                "UPDATED",
                "timeout: 60000 -> 30000; apiKey: (rotated)",
                Severity.NONE,
                BETA_ORIGIN)),
        report.rows());
    assertEquals(result.summary(), report.totals());
    assertEquals("Organization 'Acme'", report.subtitle());
    assertFalse(report.toString().contains(KEY));
  }

  @Test
  void anAdoptedProviderIsItsOwnActionWithItsIdAndCountedInTheTotals() {
    RegisterResult result =
        new RegisterResult(
            false,
            List.of(
                new ProviderOutcome("Alpha", Action.ADOPTED, "p-1", "/p/p-1", 1L, List.of(), null)),
            0);

    GoalReport report = ResultReports.register("h", "Acme", result, DESIRED, Wording.PLAIN);

    assertEquals(
        List.of(new Row("Alpha", "ADOPTED", "id p-1", Severity.NONE, ALPHA_ORIGIN)), report.rows());
    assertEquals("0 created, 0 updated, 1 adopted, 0 unchanged", report.totals());
  }

  @Test
  void aFailedProviderIsAnErrorWhoseProblemIsWordedAsTheBuildToolWordsIt() {
    Problem problem =
        Problem.at(
            new Place.OfProvider("Alpha", "timeout"),
            "HTTP 400 invalid.value",
            Fix.of(ReconcileHint.OPTION_IN_RANGE, "raise ", Setting.MAX_RETRY_TIME_SECONDS));
    RegisterResult result =
        new RegisterResult(
            true,
            List.of(
                new ProviderOutcome("Alpha", Action.FAILED, null, null, null, List.of(), problem)),
            0);
    Wording tool =
        new Wording() {
          @Override
          public String setting(Setting setting) {
            return "<" + setting.parameter() + ">";
          }

          @Override
          public String settingValue(SettingValue value) {
            return "<" + value.setting().parameter() + "=" + value.value() + ">";
          }

          @Override
          public String place(Place place) {
            return Wording.common(this, place);
          }
        };

    GoalReport report = ResultReports.register("h", "Acme", result, DESIRED, tool);

    assertEquals(Severity.ERROR, report.rows().get(0).severity());
    // at the provider's own field, the provider the row names not named again
    assertEquals(
        "field timeout: HTTP 400 invalid.value; raise <maxRetryTimeSeconds>",
        report.rows().get(0).detail());
    assertEquals("Organization 'Acme', dry run: nothing was changed", report.subtitle());
  }

  @Test
  void driftWarnsOrFailsAsFailOnDriftSaysAndAFailedProbeAlwaysFails() {
    ProbeResult refused =
        ProbeResult.failed(
            ProbeResult.Status.UNAUTHORIZED,
            "https://x/models",
            List.of(),
            Problem.at(new Place.OfProvider("Gamma", "apiKey"), "the key was refused", null));
    VerifyResult result =
        new VerifyResult(
            List.of(
                new ProviderVerification(
                    "Alpha",
                    "p-1",
                    VerifyStatus.DRIFTED,
                    List.of(new Difference("timeout", "30000", "60000")),
                    null),
                new ProviderVerification("Beta", null, VerifyStatus.MISSING, List.of(), null),
                new ProviderVerification("Gamma", "p-3", VerifyStatus.MATCHES, List.of(), refused)),
            0);

    List<Row> warned = ResultReports.verify("h", "Acme", result, DESIRED, false).rows();
    List<Row> failed = ResultReports.verify("h", "Acme", result, DESIRED, true).rows();

    assertEquals(
        List.of(Severity.WARNING, Severity.WARNING, Severity.ERROR),
        warned.stream().map(Row::severity).toList());
    assertEquals(
        List.of(Severity.ERROR, Severity.ERROR, Severity.ERROR),
        failed.stream().map(Row::severity).toList());
    assertEquals("timeout: expected 30000, actual 60000", warned.get(0).detail());
    assertEquals("no provider of that name", warned.get(1).detail());
    assertEquals("MATCHES, probe failed", warned.get(2).outcome());
    assertEquals(ALPHA_ORIGIN, warned.get(0).origin());
  }

  @Test
  void unregisterRowsAndTotals() {
    UnregisterResult result =
        new UnregisterResult(
            false,
            List.of(
                new ProviderRemoval("Alpha", UnregisterAction.DELETED, "p-1", null, null),
                new ProviderRemoval("Beta", UnregisterAction.ABSENT, null, null, null)),
            1);

    GoalReport report = ResultReports.unregister("h", "Acme", result, DESIRED, Wording.PLAIN);

    assertEquals(
        List.of(
            new Row("Alpha", "DELETED", "id p-1", Severity.NONE, ALPHA_ORIGIN),
            new Row("Beta", "ABSENT", "", Severity.NONE, BETA_ORIGIN)),
        report.rows());
    assertEquals("1 deleted, 1 absent; 1 other provider left alone", report.totals());
  }
}
