package io.github.genesysllm.problem;

/**
 * How a build tool spells settings and places in a problem. {@link #PLAIN} uses the plugin's own
 * names (what an exception's message says); the Maven edge spells them as its users write them.
 */
public interface Wording {

  /** A setting, named so that a user finds where to set it. */
  String setting(Setting setting);

  /** A setting given a value, as the user would write it. */
  String settingValue(SettingValue value);

  /** A place. */
  String place(Place place);

  /**
   * The words of a fix: its parts spelled by this wording. An edge may add a sentence of its own
   * for a hint key whose how-to only its build tool can say (how to add a server entry, say).
   */
  default String fix(Fix fix) {
    return fix.render(this);
  }

  /**
   * The words for the places every build tool spells alike: a file's line, a provider's field, a
   * setting, a request; null for {@link Place.InlineProvider}, {@link Place.ServerEntry} and {@link
   * Place.Property}, which each edge words itself.
   */
  static String common(Wording wording, Place place) {
    if (place instanceof Place.InFile file) {
      return file.line() == 0 ? file.file() : file.file() + ":" + file.line();
    }
    if (place instanceof Place.OfProvider provider) {
      return "provider '"
          + provider.provider()
          + "'"
          + (provider.field() == null ? "" : ", field " + provider.field());
    }
    if (place instanceof Place.OfSetting setting) {
      return wording.setting(setting.setting());
    }
    if (place instanceof Place.Request request) {
      return request.method() + " " + request.path();
    }
    return place instanceof Place.Nowhere ? "" : null;
  }

  /** The plugin's own names: {@code configFile}, {@code configFile=x}, {@code providers.yaml:3}. */
  Wording PLAIN =
      new Wording() {
        @Override
        public String setting(Setting setting) {
          return setting.parameter();
        }

        @Override
        public String settingValue(SettingValue value) {
          return value.setting().parameter() + "=" + value.value();
        }

        @Override
        public String place(Place place) {
          if (place instanceof Place.InlineProvider inline) {
            return "configured provider #" + inline.number();
          }
          if (place instanceof Place.ServerEntry server) {
            return "server credentials '" + server.id() + "'";
          }
          if (place instanceof Place.Property property) {
            return "property '" + property.name() + "'";
          }
          return Wording.common(this, place);
        }
      };
}
