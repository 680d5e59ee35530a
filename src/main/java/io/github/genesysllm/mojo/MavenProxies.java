package io.github.genesysllm.mojo;

import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.secret.Secret;
import java.net.URI;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Chooses the proxy for a URL as Maven chooses one for a repository: the repository session's proxy
 * selector, that is the active {@code settings.xml} proxies by protocol ({@code https} URLs fall
 * back to an {@code http} proxy), their {@code nonProxyHosts}, and their authentication with the
 * password Maven decrypted. Turns Maven's proxy into the plain {@link ProxySettings} that the
 * classes outside {@code mojo} use.
 */
final class MavenProxies {

  private final RepositorySystemSession session;
  private final List<Proxy> settingsProxies;

  /**
   * @param session the build's repository session; null (as in some test harnesses) selects none
   * @param settingsProxies the {@code settings.xml} proxies, only to name the one chosen
   */
  MavenProxies(RepositorySystemSession session, List<Proxy> settingsProxies) {
    this.session = session;
    this.settingsProxies = settingsProxies == null ? List.of() : settingsProxies;
  }

  /**
   * The proxy Maven would use for {@code url}, or null when none applies.
   *
   * @throws MojoFailureException when the proxy's password is still encrypted (Maven could not
   *     decrypt it)
   */
  ProxySettings forUrl(URI url) throws MojoFailureException {
    ProxySelector selector = session == null ? null : session.getProxySelector();
    if (selector == null || url.getHost() == null) {
      return null;
    }
    RemoteRepository target =
        new RemoteRepository.Builder("genesys-llm", "default", url.toString()).build();
    org.eclipse.aether.repository.Proxy proxy = selector.getProxy(target);
    if (proxy == null) {
      return null;
    }
    String source = "the settings.xml proxy" + idOf(proxy);
    String username = null;
    String password = null;
    try (AuthenticationContext auth =
        AuthenticationContext.forProxy(
            session, new RemoteRepository.Builder(target).setProxy(proxy).build())) {
      if (auth != null) {
        username = auth.get(AuthenticationContext.USERNAME);
        password = auth.get(AuthenticationContext.PASSWORD);
      }
    }
    if (password != null && looksEncrypted(password)) {
      throw GoalFailures.failure(
          "The password of "
              + source
              + " could not be decrypted (Maven left it encrypted). Check the master password"
              + " (~/.m2/settings-security.xml with Maven 3, mvnenc with Maven 4), or encrypt the"
              + " password again (mvn --encrypt-password with Maven 3, mvnenc encrypt with Maven 4).");
    }
    boolean noUser = username == null || username.isEmpty();
    return new ProxySettings(
        // Maven's proxy protocol names the URLs it serves; the proxy itself speaks plain HTTP
        "http",
        proxy.getHost(),
        proxy.getPort(),
        noUser ? null : username,
        noUser || password == null ? null : Secret.of(password),
        source);
  }

  /** {@code 'corp'}: the id of the active settings.xml proxy that matches, or nothing. */
  private String idOf(org.eclipse.aether.repository.Proxy chosen) {
    for (Proxy candidate : settingsProxies) {
      if (candidate.isActive()
          && chosen.getHost().equalsIgnoreCase(candidate.getHost())
          && chosen.getPort() == candidate.getPort()
          && chosen.getType().equalsIgnoreCase(candidate.getProtocol())) {
        return " '" + candidate.getId() + "'";
      }
    }
    return "";
  }

  /** Maven's encrypted form, {@code {...}}, which its decrypter replaces when it can. */
  private static boolean looksEncrypted(String password) {
    return password.length() > 2 && password.startsWith("{") && password.endsWith("}");
  }
}
