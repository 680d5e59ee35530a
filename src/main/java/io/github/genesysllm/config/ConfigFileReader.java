package io.github.genesysllm.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the {@code configFile} into a {@link LocatedTree}: picks YAML or JSON by the file's
 * extension, refuses files too big to be a configuration before reading them, and turns a parser's
 * complaint into a problem at the file's line, naming the column.
 */
final class ConfigFileReader {

  /** Far above any real configuration; keeps a wrong file from exhausting the build's memory. */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  private static final Place SETTING = new Place.OfSetting(Setting.CONFIG_FILE);
  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = yamlFactory();

  /** Quoted text in a parser's message may be a piece of the file, which may hold an API key. */
  private static final Pattern QUOTED = Pattern.compile("'[^'\\n]{8,}'");

  /** Jackson's "Unrecognized token 'xyz'" quotes a bare word of the file, however short. */
  private static final Pattern TOKEN = Pattern.compile("token '(?!null'|true'|false')[^'\\n]*'");

  private ConfigFileReader() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML's own limit (3 MB) would otherwise fail some files that pass MAX_BYTES
    options.setCodePointLimit((int) MAX_BYTES + 1);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /** The name problems give the file: {@code providers.yaml}. */
  static String displayName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /**
   * Reads and parses {@code file}; the tree's root is null when the file holds no value.
   *
   * @throws ConfigurationException with one problem when the file cannot be read or parsed
   */
  static LocatedTree read(Path file) throws ConfigurationException {
    JsonFactory factory = factoryFor(file);
    String text = decode(file, readBounded(file));
    String name = displayName(file);
    try (JsonParser parser = factory.createParser(text)) {
      return LocatedTree.read(parser);
    } catch (LocatedTree.Refusal e) {
      throw new ConfigurationException(
          Problem.at(
              new Place.InFile(name, e.position().line()), "the file " + e.getMessage(), e.fix()));
    } catch (IOException e) {
      throw new ConfigurationException(parseProblem(name, factory == YAML ? "YAML" : "JSON", e));
    }
  }

  private static JsonFactory factoryFor(Path file) throws ConfigurationException {
    return ConfigFormat.of(file, Setting.CONFIG_FILE) == ConfigFormat.YAML ? YAML : JSON;
  }

  private static byte[] readBounded(Path file) throws ConfigurationException {
    requireRegularFile(file);
    try (InputStream in = Files.newInputStream(file)) {
      // read one byte more than allowed, so that a file growing after a size check is refused too
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ConfigurationException(
            Problem.at(
                SETTING,
                "'"
                    + file
                    + "' is larger than "
                    + (MAX_BYTES / (1024 * 1024))
                    + " MiB, far more than a provider configuration needs",
                Fix.of(ConfigHint.POINT_AT_A_FILE, "is this the right file?")));
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw doesNotExist(file);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /**
   * Refuses a directory, and a pipe, device or socket before opening it: reading a pipe would wait
   * for a writer for ever.
   */
  private static void requireRegularFile(Path file) throws ConfigurationException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw doesNotExist(file);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
    if (attributes.isDirectory()) {
      throw notAFile(file, "a directory");
    }
    if (!attributes.isRegularFile()) {
      throw notAFile(file, "not a regular file (a pipe, a device or a socket)");
    }
  }

  private static ConfigurationException notAFile(Path file, String what) {
    return new ConfigurationException(
        Problem.at(
            SETTING,
            "'" + file + "' is " + what + ":",
            Fix.of(ConfigHint.POINT_AT_A_FILE, "point it at a YAML or JSON file")));
  }

  private static ConfigurationException doesNotExist(Path file) {
    return new ConfigurationException(
        Problem.at(
            SETTING,
            "'" + file + "' does not exist:",
            Fix.of(
                ConfigHint.CHECK_THE_PATH,
                "check the path, or leave ",
                Setting.CONFIG_FILE,
                " unset to configure the providers in the build file only")));
  }

  private static ConfigurationException cannotRead(Path file, IOException e) {
    return new ConfigurationException(
        Problem.at(
            SETTING,
            "'" + file + "' cannot be read (" + e.getClass().getSimpleName() + "):",
            Fix.of(
                ConfigHint.ALLOW_FILE_ACCESS, "check that it exists and the build may read it")));
  }

  private static String decode(Path file, byte[] bytes) throws ConfigurationException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ConfigurationException(
          Problem.at(
              new Place.InFile(displayName(file), 0),
              "the file is not UTF-8 text:",
              Fix.of(ConfigHint.SAVE_AS_UTF8, "save it as UTF-8")));
    }
  }

  /**
   * At {@code providers.yaml:3}: {@code not valid YAML (column 7): mapping values are not allowed
   * here}.
   */
  private static Problem parseProblem(String name, String format, IOException e) {
    MarkedYAMLException yaml = yamlCause(e);
    int line;
    String column;
    String what;
    if (yaml != null && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      line = mark.getLine() + 1;
      column = " (column " + (mark.getColumn() + 1) + ")";
      String context =
          yaml.getContext() == null
              ? ""
              : yaml.getContext()
                  + (yaml.getContextMark() == null
                      ? ""
                      : " started on line " + (yaml.getContextMark().getLine() + 1))
                  + ", ";
      what = context + yaml.getProblem();
    } else if (e instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation location = json.getLocation();
      line = Math.max(1, location.getLineNr());
      column = " (column " + location.getColumnNr() + ")";
      what = json.getOriginalMessage();
    } else {
      line = 1;
      column = "";
      what = e.getClass().getSimpleName();
    }
    return Problem.at(
        new Place.InFile(name, line),
        "not valid " + format + column + ": " + withoutQuotedText(firstLine(what)),
        Fix.of(ConfigHint.FIX_SYNTAX));
  }

  private static MarkedYAMLException yamlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked) {
        return marked;
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    String trimmed = text == null ? "" : text.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  /** Parsers quote the offending token, which may be (part of) an API key written in the file. */
  static String withoutQuotedText(String message) {
    return QUOTED.matcher(TOKEN.matcher(message).replaceAll("token")).replaceAll("'...'");
  }
}
