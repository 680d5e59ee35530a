package io.github.genesysllm.mojo;

import io.github.genesysllm.client.ClientHint;
import io.github.genesysllm.config.ConfigHint;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.probe.ProbeHint;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.SettingValue;
import io.github.genesysllm.problem.Wording;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The only place that spells problems in Maven's words, as jib's {@code MavenHelpfulSuggestions}
 * does: a setting is its parameter and user property ({@code configFile (-Dgenesys.configFile)}), a
 * setting's value a {@code -D} flag, the build file is the POM, server credentials are a {@code
 * settings.xml} server, a property is defined in the POM or with {@code -D}; and a fix whose how-to
 * only Maven can say (add a {@code <server>}, encrypt its password, pass a JVM system property)
 * gets Maven's sentence.
 */
final class MavenHelpfulSuggestions implements Wording {

  static final MavenHelpfulSuggestions WORDING = new MavenHelpfulSuggestions();

  /** The prefix of the plugin's user properties. */
  static final String PROPERTY_PREFIX = "genesys.";

  /** How to keep a password out of settings.xml in clear. */
  private static final String ENCRYPT =
      "encrypt it with mvn --encrypt-password, or mvnenc encrypt in Maven 4";

  /** {@code setting}'s user property ({@code genesys.configFile}). */
  static String property(Setting setting) {
    return PROPERTY_PREFIX + setting.parameter();
  }

  @Override
  public String setting(Setting setting) {
    return setting.parameter() + " (-D" + property(setting) + ")";
  }

  /**
   * A {@code -D} flag as a user pastes it into a shell: the value in double quotes when it holds
   * anything but letters, digits and {@code . _ - / : , + @ %} ({@code -Dgenesys.confirm="Acme
   * Prod"}), with {@code " \ $ `} escaped inside them.
   */
  @Override
  public String settingValue(SettingValue value) {
    return "-D" + property(value.setting()) + "=" + shellWord(value.value());
  }

  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._\\-/:,+@%]+");

  private static String shellWord(String value) {
    return PLAIN_WORD.matcher(value).matches()
        ? value
        : "\"" + value.replaceAll("([\"\\\\$`])", "\\\\$1") + "\"";
  }

  @Override
  public String place(Place place) {
    if (place instanceof Place.InlineProvider inline) {
      return "the POM (provider #" + inline.number() + ")";
    }
    if (place instanceof Place.ServerEntry server) {
      return "settings.xml server '" + server.id() + "'";
    }
    if (place instanceof Place.Property property) {
      return "property '"
          + property.name()
          + "' (in the POM's <properties>, or -D"
          + property.name()
          + "=...)";
    }
    return Wording.common(this, place);
  }

  /** The fix's words, and Maven's own sentence for a hint whose how-to only Maven can say. */
  @Override
  public String fix(Fix fix) {
    return fix.render(this) + mavenSentence(fix);
  }

  private static String mavenSentence(Fix fix) {
    if (fix.key() == ConfigHint.ADD_KEY_SERVER) {
      return serverHowTo(fix, "<password>the provider's API key</password>");
    }
    if (fix.key() == ConfigHint.ADD_CREDENTIALS_SERVER) {
      return serverHowTo(
          fix, "<username>OAUTH_CLIENT_ID</username><password>OAUTH_CLIENT_SECRET</password>");
    }
    if (fix.key() == ConfigHint.GIVE_KEY_SOURCE) {
      return " (apiKeyServerId names a <server> of ~/.m2/settings.xml)";
    }
    if (fix.key() == ClientHint.TRUST_PRIVATE_CA || fix.key() == ProbeHint.TRUST_THE_CERTIFICATE) {
      return " Maven's JVM takes system properties as -D options in MAVEN_OPTS or .mvn/jvm.config"
          + " (-Djavax.net.ssl.trustStore=<file> -Djavax.net.ssl.trustStorePassword=<password>).";
    }
    if (fix.key() == ConfigHint.CONFIGURE_PROVIDERS) {
      return " (<providers><provider>...</provider></providers> in the plugin's <configuration> in"
          + " the POM)";
    }
    return "";
  }

  /** How to add the server {@code fix} names, holding {@code credentials}, to settings.xml. */
  private static String serverHowTo(Fix fix, String credentials) {
    return ": <server><id>"
        + serverId(fix)
        + "</id>"
        + credentials
        + "</server> under <servers> in ~/.m2/settings.xml ("
        + ENCRYPT
        + ")";
  }

  /** The id of the server a fix names; a server-adding fix always names one. */
  private static String serverId(Fix fix) {
    return fix.parts().stream()
        .filter(Place.ServerEntry.class::isInstance)
        .map(part -> ((Place.ServerEntry) part).id())
        .findFirst()
        .orElse("ID");
  }

  /** A message lists this many problems at most; a wrong file of thousands would flood the log. */
  static final int MAX_LISTED = 100;

  /** One problem on one line, safe to print. */
  static String line(Problem problem) {
    return SafeText.of(problem.render(WORDING));
  }

  /**
   * The message for an exception carrying problems: the problem alone when there is one and no
   * header, else the header and one problem a line.
   */
  static String message(Reported reported) {
    return message(reported.header(), reported.problems());
  }

  /** {@code problems} under {@code header} (or alone when null and one), each in Maven's words. */
  static String message(String header, List<Problem> problems) {
    return Reported.text(SafeText.of(header), problems, MavenHelpfulSuggestions::line, MAX_LISTED);
  }
}
