package io.github.genesysllm.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The emulator's state file: {@code {"providers":[ representation + "apiKeyHash":{"salt","sha256"}
 * ]}} in creation order. API keys are there only as salted hashes. Written whole to a temporary
 * file beside it, then moved over it, so a reader never sees half a file.
 */
final class StateFile {

  private StateFile() {}

  /** The providers of the file, or none when it does not exist. */
  static List<StoredProvider> load(Path file, String providersPath) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
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
    if (root == null || !root.path("providers").isArray()) {
      throw new IOException(
          "The emulator state file "
              + file
              + " must be a JSON object with a 'providers' list; fix it or delete it to start empty");
    }
    List<StoredProvider> out = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("providers")) {
      try {
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

  static void save(Path file, Collection<StoredProvider> providers) throws IOException {
    ObjectNode root = ProviderJson.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("providers");
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
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp =
        Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
    try {
      ProviderJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
