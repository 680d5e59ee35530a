package io.github.genesysllm.emulator.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.directive.Scope;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * What a data-action template may touch: methods and properties of the values in its context only
 * (strings, numbers, booleans, the JSON maps and lists, the emulator's {@code $esc}, {@code
 * $encoding} and {@code $math}, Velocity's loop scope), never {@code getClass} or anything reached
 * through it, so no template gets at classes, reflection, files or the JVM. A property of a map is
 * always the map's entry ({@code ${input.class}} is the input named {@code class}). Every call,
 * read and loop step is checked against {@link RenderLimits}.
 *
 * <p>Public only because Velocity instantiates its uberspector by class name.
 */
public final class SandboxUberspector extends UberspectImpl {

  private static final Set<String> DENIED_METHODS =
      Set.of("getClass", "wait", "notify", "notifyAll", "repeat", "intern");

  @Override
  public VelMethod getMethod(Object obj, String methodName, Object[] args, Info i) {
    if (obj == null || !allowed(obj.getClass()) || DENIED_METHODS.contains(methodName)) {
      return null;
    }
    VelMethod method = super.getMethod(obj, methodName, args, i);
    return method == null ? null : new LimitedMethod(method);
  }

  @Override
  public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) {
    if (obj instanceof Map<?, ?>) {
      return new MapEntryGet(identifier);
    }
    if (obj == null || !allowed(obj.getClass()) || "class".equals(identifier)) {
      return null;
    }
    VelPropertyGet get = super.getPropertyGet(obj, identifier, i);
    return get == null ? null : new LimitedGet(get);
  }

  @Override
  public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info i) {
    if (obj == null || !allowed(obj.getClass())) {
      return null;
    }
    return super.getPropertySet(obj, identifier, arg, i);
  }

  @Override
  public Iterator getIterator(Object obj, Info i) {
    if (obj == null || !allowed(obj.getClass())) {
      return null;
    }
    Iterator<?> iterator = super.getIterator(obj, i);
    return iterator == null ? null : new LimitedIterator(iterator);
  }

  static boolean allowed(Class<?> type) {
    if (type.isArray()) {
      return allowed(type.getComponentType());
    }
    String name = type.getName();
    return type == String.class
        || type == Boolean.class
        || type == Character.class
        || (Number.class.isAssignableFrom(type)
            && (name.startsWith("java.lang.") || name.startsWith("java.math.")))
        || ((Map.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type)
                || Map.Entry.class.isAssignableFrom(type))
            && name.startsWith("java.util."))
        || type == EscHelper.class
        || type == EncodingHelper.class
        || type == MathHelper.class
        || type == ASTIntegerRange.IntegerRange.class
        || Scope.class.isAssignableFrom(type)
        || type == Scope.Info.class;
  }

  /** A method call that counts against the limits and may not return an oversized text. */
  private record LimitedMethod(VelMethod method) implements VelMethod {
    @Override
    public Object invoke(Object o, Object[] params)
        throws IllegalAccessException, InvocationTargetException {
      RenderLimits.check();
      Object result = method.invoke(o, params);
      RenderLimits.size(result);
      return result;
    }

    @Override
    public boolean isCacheable() {
      return method.isCacheable();
    }

    @Override
    public String getMethodName() {
      return method.getMethodName();
    }

    @Override
    public Method getMethod() {
      return method.getMethod();
    }

    @Override
    public Class<?> getReturnType() {
      return method.getReturnType();
    }
  }

  private record LimitedGet(VelPropertyGet get) implements VelPropertyGet {
    @Override
    public Object invoke(Object o) throws Exception {
      RenderLimits.check();
      return get.invoke(o);
    }

    @Override
    public boolean isCacheable() {
      return get.isCacheable();
    }

    @Override
    public String getMethodName() {
      return get.getMethodName();
    }
  }

  /** {@code $map.key}: the entry, whatever methods a map has. */
  private record MapEntryGet(String key) implements VelPropertyGet {
    @Override
    public Object invoke(Object o) {
      RenderLimits.check();
      return o instanceof Map<?, ?> map ? map.get(key) : null;
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public String getMethodName() {
      return "get";
    }
  }

  private record LimitedIterator(Iterator<?> iterator) implements Iterator<Object> {
    @Override
    public boolean hasNext() {
      RenderLimits.check();
      return iterator.hasNext();
    }

    @Override
    public Object next() {
      RenderLimits.iteration();
      return iterator.next();
    }
  }
}
