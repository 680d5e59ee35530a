package io.github.genesysllm.emulator.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * {@code $math} in data-action templates: the arithmetic of Velocity Tools' MathTool (contract
 * section 6.1). Arguments are numbers or numeric strings; an argument that is neither, or a
 * division by zero, gives null (the reference renders as written), as MathTool does. A result is a
 * whole number when every argument was one and it has no fraction, otherwise a double.
 *
 * <p>Public only because Velocity calls public methods of public classes.
 */
public final class MathHelper {

  private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

  public Number add(Object... values) {
    return fold(values, Double::sum);
  }

  public Number sub(Object... values) {
    return fold(values, (a, b) -> a - b);
  }

  public Number mul(Object... values) {
    return fold(values, (a, b) -> a * b);
  }

  public Number div(Object... values) {
    Number[] numbers = numbers(values);
    if (numbers == null) {
      return null;
    }
    double result = numbers[0].doubleValue();
    for (int i = 1; i < numbers.length; i++) {
      if (numbers[i].doubleValue() == 0) {
        return null;
      }
      result /= numbers[i].doubleValue();
    }
    return match(result, numbers);
  }

  public Number max(Object... values) {
    return fold(values, Math::max);
  }

  public Number min(Object... values) {
    return fold(values, Math::min);
  }

  public Number pow(Object base, Object exponent) {
    Number[] numbers = numbers(base, exponent);
    return numbers == null
        ? null
        : match(Math.pow(numbers[0].doubleValue(), numbers[1].doubleValue()), numbers);
  }

  /** Integer division; null when either is not whole or the divisor is 0. */
  public Integer idiv(Object dividend, Object divisor) {
    Number[] numbers = numbers(dividend, divisor);
    if (numbers == null || !whole(numbers[0]) || !whole(numbers[1]) || numbers[1].intValue() == 0) {
      return null;
    }
    return numbers[0].intValue() / numbers[1].intValue();
  }

  public Integer mod(Object dividend, Object divisor) {
    Number[] numbers = numbers(dividend, divisor);
    if (numbers == null || !whole(numbers[0]) || !whole(numbers[1]) || numbers[1].intValue() == 0) {
      return null;
    }
    return numbers[0].intValue() % numbers[1].intValue();
  }

  public Number abs(Object value) {
    Number[] numbers = numbers(value);
    return numbers == null ? null : match(Math.abs(numbers[0].doubleValue()), numbers);
  }

  public Integer ceil(Object value) {
    Number number = toNumber(value);
    return number == null ? null : (int) Math.ceil(number.doubleValue());
  }

  public Integer floor(Object value) {
    Number number = toNumber(value);
    return number == null ? null : (int) Math.floor(number.doubleValue());
  }

  public Integer round(Object value) {
    Number number = toNumber(value);
    return number == null ? null : (int) Math.round(number.doubleValue());
  }

  /** {@code value} rounded half up to {@code decimals} places. */
  public Double roundTo(Object decimals, Object value) {
    Number places = toNumber(decimals);
    Number number = toNumber(value);
    if (places == null || number == null || !whole(places)) {
      return null;
    }
    return BigDecimal.valueOf(number.doubleValue())
        .setScale(places.intValue(), RoundingMode.HALF_UP)
        .doubleValue();
  }

  public Integer toInteger(Object value) {
    Number number = toNumber(value);
    return number == null ? null : number.intValue();
  }

  public Double toDouble(Object value) {
    Number number = toNumber(value);
    return number == null ? null : number.doubleValue();
  }

  /** {@code value} as a number: itself, or a numeric string parsed; null otherwise. */
  public Number toNumber(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).strip();
    try {
      return WHOLE.matcher(text).matches() ? (Number) Long.valueOf(text) : Double.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private interface Operation {
    double apply(double a, double b);
  }

  private Number fold(Object[] values, Operation operation) {
    Number[] numbers = numbers(values);
    if (numbers == null) {
      return null;
    }
    double result = numbers[0].doubleValue();
    for (int i = 1; i < numbers.length; i++) {
      result = operation.apply(result, numbers[i].doubleValue());
    }
    return match(result, numbers);
  }

  private Number[] numbers(Object... values) {
    if (values == null || values.length == 0) {
      return null;
    }
    Number[] numbers = new Number[values.length];
    for (int i = 0; i < values.length; i++) {
      numbers[i] = toNumber(values[i]);
      if (numbers[i] == null) {
        return null;
      }
    }
    return numbers;
  }

  private static boolean whole(Number n) {
    return n instanceof Integer
        || n instanceof Long
        || n instanceof Short
        || n instanceof Byte
        || n instanceof BigInteger;
  }

  private static Number match(double result, Number... inputs) {
    for (Number input : inputs) {
      if (!whole(input)) {
        return result;
      }
    }
    if (Double.isInfinite(result)
        || result != Math.rint(result)
        || Math.abs(result) > Long.MAX_VALUE) {
      return result;
    }
    long whole = (long) result;
    return whole == (int) whole ? (Number) (int) whole : (Number) whole;
  }
}
