package io.github.genesysllm.mojo;

import io.github.genesysllm.client.ClientHint;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.HintKey;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.SettingValue;
import io.github.genesysllm.problem.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The only place that spells problems in Maven's words, as jib's {@code MavenHelpfulSuggestions}
 * does: a setting is its parameter and user property ({@code configFile (-Dgenesys.configFile)}), a
 * setting's value a {@code -D} flag, the build file is the POM, server credentials are a {@code
 * settings.xml} server.
 */
final class MavenHelpfulSuggestions implements Wording {

  static final MavenHelpfulSuggestions WORDING = new MavenHelpfulSuggestions();

  /** The prefix of the plugin's user properties. */
  static final String PROPERTY_PREFIX = "genesys.";

  /** {@code setting}'s user property ({@code genesys.configFile}). */
  static String property(Setting setting) {
    return PROPERTY_PREFIX + setting.parameter();
  }

  @Override
  public String setting(Setting setting) {
    return setting.parameter() + " (-D" + property(setting) + ")";
  }

  @Override
  public String settingValue(SettingValue value) {
    return "-D" + property(value.setting()) + "=" + value.value();
  }

  @Override
  public String place(Place place) {
    if (place instanceof Place.InlineProvider inline) {
      return "the POM (provider #" + inline.number() + ")";
    }
    if (place instanceof Place.ServerEntry server) {
      return "settings.xml server '" + server.id() + "'";
    }
    return Wording.common(this, place);
  }

  /** A message lists this many problems at most; a wrong file of thousands would flood the log. */
  static final int MAX_LISTED = 100;

  /**
   * What a fix needs said in Maven's words beyond its settings, by its key: how system properties
   * reach Maven's JVM.
   */
  private static final Map<HintKey, String> MAVEN_WORDS =
      Map.of(
          ClientHint.TRUST_PRIVATE_CA,
          " Maven's JVM takes system properties as -D options in MAVEN_OPTS or .mvn/jvm.config"
              + " (-Djavax.net.ssl.trustStore=<file> -Djavax.net.ssl.trustStorePassword=<password>).");

  /** One problem on one line, safe to print. */
  static String line(Problem problem) {
    return SafeText.of(inMavenWords(problem).render(WORDING));
  }

  /** {@code problem}, its fix followed by the Maven words its key needs, if any. */
  private static Problem inMavenWords(Problem problem) {
    String more = problem.fix() == null ? null : MAVEN_WORDS.get(problem.hint());
    if (more == null) {
      return problem;
    }
    List<Object> parts = new ArrayList<>(problem.fix().parts());
    parts.add(more);
    return new Problem(
        problem.where(),
        problem.what(),
        new Fix(problem.fix().key(), parts),
        problem.correlationId());
  }

  /**
   * The message for an exception carrying problems: the problem alone when there is one and no
   * header, else the header and one problem a line.
   */
  static String message(Reported reported) {
    List<Problem> problems = reported.problems();
    if (reported.header() == null && problems.size() == 1) {
      return line(problems.get(0));
    }
    String header = reported.header() == null ? "" : SafeText.of(reported.header());
    String more =
        problems.size() > MAX_LISTED
            ? System.lineSeparator()
                + "  ... and "
                + (problems.size() - MAX_LISTED)
                + " more; fix these first"
            : "";
    return header
        + problems.stream()
            .limit(MAX_LISTED)
            .map(problem -> System.lineSeparator() + "  - " + line(problem))
            .collect(Collectors.joining())
        + more;
  }
}
