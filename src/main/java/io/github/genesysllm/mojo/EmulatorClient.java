package io.github.genesysllm.mojo;

import java.util.ArrayList;
import java.util.List;

/**
 * An OAuth client of the emulator, as the POM gives it:
 *
 * <pre>{@code
 * <clients>
 *   <client>
 *     <id>ci-reader</id>
 *     <secret>reader-secret</secret>
 *     <scopes><scope>ai:llm:read</scope></scopes>
 *   </client>
 * </clients>
 * }</pre>
 *
 * The secret is a test fixture of the emulator, not a real credential.
 */
public class EmulatorClient {

  /** The client id, sent as the user name of the token request's Basic authentication. */
  private String id;

  /** The client secret, a fixture: never a real credential. */
  private String secret;

  /**
   * The scopes granted: {@code ai:llm:read} to read providers, {@code ai:llm:write} to change them;
   * {@code integrations:readonly} to read data actions, {@code integrations} to read and change
   * them.
   */
  private List<String> scopes = new ArrayList<>();

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  @Override
  public String toString() {
    return "emulator client '" + id + "' " + scopes;
  }
}
