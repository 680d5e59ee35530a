package io.github.genesysllm.config;

import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The proxy that CX as Code's environment variables describe: {@value #HOST}, {@value #PORT},
 * {@value #PROTOCOL}, {@value #USERNAME} and {@value #PASSWORD}. Read strictly: a host name (no
 * URL), a decimal port from 1 to 65535 (default 80 for http, 443 for https), the protocol {@code
 * http} (default) or {@code https}, and a username and password together or neither. An empty
 * variable counts as not set. No message ever holds the password.
 */
public final class EnvironmentProxy {

  public static final String HOST = "GENESYSCLOUD_PROXY_HOST";
  public static final String PORT = "GENESYSCLOUD_PROXY_PORT";
  public static final String PROTOCOL = "GENESYSCLOUD_PROXY_PROTOCOL";
  public static final String USERNAME = "GENESYSCLOUD_PROXY_AUTH_USERNAME";
  public static final String PASSWORD = "GENESYSCLOUD_PROXY_AUTH_PASSWORD";

  /** What {@link ProxySettings#source()} says of a proxy read here. */
  public static final String SOURCE = "environment variables GENESYSCLOUD_PROXY_*";

  /** A DNS name or an IPv4 address; an IPv6 address in brackets. */
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");

  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}");

  private EnvironmentProxy() {}

  /**
   * The proxy the variables describe, or empty when {@value #HOST} is not set (and neither is any
   * other of them).
   *
   * @param env the environment ({@code System::getenv} in a build)
   * @throws ConfigurationException listing every variable that is wrong and how to fix it
   */
  public static Optional<ProxySettings> read(Function<String, String> env)
      throws ConfigurationException {
    String host = variable(env, HOST);
    String port = variable(env, PORT);
    String protocol = variable(env, PROTOCOL);
    String username = variable(env, USERNAME);
    String password = variable(env, PASSWORD);
    List<Problem> problems = new ArrayList<>();
    if (host == null) {
      for (String name : List.of(PORT, PROTOCOL, USERNAME, PASSWORD)) {
        if (variable(env, name) != null) {
          problems.add(
              problem(
                  name + " is set but " + HOST + " is not:",
                  Fix.of(
                      ConfigHint.SET_BOTH_OR_NEITHER, "set the proxy's host, or unset " + name)));
        }
      }
      if (!problems.isEmpty()) {
        throw failure(problems);
      }
      return Optional.empty();
    }
    if (!HOST_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
      // a URL may carry user:password@: then its text is not repeated
      boolean url = host.contains(":") || host.contains("/");
      problems.add(
          problem(
              HOST
                  + " must be a host name alone, such as proxy.example.com"
                  + (host.contains("@") ? "" : ", got '" + host + "'")
                  + (url ? ":" : ""),
              url
                  ? Fix.of(
                      ConfigHint.FOLLOW_FIELD_RULE,
                      "put the port in "
                          + PORT
                          + ", the protocol in "
                          + PROTOCOL
                          + " and credentials in "
                          + USERNAME
                          + "/"
                          + PASSWORD)
                  : Fix.of(ConfigHint.FOLLOW_FIELD_RULE)));
    }
    String scheme = protocol == null ? "http" : protocol;
    if (!scheme.equals("http") && !scheme.equals("https")) {
      problems.add(
          problem(
              PROTOCOL
                  + " must be http or https (the protocol spoken to the proxy), got '"
                  + protocol
                  + "'",
              Fix.of(ConfigHint.FOLLOW_FIELD_RULE)));
      scheme = "http";
    }
    int portNumber = scheme.equals("https") ? 443 : 80;
    if (port != null) {
      portNumber = DECIMAL.matcher(port).matches() ? Integer.parseInt(port) : -1;
      if (portNumber < 1 || portNumber > 65535) {
        problems.add(
            problem(
                PORT + " must be a port number from 1 to 65535, got '" + port + "'",
                Fix.of(ConfigHint.FOLLOW_FIELD_RULE)));
      }
    }
    if ((username == null) != (password == null)) {
      problems.add(
          problem(
              (username == null
                      ? PASSWORD + " is set but " + USERNAME
                      : USERNAME + " is set but " + PASSWORD)
                  + " is not:",
              Fix.of(
                  ConfigHint.SET_BOTH_OR_NEITHER,
                  "set both (the proxy's username and password), or neither")));
    }
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    return Optional.of(
        new ProxySettings(
            scheme,
            host,
            portNumber,
            username,
            password == null ? null : Secret.of(password),
            SOURCE));
  }

  private static String variable(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** A variable's problem: the variable is named in {@code what}, as no place names one. */
  private static Problem problem(String what, Fix fix) {
    return Problem.at(Place.NOWHERE, what, fix);
  }

  private static ConfigurationException failure(List<Problem> problems) {
    return new ConfigurationException(
        "The proxy of the environment variables GENESYSCLOUD_PROXY_* is not valid; nothing was"
            + " sent to Genesys Cloud:",
        problems);
  }
}
