package io.github.genesysllm.ci;

import java.util.Map;
import java.util.StringJoiner;

/**
 * GitHub Actions workflow commands ({@code ::error file=f,line=3,title=t::message}), escaped as the
 * runner unescapes them (actions/toolkit's {@code command.ts}): in the message {@code %}, CR and
 * LF; in a property value also {@code :} and {@code ,}. A value can then never end the command
 * early nor start another one on a new line.
 */
public final class WorkflowCommands {

  private WorkflowCommands() {}

  /** {@code ::name k=v,k2=v2::message}; properties with a null value are left out. */
  public static String command(String name, Map<String, String> properties, String message) {
    StringJoiner joined = new StringJoiner(",");
    properties.forEach(
        (key, value) -> {
          if (value != null) {
            joined.add(key + "=" + escapeProperty(value));
          }
        });
    String props = joined.length() == 0 ? "" : " " + joined;
    return "::" + name + props + "::" + escapeData(message);
  }

  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }
}
