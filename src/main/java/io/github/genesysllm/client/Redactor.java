package io.github.genesysllm.client;

import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps secrets out of messages built from server text: a text that contains any secret the client
 * knows (client secret, tokens, the API key of the call) is withheld whole, since a server may echo
 * what it was sent.
 */
final class Redactor {

  static final String WITHHELD = "(withheld: it contained a secret)";

  private final List<Secret> secrets = new CopyOnWriteArrayList<>();

  void add(Secret secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /** {@code text}, or {@link #WITHHELD} when it holds a known secret or {@code callSecret}. */
  String clean(String text, Secret callSecret) {
    if (text == null) {
      return null;
    }
    if (callSecret != null && callSecret.occursIn(text)) {
      return WITHHELD;
    }
    for (Secret s : secrets) {
      if (s.occursIn(text)) {
        return WITHHELD;
      }
    }
    return text;
  }
}
