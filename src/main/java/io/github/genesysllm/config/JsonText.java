package io.github.genesysllm.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.genesysllm.provider.ProviderJson;
import java.util.Arrays;
import java.util.Locale;

/**
 * Indented JSON of an exported configuration ({@code "key": value}, two spaces a level, one value a
 * line), as Jackson writes UTF-8: what is not printable text (controls, line separators, a byte
 * order mark, surrogates, which Jackson escapes in UTF-8 anyway) is written as an escape, so that
 * the file stays one value per line and valid UTF-8.
 */
final class JsonText {

  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

  private static final ObjectWriter WRITER =
      ProviderJson.MAPPER
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(INDENTER)
                  .withArrayIndenter(INDENTER))
          .with(new Unprintable());

  private JsonText() {}

  /** {@code tree} as UTF-8 JSON, ending with a line break. */
  static byte[] of(JsonNode tree) throws JsonProcessingException {
    byte[] json = WRITER.writeValueAsBytes(tree);
    byte[] out = Arrays.copyOf(json, json.length + 1);
    out[json.length] = '\n';
    return out;
  }

  /** Escapes what YAML's printable set lacks, beyond JSON's own escapes. */
  private static final class Unprintable extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii = standardAsciiEscapesForJSON();

    Unprintable() {
      ascii[0x7F] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return Character.isSurrogate((char) ch) || YamlText.printableChar((char) ch)
          ? null
          : new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
    }
  }
}
