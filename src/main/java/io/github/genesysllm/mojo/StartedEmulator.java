package io.github.genesysllm.mojo;

import io.github.genesysllm.emulator.Emulator;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The emulator {@code emulator-start} started for a project, kept in Maven's plugin context of that
 * project (the way maven-deploy-plugin keeps state between goals), so that {@code emulator-stop}
 * finds it and the goals aimed at its URL use its client. Nothing is kept JVM-wide: two builds in
 * one JVM (an IDE, mvnd) never see each other's emulator.
 */
final class StartedEmulator {

  private static final String KEY = StartedEmulator.class.getName();

  private StartedEmulator() {}

  /** The running emulator kept in {@code pluginContext}, if any. */
  static Optional<Emulator> runningIn(Map<String, Object> pluginContext) {
    // instanceof: a project built with another version of the plugin keeps another class
    return pluginContext.get(KEY) instanceof Emulator emulator && !emulator.isClosed()
        ? Optional.of(emulator)
        : Optional.empty();
  }

  /**
   * The running emulator started in this build that serves {@code apiUrl}: kept in the plugin
   * context of its project, which in a reactor may be another module (the parent, say) than the one
   * asking.
   */
  static Optional<Emulator> serving(MavenSession session, PluginDescriptor plugin, URI apiUrl) {
    return session.getProjects().stream()
        .flatMap(project -> runningIn(session.getPluginContext(plugin, project)).stream())
        .filter(emulator -> emulator.serves(apiUrl))
        .findFirst();
  }

  static void keep(Map<String, Object> pluginContext, Emulator emulator) {
    pluginContext.put(KEY, emulator);
  }

  /** Removes the emulator kept in {@code pluginContext} and returns it if it still runs. */
  static Optional<Emulator> take(Map<String, Object> pluginContext) {
    Optional<Emulator> running = runningIn(pluginContext);
    pluginContext.remove(KEY);
    return running;
  }
}
