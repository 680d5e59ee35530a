package io.github.genesysllm.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** The machine and JVM the figures were measured on, for the report's header. */
final class Machine {

  private Machine() {}

  /**
   * Markdown list items: processors, memory, Java (as {@code java -version} prints it), OS, the
   * JVM's heap.
   */
  static String describe() {
    Runtime runtime = Runtime.getRuntime();
    long memory =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    String collectors =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", "));
    return "- Processors (nproc): "
        + runtime.availableProcessors()
        + "\n"
        + "- Memory: "
        + gib(memory)
        + " total\n"
        + "- Java (`java -version`): "
        + javaVersion()
        + "\n"
        + "- OS: "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch")
        + distribution()
        + "\n"
        + "- Benchmark JVM: max heap "
        + gib(runtime.maxMemory())
        + ", collectors "
        + collectors
        + ", JVM options "
        + ManagementFactory.getRuntimeMXBean().getInputArguments()
        + "\n";
  }

  /** The three lines of {@code java -version}, joined with " / ". */
  private static String javaVersion() {
    String date = System.getProperty("java.version.date", "");
    return String.join(
        " / ",
        (System.getProperty("java.runtime.name", "").contains("OpenJDK") ? "openjdk" : "java")
            + " version \""
            + System.getProperty("java.version")
            + "\""
            + (date.isEmpty() ? "" : " " + date),
        System.getProperty("java.runtime.name")
            + " (build "
            + System.getProperty("java.runtime.version")
            + ")",
        System.getProperty("java.vm.name")
            + " (build "
            + System.getProperty("java.vm.version")
            + ", "
            + System.getProperty("java.vm.info")
            + ")");
  }

  /** {@code (Debian GNU/Linux 12 (bookworm))} from /etc/os-release, or nothing. */
  private static String distribution() {
    Path osRelease = Path.of("/etc/os-release");
    try {
      return Files.readAllLines(osRelease).stream()
          .filter(line -> line.startsWith("PRETTY_NAME="))
          .map(line -> " (" + line.substring("PRETTY_NAME=".length()).replace("\"", "") + ")")
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
