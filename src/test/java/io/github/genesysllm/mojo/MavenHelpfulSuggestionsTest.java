package io.github.genesysllm.mojo;

import static io.github.genesysllm.mojo.MavenHelpfulSuggestions.WORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ClientHint;
import io.github.genesysllm.config.ConfigHint;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.CredentialsResolver;
import io.github.genesysllm.config.UnresolvedPlaceholder;
import io.github.genesysllm.probe.ProbeHint;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.HintKey;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MavenHelpfulSuggestionsTest {

  private enum Key implements HintKey {
    USE_TARGET
  }

  @Test
  void settingsArePropertiesAndPlacesAreMavenNames() {
    Problem problem =
        Problem.at(
            new Place.InlineProvider(3),
            "no API key source",
            Fix.of(
                Key.USE_TARGET,
                "set ",
                Setting.CONFIG_FILE,
                " or pass ",
                Setting.TARGET.is("dataActions")));

    assertEquals(
        "the POM (provider #3): no API key source; set configFile (-Dgenesys.configFile) or pass"
            + " -Dgenesys.target=dataActions",
        MavenHelpfulSuggestions.line(problem));
    assertEquals(
        "settings.xml server 'model-key'",
        MavenHelpfulSuggestions.WORDING.place(new Place.ServerEntry("model-key")));
  }

  @Test
  void aTrustStoreFixSaysWhereMavenTakesSystemPropertiesAndOthersGetNoMavenWords() {
    Fix trust =
        Fix.of(
            ClientHint.TRUST_PRIVATE_CA, "give the JVM a trust store; or check ", Setting.API_URL);
    Problem untrusted =
        new Problem(new Place.Request("GET", "/api/v2/x"), "not trusted.", trust, "c-1");
    Problem other =
        Problem.at(Place.NOWHERE, "down.", Fix.of(ClientHint.TRY_AGAIN_LATER, "try again"));

    String line = MavenHelpfulSuggestions.line(untrusted);

    assertTrue(
        line.startsWith(
            "GET /api/v2/x: not trusted. give the JVM a trust store; or check apiUrl"
                + " (-Dgenesys.apiUrl) Maven's JVM takes system properties as -D options in MAVEN_OPTS"),
        line);
    assertTrue(line.endsWith("(ININ-Correlation-Id c-1)"), line);
    assertEquals("down. try again", MavenHelpfulSuggestions.line(other));
  }

  @Test
  void aModelEndpointsUntrustedCertificateGetsTheSameMavenHowTo() {
    Problem untrusted =
        Problem.at(
            new Place.OfProvider("Gateway", "baseUrl"),
            "the TLS handshake failed",
            Fix.of(ProbeHint.TRUST_THE_CERTIFICATE, "give the JVM a trust store"));

    assertTrue(
        MavenHelpfulSuggestions.line(untrusted)
            .endsWith(
                "give the JVM a trust store Maven's JVM takes system properties as -D options in"
                    + " MAVEN_OPTS or .mvn/jvm.config (-Djavax.net.ssl.trustStore=<file>"
                    + " -Djavax.net.ssl.trustStorePassword=<password>)."),
        MavenHelpfulSuggestions.line(untrusted));
  }

  @Test
  void aPropertyIsDefinedInThePomOrOnTheCommandLine() {
    Problem problem = UnresolvedPlaceholder.problem("${model.host}");

    assertEquals(
        "holds ${model.host}, which the build could not resolve: define property 'model.host' (in"
            + " the POM's <properties>, or -Dmodel.host=...), or write the value itself",
        MavenHelpfulSuggestions.line(problem));
  }

  @Test
  void addingAServerGetsMavensHowTo() {
    Problem problem =
        Problem.at(
            new Place.InFile("providers.yaml", 4),
            "provider 'Gateway' field 'apiKeyServerId': there is no server 'model-key'",
            Fix.of(
                ConfigHint.ADD_KEY_SERVER,
                "add ",
                new Place.ServerEntry("model-key"),
                " whose password is the provider's API key"));

    String line = MavenHelpfulSuggestions.line(problem);

    assertTrue(
        line.contains(
            "; add settings.xml server 'model-key' whose password is the provider's API key:"
                + " <server><id>model-key</id><password>"),
        line);
    assertTrue(line.contains("~/.m2/settings.xml"), line);
    assertTrue(line.contains("mvn --encrypt-password"), line);
    assertEquals(
        "providers.yaml:4: provider 'Gateway' field 'apiKeyServerId': there is no server"
            + " 'model-key'; add server credentials 'model-key' whose password is the provider's"
            + " API key",
        problem.render(Wording.PLAIN),
        "the plain words have no Maven sentence");
  }

  @Test
  void noCredentialsFoundSaysHowToAddTheServerToSettingsXml() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new CredentialsResolver(id -> Optional.empty(), name -> null, WORDING)
                    .resolve("my-org", null));

    String message = MavenHelpfulSuggestions.message(e);

    assertTrue(message.contains("  - settings.xml server 'my-org': there is none. Add"), message);
    assertTrue(
        message.contains(
            "<server><id>my-org</id><username>OAUTH_CLIENT_ID</username>"
                + "<password>OAUTH_CLIENT_SECRET</password></server> under <servers> in"
                + " ~/.m2/settings.xml"),
        message);
  }

  @Test
  void aValueIsQuotedForTheShellWhenItNeedsToBe() {
    assertEquals(
        "-Dgenesys.dryRun=true",
        MavenHelpfulSuggestions.WORDING.settingValue(Setting.DRY_RUN.is("true")));
    assertEquals(
        "-Dgenesys.confirm=\"Acme Prod\"",
        MavenHelpfulSuggestions.WORDING.settingValue(Setting.CONFIRM.is("Acme Prod")));
    assertEquals(
        "-Dgenesys.confirm=\"Say \\\"hi\\\" for \\$5 \\`x\\` \\\\ done\"",
        MavenHelpfulSuggestions.WORDING.settingValue(
            Setting.CONFIRM.is("Say \"hi\" for $5 `x` \\ done")));
    assertEquals(
        "-Dgenesys.confirm=\"\"",
        MavenHelpfulSuggestions.WORDING.settingValue(Setting.CONFIRM.is("")));
  }

  @Test
  void aLineCannotBeBrokenByWhatAServerOrAUserWrote() {
    Problem problem = Problem.at(Place.NOWHERE, "name 'a\n[INFO] BUILD SUCCESS'", null);

    assertEquals(1, MavenHelpfulSuggestions.line(problem).lines().count());
  }

  @Test
  void manyProblemsAreListedUnderTheHeaderUpToTheCap() {
    List<Problem> problems =
        IntStream.rangeClosed(1, MavenHelpfulSuggestions.MAX_LISTED + 5)
            .mapToObj(i -> Problem.at(new Place.InFile("p.yaml", i), "bad", null))
            .toList();
    Reported reported =
        new Reported() {
          @Override
          public List<Problem> problems() {
            return problems;
          }

          @Override
          public String header() {
            return "105 problems:";
          }
        };

    List<String> lines = MavenHelpfulSuggestions.message(reported).lines().toList();

    assertEquals("105 problems:", lines.get(0));
    assertEquals(1 + MavenHelpfulSuggestions.MAX_LISTED + 1, lines.size());
    assertTrue(lines.get(lines.size() - 1).contains("5 more"));
  }
}
