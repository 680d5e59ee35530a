package io.github.genesysllm.provider;

/** A provider as the server represents it (GET, POST and PUT responses). */
public record Provider(
    String id,
    ProviderSettings settings,
    boolean apiKeyConfigured,
    long version,
    String dateCreated,
    String dateModified,
    String selfUri) {

  public String name() {
    return settings.name();
  }
}
