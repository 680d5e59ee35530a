package io.github.genesysllm.ci;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a goal's configuration comes from, to turn a message's place ({@code providers.yaml:14
 * ...}, {@code the POM (provider #2) ...}) into a file and line for an annotation.
 *
 * @param pom the project's POM, or null without a project
 * @param configFile the configuration file ({@code configFile}), or null when there is none
 */
public record SourceFiles(Path pom, Path configFile) {

  /** A place in a file; {@code line} null when the message names none (a POM provider). */
  public record Location(Path file, Integer line) {}

  private static final Pattern LINE = Pattern.compile(":(\\d{1,9})\\b");

  /**
   * Where {@code text} says it is: the configuration file and line when it starts with {@code <file
   * name>:<line>}, the POM when it starts with {@code the POM}; null otherwise.
   */
  public Location locate(String text) {
    if (text == null) {
      return null;
    }
    if (configFile != null && configFile.getFileName() != null) {
      String name = configFile.getFileName().toString();
      if (text.startsWith(name + ":")) {
        Matcher line = LINE.matcher(text).region(name.length(), text.length());
        return new Location(configFile, line.lookingAt() ? Integer.valueOf(line.group(1)) : null);
      }
    }
    if (pom != null && text.startsWith("the POM")) {
      return new Location(pom, null);
    }
    return null;
  }
}
