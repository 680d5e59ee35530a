package io.github.genesysllm.config;

import io.github.genesysllm.files.AtomicFile;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file an export writes ({@code exportFile}): checked before anything is asked of Genesys
 * Cloud, then written whole or not at all. Each problem is at the setting.
 */
final class ExportFile {

  private static final Place SETTING = new Place.OfSetting(Setting.EXPORT_FILE);

  private ExportFile() {}

  /**
   * Checks that {@code file} can be the target: a YAML or JSON name, not a directory, not under a
   * file, and absent unless {@code overwrite}.
   *
   * @return its format
   */
  static ConfigFormat check(Path file, boolean overwrite) throws ConfigurationException {
    ConfigFormat format = ConfigFormat.of(file, Setting.EXPORT_FILE);
    if (Files.isDirectory(file)) {
      throw problem(
          "'" + file + "' is a directory:",
          Fix.of(ConfigHint.POINT_AT_A_FILE, "point it at a .yaml, .yml or .json file"));
    }
    if (!overwrite && Files.exists(file)) {
      throw exists(file);
    }
    for (Path parent = file.toAbsolutePath().getParent();
        parent != null;
        parent = parent.getParent()) {
      if (Files.exists(parent) && !Files.isDirectory(parent)) {
        throw notADirectory(file, parent);
      }
    }
    return format;
  }

  /**
   * Writes {@code bytes} to {@code file}, whole or not at all (a temporary file beside it, then a
   * rename), creating its parent directories.
   */
  static void write(Path file, byte[] bytes, boolean overwrite) throws ConfigurationException {
    try {
      AtomicFile.write(
          file, bytes, overwrite ? AtomicFile.Existing.REPLACE : AtomicFile.Existing.REFUSE);
    } catch (FileAlreadyExistsException e) {
      Path found = e.getFile() == null ? null : Path.of(e.getFile());
      throw found != null && !found.toAbsolutePath().equals(file.toAbsolutePath())
          ? notADirectory(file, found)
          : exists(file);
    } catch (IOException e) {
      throw problem(
          "'" + file + "' cannot be written (" + e.getClass().getSimpleName() + "):",
          Fix.of(ConfigHint.ALLOW_FILE_ACCESS, "check that the build may write there"));
    }
  }

  private static ConfigurationException exists(Path file) {
    return problem(
        "'" + file + "' exists",
        Fix.of(ConfigHint.ALLOW_OVERWRITE, "set ", Setting.OVERWRITE.is("true"), " to replace it"));
  }

  private static ConfigurationException notADirectory(Path file, Path parent) {
    return problem(
        "'" + file + "' cannot be written: " + parent + " is not a directory",
        Fix.of(ConfigHint.CHOOSE_ANOTHER_PATH, "choose another path"));
  }

  private static ConfigurationException problem(String what, Fix fix) {
    return new ConfigurationException(Problem.at(SETTING, what, fix));
  }
}
