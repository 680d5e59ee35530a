package io.github.genesysllm.ci;

import io.github.genesysllm.problem.Place;
import java.nio.file.Path;

/**
 * The files a goal's configuration comes from, to turn a problem's place (a line of the
 * configuration file, a provider of the build file) into a file and line for an annotation.
 *
 * @param buildFile the project's build file, or null without a project
 * @param configFile the configuration file ({@code configFile}), or null when there is none
 */
public record SourceFiles(Path buildFile, Path configFile) {

  /** A place in a file; {@code line} null when the place names none (a build file's provider). */
  public record Location(Path file, Integer line) {}

  /**
   * Where {@code place} is: the configuration file, and its line, for a place in the file of that
   * name; the build file for one of its providers; null for any other place.
   */
  public Location locate(Place place) {
    if (place instanceof Place.InFile in
        && configFile != null
        && configFile.getFileName() != null
        && configFile.getFileName().toString().equals(in.file())) {
      return new Location(configFile, in.line() == 0 ? null : in.line());
    }
    if (place instanceof Place.InlineProvider && buildFile != null) {
      return new Location(buildFile, null);
    }
    return null;
  }
}
