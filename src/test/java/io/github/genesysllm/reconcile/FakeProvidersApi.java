package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An in-memory provider resource that behaves as the contract says: versions from 1, +1 per PUT;
 * names unique ignoring case (409 {@code general.conflict} with {@code entityId}); 409 {@code
 * version.mismatch} on a stale version; 404; 400 {@code invalid.value} for a body that breaks a
 * rule. Thread-safe.
 *
 * <p>Tests count its calls, add random latency, and inject what a real server and other pipelines
 * do: an action run before a call (another pipeline creating, changing or deleting a provider), a
 * failure before a call is applied, or one after it was applied (an answer lost). Injections name
 * the provider the call is about ({@code null}: any call of that kind).
 */
final class FakeProvidersApi implements ProvidersApi {

  enum Op {
    LIST_ALL,
    FIND_BY_NAME,
    GET,
    CREATE,
    UPDATE,
    DELETE
  }

  private record Stored(Provider provider, Secret apiKey) {}

  private record Injection(
      Op op,
      String name,
      boolean once,
      Runnable before,
      RuntimeException failBefore,
      RuntimeException failAfter) {

    boolean matches(Op callOp, String subject) {
      return op == callOp && (name == null || name.equalsIgnoreCase(subject));
    }
  }

  /** By id, in creation order. */
  private final Map<String, Stored> providers = new LinkedHashMap<>();

  private final List<Injection> injections = new ArrayList<>();
  private final Map<Op, AtomicInteger> calls = new EnumMap<>(Op.class);
  private final List<String> writes = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile int maxLatencyMillis;

  FakeProvidersApi() {
    for (Op op : Op.values()) {
      calls.put(op, new AtomicInteger());
    }
  }

  // ---- the contract

  @Override
  public List<Provider> listAll() {
    return call(
        Op.LIST_ALL, null, () -> providers.values().stream().map(Stored::provider).toList());
  }

  @Override
  public Optional<Provider> findByName(String name) {
    return call(
        Op.FIND_BY_NAME, name, () -> Optional.ofNullable(storedByName(name)).map(Stored::provider));
  }

  @Override
  public Provider get(String id) {
    return call(Op.GET, nameOf(id), () -> stored(id).provider());
  }

  @Override
  public Provider create(ProviderSettings settings, Secret apiKey) {
    return call(
        Op.CREATE,
        settings.name(),
        () -> {
          check(ProviderJson.toRequestBody(settings, apiKey, null), ProviderRules.Operation.CREATE);
          Stored holder = storedByName(settings.name());
          if (holder != null) {
            throw nameTaken(settings.name(), holder);
          }
          writes.add("CREATE " + settings.name());
          return put(UUID.randomUUID().toString(), settings, apiKey, 1);
        });
  }

  @Override
  public Provider update(String id, long version, ProviderSettings settings, Secret apiKey) {
    return call(
        Op.UPDATE,
        settings.name(),
        () -> {
          check(
              ProviderJson.toRequestBody(settings, apiKey, version),
              ProviderRules.Operation.UPDATE);
          Stored current = stored(id);
          if (current.provider().version() != version) {
            throw error(
                409,
                "version.mismatch",
                "The version given, "
                    + version
                    + ", is not the current one, "
                    + current.provider().version(),
                null);
          }
          Stored holder = storedByName(settings.name());
          if (holder != null && !holder.provider().id().equals(id)) {
            throw nameTaken(settings.name(), holder);
          }
          writes.add("UPDATE " + settings.name());
          return put(id, settings, apiKey == null ? current.apiKey() : apiKey, version + 1);
        });
  }

  @Override
  public void delete(String id) {
    call(
        Op.DELETE,
        nameOf(id),
        () -> {
          Stored gone = stored(id);
          writes.add("DELETE " + gone.provider().name());
          return providers.remove(id);
        });
  }

  // ---- what tests set up and look at

  /** Creates a provider as another pipeline would: not counted as a call. */
  synchronized Provider seed(ProviderSettings settings, Secret apiKey) {
    return put(UUID.randomUUID().toString(), settings, apiKey, 1);
  }

  /** Changes a provider as another pipeline would: its version goes up. */
  synchronized Provider change(String name, UnaryOperator<ProviderSettings> edit) {
    Stored current = storedByName(name);
    return put(
        current.provider().id(),
        edit.apply(current.provider().settings()),
        current.apiKey(),
        current.provider().version() + 1);
  }

  /** Deletes a provider as another pipeline would. */
  synchronized void remove(String name) {
    providers.remove(storedByName(name).provider().id());
  }

  synchronized Optional<Provider> byName(String name) {
    return Optional.ofNullable(storedByName(name)).map(Stored::provider);
  }

  synchronized Secret apiKeyOf(String name) {
    return storedByName(name).apiKey();
  }

  synchronized long countNamed(String name) {
    return providers.values().stream()
        .filter(s -> s.provider().name().equalsIgnoreCase(name))
        .count();
  }

  synchronized int size() {
    return providers.size();
  }

  int calls(Op op) {
    return calls.get(op).get();
  }

  /** Creates, updates and deletes applied, as {@code "UPDATE name"}, in the order applied. */
  synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  /** The most calls that were ever in progress at once. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Every call first waits a random 0 to {@code millis} milliseconds. */
  FakeProvidersApi latency(int millis) {
    maxLatencyMillis = millis;
    return this;
  }

  /** Runs {@code action} before the next call of {@code op} about {@code name} is applied. */
  synchronized FakeProvidersApi beforeNext(Op op, String name, Runnable action) {
    injections.add(new Injection(op, name, true, action, null, null));
    return this;
  }

  /** Runs {@code action} before every call of {@code op} about {@code name}. */
  synchronized FakeProvidersApi beforeEach(Op op, String name, Runnable action) {
    injections.add(new Injection(op, name, false, action, null, null));
    return this;
  }

  /**
   * The next call of {@code op} about {@code name} fails with {@code failure} and is not applied.
   */
  synchronized FakeProvidersApi failNext(Op op, String name, RuntimeException failure) {
    injections.add(new Injection(op, name, true, null, failure, null));
    return this;
  }

  /** Every call of {@code op} about {@code name} fails with {@code failure} and is not applied. */
  synchronized FakeProvidersApi failEach(Op op, String name, RuntimeException failure) {
    injections.add(new Injection(op, name, false, null, failure, null));
    return this;
  }

  /**
   * The next call of {@code op} about {@code name} is applied, then its answer is lost: {@code
   * failure}.
   */
  synchronized FakeProvidersApi loseAnswerOfNext(Op op, String name, RuntimeException failure) {
    injections.add(new Injection(op, name, true, null, null, failure));
    return this;
  }

  static OutcomeUnknownException outcomeUnknown() {
    return new OutcomeUnknownException(
        Problem.at(Place.NOWHERE, "the connection was reset after the request was sent", null),
        0,
        null);
  }

  static GenesysApiException error(int status, String code, String message, String entityId) {
    String correlationId = UUID.randomUUID().toString();
    return new GenesysApiException(
        new Problem(
            Place.NOWHERE, "HTTP " + status + " " + code + ": " + message, null, correlationId),
        status,
        code,
        message,
        entityId,
        List.of(),
        null);
  }

  // ---- inside

  private <T> T call(Op op, String subject, Supplier<T> action) {
    calls.get(op).incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      if (maxLatencyMillis > 0) {
        Thread.sleep(ThreadLocalRandom.current().nextInt(maxLatencyMillis + 1));
      }
      Injection injection = takeInjection(op, subject);
      if (injection != null && injection.before() != null) {
        injection.before().run();
      }
      if (injection != null && injection.failBefore() != null) {
        throw injection.failBefore();
      }
      T result;
      synchronized (this) {
        result = action.get();
      }
      if (injection != null && injection.failAfter() != null) {
        throw injection.failAfter();
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenesysApiException("interrupted", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private synchronized Injection takeInjection(Op op, String subject) {
    for (Iterator<Injection> it = injections.iterator(); it.hasNext(); ) {
      Injection injection = it.next();
      if (injection.matches(op, subject)) {
        if (injection.once()) {
          it.remove();
        }
        return injection;
      }
    }
    return null;
  }

  private Provider put(String id, ProviderSettings settings, Secret apiKey, long version) {
    String created = providers.containsKey(id) ? providers.get(id).provider().dateCreated() : now();
    Provider provider =
        new Provider(id, settings, true, version, created, now(), "/api/v2/ai/llm/providers/" + id);
    providers.put(id, new Stored(provider, apiKey));
    return provider;
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private Stored stored(String id) {
    Stored stored = providers.get(id);
    if (stored == null) {
      throw error(404, "not.found", "No provider with id " + id, null);
    }
    return stored;
  }

  private Stored storedByName(String name) {
    return providers.values().stream()
        .filter(s -> s.provider().name().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  private synchronized String nameOf(String id) {
    Stored stored = providers.get(id);
    return stored == null ? null : stored.provider().name();
  }

  private static GenesysApiException nameTaken(String name, Stored holder) {
    return error(
        409,
        "general.conflict",
        "A provider named '" + name + "' already exists",
        holder.provider().id());
  }

  private static void check(JsonNode body, ProviderRules.Operation operation) {
    List<FieldViolation> violations = ProviderRules.validate(body, operation);
    if (!violations.isEmpty()) {
      String correlationId = UUID.randomUUID().toString();
      throw new GenesysApiException(
          new Problem(Place.NOWHERE, "HTTP 400 invalid.value: " + violations, null, correlationId),
          400,
          "invalid.value",
          "invalid value",
          null,
          violations.stream().map(FieldViolation::field).toList(),
          null);
    }
  }
}
