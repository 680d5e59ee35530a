package io.github.genesysllm.mojo;

import io.github.genesysllm.log.SafeText;
import org.apache.maven.plugin.logging.Log;

/**
 * Maven's log with every line passed through {@link SafeText}: whatever a goal logs (a provider's
 * name, a server's text, a path), one call is one line, without a URL's password.
 */
final class SafeLog implements Log {

  private final Log log;

  SafeLog(Log log) {
    this.log = log;
  }

  @Override
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }

  @Override
  public void debug(CharSequence content) {
    log.debug(SafeText.of(content));
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    log.debug(SafeText.of(content), error);
  }

  @Override
  public void debug(Throwable error) {
    log.debug(error);
  }

  @Override
  public boolean isInfoEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public void info(CharSequence content) {
    log.info(SafeText.of(content));
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    log.info(SafeText.of(content), error);
  }

  @Override
  public void info(Throwable error) {
    log.info(error);
  }

  @Override
  public boolean isWarnEnabled() {
    return log.isWarnEnabled();
  }

  @Override
  public void warn(CharSequence content) {
    log.warn(SafeText.of(content));
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    log.warn(SafeText.of(content), error);
  }

  @Override
  public void warn(Throwable error) {
    log.warn(error);
  }

  @Override
  public boolean isErrorEnabled() {
    return log.isErrorEnabled();
  }

  @Override
  public void error(CharSequence content) {
    log.error(SafeText.of(content));
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    log.error(SafeText.of(content), error);
  }

  @Override
  public void error(Throwable error) {
    log.error(error);
  }
}
