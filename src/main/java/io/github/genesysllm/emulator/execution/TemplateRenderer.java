package io.github.genesysllm.emulator.execution;

import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.IncludeEventHandler;
import org.apache.velocity.app.event.InvalidReferenceEventHandler;
import org.apache.velocity.app.event.MethodExceptionEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.StringResourceLoader;
import org.apache.velocity.util.introspection.Info;
import org.slf4j.helpers.NOPLogger;

/**
 * Renders data-action templates with Apache Velocity as contract section 6.1 says: {@code ${x}}
 * null renders as written, {@code $!{x}} as nothing, {@code #if/#else/#end} and the rest of VTL,
 * with {@code $esc}, {@code $encoding} and {@code $math} beside the caller's variables. The engine
 * is sandboxed ({@link SandboxUberspector}), loads no resources ({@code #parse} and {@code
 * #include} are refused), logs nothing (a template or its values never reach a log), and stays
 * within {@link RenderLimits}. Thread-safe.
 */
final class TemplateRenderer {

  /** Genesys Cloud helpers the emulator does not implement: using one is refused, not ignored. */
  private static final Set<String> UNSUPPORTED_HELPERS = Set.of("successTemplateUtils", "urlTool");

  private static final EscHelper ESC = new EscHelper();
  private static final EncodingHelper ENCODING = new EncodingHelper();
  private static final MathHelper MATH = new MathHelper();

  private final VelocityEngine engine = new VelocityEngine();

  TemplateRenderer() {
    engine.setProperty(RuntimeConstants.RUNTIME_LOG_INSTANCE, NOPLogger.NOP_LOGGER);
    engine.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, false);
    engine.setProperty(RuntimeConstants.RUNTIME_LOG_METHOD_CALL_LOG_INVALID, false);
    // Velocity needs a resource loader: an empty in-memory one instead of the file loader
    engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
    engine.setProperty("resource.loader.string.class", StringResourceLoader.class.getName());
    engine.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
    engine.setProperty(RuntimeConstants.RUNTIME_STRING_INTERNING, false);
    // input names may hold '-' (section 5.2): ${input.max-tokens}
    engine.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, true);
    // so that $!urlTool.optionalQueryParam(...) is refused like $urlTool...
    engine.setProperty(RuntimeConstants.EVENTHANDLER_INVALIDREFERENCES_QUIET, true);
    engine.init();
  }

  /** A template that could not be rendered: why, and whether it was the action's deadline. */
  static final class Failure extends Exception {
    final boolean timedOut;

    Failure(String message, boolean timedOut) {
      super(message, null, false, false);
      this.timedOut = timedOut;
    }
  }

  /**
   * Renders {@code template} with {@code variables} (plus {@code esc}, {@code encoding}, {@code
   * math}).
   *
   * @param name what the template is, for messages ({@code requestTemplate}, ...)
   */
  String render(String name, String template, Map<String, Object> variables, Deadline deadline)
      throws Failure {
    VelocityContext context = new VelocityContext();
    variables.forEach(context::put);
    context.put("esc", ESC);
    context.put("encoding", ENCODING);
    context.put("math", MATH);
    EventCartridge events = new EventCartridge();
    events.addEventHandler(new Guard());
    events.attachToContext(context);
    LimitedWriter out = new LimitedWriter();
    RenderLimits.begin(deadline);
    try {
      engine.evaluate(context, out, name, template);
      return out.text.toString();
    } catch (VelocityException | RenderLimits.Exceeded | Refused e) {
      throw failure(name, e);
    } finally {
      RenderLimits.end();
    }
  }

  private static Failure failure(String name, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RenderLimits.Exceeded exceeded) {
        return new Failure(name + ": " + exceeded.getMessage(), exceeded.timedOut);
      }
      if (cause instanceof Refused refused) {
        return new Failure(refused.getMessage(), false);
      }
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return new Failure(message.lines().findFirst().orElse(message), false);
  }

  private static String at(Info info) {
    return " at "
        + info.getTemplateName()
        + "[line "
        + info.getLine()
        + ", column "
        + info.getColumn()
        + "]";
  }

  /** A reference or directive the emulator refuses. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Refuses what the emulator does not support (an unknown method of a helper or of a value, a
   * Genesys helper it lacks, {@code #parse}/{@code #include}) and keeps inserted values within the
   * limits. A missing variable or property is no error: it renders as written.
   */
  private static final class Guard
      implements InvalidReferenceEventHandler,
          ReferenceInsertionEventHandler,
          IncludeEventHandler,
          MethodExceptionEventHandler {

    /** Without this, Velocity renders a failed call as written once a context has handlers. */
    @Override
    public Object methodException(
        Context context, Class<?> type, String method, Exception e, Info info) {
      throw new Refused(method + "() failed" + at(info) + ": " + e);
    }

    @Override
    public Object invalidGetMethod(
        Context context, String reference, Object object, String property, Info info) {
      if (isHelper(object) || UNSUPPORTED_HELPERS.contains(root(reference))) {
        throw new Refused(reference + " is not supported by the emulator" + at(info));
      }
      if (object != null && property != null) {
        throw new Refused(
            reference + ": " + kind(object) + " has no property " + property + at(info));
      }
      return null;
    }

    @Override
    public boolean invalidSetMethod(
        Context context, String leftReference, String rightReference, Info info) {
      return false;
    }

    @Override
    public Object invalidMethod(
        Context context, String reference, Object object, String method, Info info) {
      if (isHelper(object) || UNSUPPORTED_HELPERS.contains(root(reference))) {
        throw new Refused(reference + " is not supported by the emulator" + at(info));
      }
      if (object != null) {
        throw new Refused(
            reference
                + ": "
                + kind(object)
                + " has no method "
                + method
                + " that a template may call"
                + at(info));
      }
      return null;
    }

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
      RenderLimits.size(value instanceof CharSequence ? value : null);
      return value;
    }

    @Override
    public String includeEvent(
        Context context, String includeResourcePath, String currentResourcePath, String directive) {
      throw new Refused(
          "#" + directive + " is not supported: a data-action template cannot load other files");
    }

    private static String kind(Object object) {
      if (object instanceof CharSequence) {
        return "a string";
      }
      if (object instanceof Number) {
        return "a number";
      }
      if (object instanceof Boolean) {
        return "a boolean";
      }
      if (object instanceof Map<?, ?>) {
        return "an object";
      }
      return object instanceof Iterable<?> || object.getClass().isArray() ? "a list" : "this value";
    }

    private static boolean isHelper(Object object) {
      return object == ESC || object == ENCODING || object == MATH;
    }

    /** {@code urlTool} of {@code $!{urlTool.optionalQueryParam()}}. */
    private static String root(String reference) {
      String name = reference.replaceFirst("^\\$!?\\{?", "");
      int end = 0;
      while (end < name.length()
          && (Character.isLetterOrDigit(name.charAt(end)) || name.charAt(end) == '_')) {
        end++;
      }
      return name.substring(0, end);
    }
  }

  /** The rendered text, within {@link RenderLimits#MAX_CHARS} and the deadline. */
  private static final class LimitedWriter extends Writer {
    final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] chars, int offset, int length) {
      RenderLimits.check();
      if (text.length() + length > RenderLimits.MAX_CHARS) {
        throw new RenderLimits.Exceeded(
            false, "the rendered text is over " + RenderLimits.MAX_CHARS + " characters");
      }
      text.append(chars, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
