package io.github.genesysllm.problem;

import java.util.Objects;

/** Where a problem is, as data: the edge words it ({@link Wording#place}). */
public sealed interface Place {

  /** A line of a file ({@code line} from 1), or the whole file ({@code line} 0). */
  record InFile(String file, int line) implements Place {
    public InFile {
      Objects.requireNonNull(file, "file");
      if (line < 0) {
        throw new IllegalArgumentException("line " + line);
      }
    }
  }

  /**
   * The {@code number}th (from 1) provider written in the build file itself, which has no line the
   * plugin can see.
   */
  record InlineProvider(int number) implements Place {}

  /** A configured provider, and its field ({@code models[0].maxTokens}) or null for the whole. */
  record OfProvider(String provider, String field) implements Place {
    public OfProvider {
      Objects.requireNonNull(provider, "provider");
    }
  }

  /** A build setting. */
  record OfSetting(Setting setting) implements Place {
    public OfSetting {
      Objects.requireNonNull(setting, "setting");
    }
  }

  /** An entry of the build tool's server credentials, by id. */
  record ServerEntry(String id) implements Place {
    public ServerEntry {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A build property by name, as a placeholder names it ({@code model.host}); the edge says where a
   * build defines one.
   */
  record Property(String name) implements Place {
    public Property {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A request to the server: method and path (or full URL for the login). */
  record Request(String method, String path) implements Place {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
    }
  }

  /** A problem of the whole run, with no place of its own. */
  record Nowhere() implements Place {}

  /** The place of a problem that has none. */
  Place NOWHERE = new Nowhere();
}
