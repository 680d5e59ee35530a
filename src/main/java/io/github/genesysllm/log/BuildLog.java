package io.github.genesysllm.log;

/**
 * Where plain classes write for the build log, so that they know nothing of Maven: the mojos pass
 * an adapter over Maven's {@code Log}, tests pass a recorder. Never give it a secret.
 */
public interface BuildLog {

  void debug(String message);

  void info(String message);

  void warn(String message);

  /** A log that drops everything. */
  BuildLog SILENT =
      new BuildLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
      };
}
