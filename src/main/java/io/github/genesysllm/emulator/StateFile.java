package io.github.genesysllm.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.dataactions.StateSection;
import io.github.genesysllm.files.AtomicFile;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The emulator's state file: {@code {"providers":[ representation + "apiKeyHash":{"salt","sha256"}
 * ], "dataActions": {...}}}, providers in creation order, the data-actions section being {@link
 * io.github.genesysllm.emulator.dataactions.DataActionsApi}'s. API keys are there only as salted
 * hashes. Each store writes its own section; the file is written whole to a temporary file beside
 * it, flushed to the disk, then moved over it in one atomic rename, so a reader never sees half a
 * file; where the file system cannot rename atomically, the write fails instead. Each provider read
 * must keep the API's own rules ({@link ProviderRules}), as one created through the API does. One
 * emulator at a time uses a state file ({@link StateLock}).
 */
final class StateFile implements StateSection {

  private static final String PROVIDERS = "providers";
  private static final String DATA_ACTIONS = "dataActions";

  private final Path file;
  private final ObjectNode root;

  private StateFile(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  /** The state file at {@code file}, read when it exists. */
  static StateFile open(Path file) throws IOException {
    RegularFile.requireIfExists(file, "The emulator state file");
    if (!Files.exists(file)) {
      ObjectNode root = ProviderJson.MAPPER.createObjectNode();
      root.putArray(PROVIDERS);
      return new StateFile(file, root);
    }
    JsonNode root;
    try {
      root = ProviderJson.MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IOException(
          "The emulator state file "
              + file
              + " is not valid JSON ("
              + e.getOriginalMessage()
              + "); fix it or delete it to start empty",
          e);
    }
    if (root == null || !root.path(PROVIDERS).isArray()) {
      throw broken(file, "must be a JSON object with a 'providers' list");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of(PROVIDERS, DATA_ACTIONS).contains(name)) {
        throw broken(file, "has an unknown field '" + name + "' (it holds providers, dataActions)");
      }
    }
    return new StateFile(file, (ObjectNode) root);
  }

  private static IOException broken(Path file, String problem) {
    return new IOException(
        "The emulator state file " + file + " " + problem + "; fix it or delete it to start empty");
  }

  /** The providers of the file. */
  List<StoredProvider> providers(String providersPath) throws IOException {
    List<StoredProvider> out = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get(PROVIDERS)) {
      try {
        requireRules(node);
        Provider read = ProviderJson.fromRepresentation(node);
        Provider provider =
            new Provider(
                read.id(),
                read.settings(),
                node.hasNonNull("apiKeyHash"),
                read.version(),
                read.dateCreated(),
                read.dateModified(),
                providersPath + "/" + read.id());
        ApiKeyHash key = null;
        if (node.hasNonNull("apiKeyHash")) {
          JsonNode hash = node.get("apiKeyHash");
          if (!hash.path("salt").isTextual() || !hash.path("sha256").isTextual()) {
            throw new IllegalArgumentException(
                "a provider's 'apiKeyHash' needs 'salt' and 'sha256'");
          }
          key = new ApiKeyHash(hash.get("salt").asText(), hash.get("sha256").asText());
        }
        out.add(new StoredProvider(provider, key));
      } catch (IllegalArgumentException e) {
        throw new IOException(
            "The emulator state file "
                + file
                + " has a broken providers["
                + index
                + "]: "
                + e.getMessage()
                + "; fix it or delete the file to start empty",
            e);
      }
      index++;
    }
    return out;
  }

  /** A provider of the file keeps the rules a create through the API would have checked. */
  private static void requireRules(JsonNode node) {
    List<FieldViolation> violations =
        node.isObject()
            ? ProviderRules.validate(node, ProviderRules.Operation.CONFIGURATION)
            : List.of();
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          "it breaks the API's rules ("
              + violations.stream()
                  .map(v -> v.field() + " " + v.message())
                  .collect(Collectors.joining("; "))
              + ")");
    }
    if (node.path("version").isIntegralNumber() && node.path("version").asLong() < 1) {
      throw new IllegalArgumentException("its 'version' must be 1 or more");
    }
  }

  synchronized void saveProviders(Collection<StoredProvider> providers) throws IOException {
    ArrayNode list = ProviderJson.MAPPER.createArrayNode();
    for (StoredProvider stored : providers) {
      ObjectNode node = ProviderJson.toRepresentation(stored.provider());
      node.remove("selfUri");
      node.remove("apiKeyConfigured");
      if (stored.apiKey() != null) {
        ObjectNode hash = node.putObject("apiKeyHash");
        hash.put("salt", stored.apiKey().salt());
        hash.put("sha256", stored.apiKey().hash());
      }
      list.add(node);
    }
    replace(PROVIDERS, list);
  }

  @Override
  public Path file() {
    return file;
  }

  @Override
  public synchronized JsonNode read() {
    JsonNode section = root.get(DATA_ACTIONS);
    return section == null ? null : section.deepCopy();
  }

  @Override
  public synchronized void write(JsonNode section) throws IOException {
    replace(DATA_ACTIONS, section);
  }

  /** Replaces one section and writes the file; on failure the section is as before. */
  private void replace(String name, JsonNode section) throws IOException {
    JsonNode before = root.get(name);
    root.set(name, section);
    try {
      writeRoot();
    } catch (IOException | RuntimeException e) {
      if (before == null) {
        root.remove(name);
      } else {
        root.set(name, before);
      }
      throw e;
    }
  }

  private void writeRoot() throws IOException {
    AtomicFile.write(
        file,
        ProviderJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root),
        AtomicFile.Existing.REPLACE);
  }
}
