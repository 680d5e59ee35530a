import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Leaves the emulator's state file as an older plugin would have left the organization: the
 * action's contract is the plugin's contract 0, not its current one. Run by the JDK as a
 * single-file program, after the emulator stopped: java OlderContract.java stateFile
 */
public class OlderContract {

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    String text = Files.readString(state);
    String current = "(contract 1 of genesys-llm-maven-plugin)";
    if (!text.contains(current)) {
      throw new IllegalStateException(state + " holds no action of the plugin's contract 1");
    }
    Files.writeString(state, text.replace(current, "(contract 0 of genesys-llm-maven-plugin)"));
    System.out.println("OlderContract: the action in " + state + " now has contract 0");
  }
}
