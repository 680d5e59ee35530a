package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problem of one configured provider that failed ({@link ProviderOutcome}, {@link
 * ProviderRemoval}): made from what a change threw, worded on the provider's line (the provider
 * itself not named again), and its fields for a report.
 */
public final class ProviderProblems {

  private ProviderProblems() {}

  /**
   * What {@code e} says, as one problem: a {@link Reported} exception's problem (several as the
   * first, the others' words added); any other's class and message. Withheld, should its words ever
   * contain the provider's key.
   */
  public static Problem of(RuntimeException e, Secret apiKey) {
    Problem problem;
    if (e instanceof Reported reported && !reported.problems().isEmpty()) {
      List<Problem> all = reported.problems();
      Problem first = all.get(0);
      problem =
          all.size() == 1
              ? first
              : first.withWhat(
                  first.what()
                      + " (and: "
                      + all.subList(1, all.size()).stream()
                          .map(Problem::toString)
                          .collect(Collectors.joining("; "))
                      + ")");
    } else {
      problem = Problem.at(Place.NOWHERE, e.toString(), null);
    }
    return apiKey.occursIn(problem.toString())
        ? Problem.at(
            Place.NOWHERE,
            e.getClass().getName()
                + " (its message is withheld: it contained the provider's API key)",
            null)
        : problem;
  }

  /**
   * {@code problem} as met while {@code doing} something ({@code creating it}), with {@code after}
   * (or null) added to what it says.
   */
  public static Problem during(String doing, Problem problem, String after) {
    return problem.withWhat(
        "while " + doing + ": " + problem.what() + (after == null ? "" : after));
  }

  /**
   * One line, safe to print, on the line of {@code provider}: a place at the provider itself is
   * said by its field alone.
   */
  public static String line(Problem problem, String provider, Wording wording) {
    Place where = problem.where();
    String field = "";
    if (where instanceof Place.OfProvider at && at.provider().equals(provider)) {
      field = at.field() == null ? "" : "field " + at.field() + ": ";
      where = Place.NOWHERE;
    }
    return SafeText.of(field + problem.withWhere(where).render(wording));
  }

  /**
   * The fields a script can use without reading words: {@code hint} (the fix's key), {@code field}
   * (of the provider), {@code request} (method and path), {@code settings} (the parameters the fix
   * names), {@code correlationId}; each only when known.
   */
  public static ObjectNode toJson(Problem problem) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (problem.hint() != null) {
      node.put("hint", problem.hint().name());
    }
    if (problem.where() instanceof Place.OfProvider at && at.field() != null) {
      node.put("field", at.field());
    }
    if (problem.where() instanceof Place.Request request) {
      node.put("request", SafeText.of(request.method() + " " + request.path()));
    }
    List<Setting> settings = problem.fix() == null ? List.of() : problem.fix().settings();
    if (!settings.isEmpty()) {
      ArrayNode names = node.putArray("settings");
      settings.stream().distinct().forEach(s -> names.add(s.parameter()));
    }
    if (problem.correlationId() != null) {
      node.put("correlationId", problem.correlationId());
    }
    return node;
  }
}
