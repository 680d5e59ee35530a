package io.github.genesysllm.config;

import io.github.genesysllm.problem.HintKey;

/**
 * The kinds of fix a configuration problem suggests. Where the problem's words already say the rule
 * to follow, the fix has the key alone; an edge may add its build tool's own how-to for a key (how
 * to add a server entry, say).
 */
public enum ConfigHint implements HintKey {
  /** Name the file {@code .yaml}, {@code .yml} or {@code .json}. */
  NAME_FILE_BY_FORMAT,
  /**
   * Point the setting at a regular file of the right kind (not a directory, a pipe, a huge file).
   */
  POINT_AT_A_FILE,
  /** Correct the path of a file that does not exist. */
  CHECK_THE_PATH,
  /** Let the build read or write the file. */
  ALLOW_FILE_ACCESS,
  /** Save the file as UTF-8. */
  SAVE_AS_UTF8,
  /** Correct the file's YAML or JSON syntax at the line given. */
  FIX_SYNTAX,
  /** Write only what a configuration holds: one document, plain values, no alias, no tag. */
  WRITE_PLAIN_VALUES,
  /**
   * Give the file the shape of a configuration: one object whose only field is the list of
   * providers, at most 10,000 of them, each an object.
   */
  GIVE_PROVIDERS_LIST,
  /** Configure at least one provider. */
  CONFIGURE_PROVIDERS,
  /** Rename or remove a field that the configuration does not have. */
  REMOVE_UNKNOWN_FIELD,
  /** Remove one of two equal keys. */
  REMOVE_DUPLICATE_KEY,
  /** Give the field a value that its rule, which the problem states, accepts. */
  FOLLOW_FIELD_RULE,
  /** Rename or remove one of two providers whose names are the same by the name rule. */
  RENAME_DUPLICATE_PROVIDER,
  /** Configure a provider in one place only. */
  CONFIGURE_PROVIDER_ONCE,
  /** Give a provider a source of its API key. */
  GIVE_KEY_SOURCE,
  /** Keep one of several sources of an API key. */
  KEEP_ONE_KEY_SOURCE,
  /** Set an environment variable in the build's environment. */
  SET_ENVIRONMENT_VARIABLE,
  /** Set both variables of a pair, or neither. */
  SET_BOTH_OR_NEITHER,
  /** Write a placeholder as placeholders are written. */
  FIX_PLACEHOLDER,
  /** Define the build property a placeholder names, or write the value itself. */
  DEFINE_PROPERTY,
  /** Add server credentials whose password is a provider's API key. */
  ADD_KEY_SERVER,
  /** Add server credentials holding the OAuth client's id and secret. */
  ADD_CREDENTIALS_SERVER,
  /** Fill in what server credentials lack (a username, a password). */
  COMPLETE_SERVER,
  /** Make a server's encrypted password readable again. */
  DECRYPT_SERVER_PASSWORD,
  /** Allow an existing file to be replaced. */
  ALLOW_OVERWRITE,
  /** Choose a path that can be written. */
  CHOOSE_ANOTHER_PATH,
  /** Export an organization that has providers. */
  EXPORT_ANOTHER_ORGANIZATION,
  /** Rename providers in the organization so that their names differ by the name rule. */
  RENAME_IN_ORGANIZATION
}
