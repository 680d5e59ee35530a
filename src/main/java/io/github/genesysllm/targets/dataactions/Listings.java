package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.ApiRequest;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a listing of the API to its end (contract section 1.3), bounded whatever the server
 * answers: at most {@value #MAX_PAGES} pages, and an entity listed twice is refused (a server that
 * does not page as the contract says would otherwise be read forever).
 */
final class Listings {

  /** Listings longer than this many pages are refused rather than read forever. */
  static final int MAX_PAGES = 500;

  private static final String LISTING = "the contract's listing (an object with 'entities')";

  private final Rest rest;

  Listings(Rest rest) {
    this.rest = rest;
  }

  /**
   * One page: of a page-number listing, its {@code pageCount}; of a cursor listing, whether a
   * {@code nextUri} follows.
   */
  private record Page<E>(List<E> entities, int pageCount, boolean hasNext) {}

  /**
   * A page-number listing ({@code pathAndQuery} holds its query, without {@code pageNumber}), until
   * an empty page or the last of {@code pageCount}.
   */
  <T> List<T> pages(
      String pathAndQuery, String what, Function<JsonNode, T> entity, Function<T, String> id) {
    List<T> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      Page<T> read = read(pathAndQuery + "&pageNumber=" + page, what, entity);
      add(all, seen, read.entities(), id, what, "pageNumber=" + page);
      if (read.entities().isEmpty() || page >= read.pageCount()) {
        return all;
      }
    }
    throw tooLong(what);
  }

  /**
   * The cursor listing, with the last entity's id as the {@code after} cursor, until an empty page
   * or a short page without a {@code nextUri}.
   */
  <T> List<T> cursor(
      String path,
      int pageSize,
      String what,
      Function<JsonNode, T> entity,
      Function<T, String> id) {
    List<T> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String after = null;
    for (int page = 1; page <= MAX_PAGES; page++) {
      String query =
          "?pageSize=" + pageSize + (after == null ? "" : "&after=" + ApiRequest.encode(after));
      Page<T> read = read(path + query, what, entity);
      List<T> entities = read.entities();
      add(all, seen, entities, id, what, "after=" + after);
      // a short page that points nowhere further is the last: no empty page to ask for
      if (entities.isEmpty() || entities.size() < pageSize && !read.hasNext()) {
        return all;
      }
      after = id.apply(entities.get(entities.size() - 1));
    }
    throw tooLong(what);
  }

  private <T> Page<T> read(String pathAndQuery, String what, Function<JsonNode, T> entity) {
    return rest.get(
        pathAndQuery,
        what,
        LISTING,
        node ->
            new Page<>(
                DataActionsJson.entities(node, entity),
                DataActionsJson.pageCount(node),
                DataActionsJson.hasNext(node)));
  }

  private static <T> void add(
      List<T> all, Set<String> seen, List<T> page, Function<T, String> id, String what, String at) {
    for (T one : page) {
      if (!seen.add(id.apply(one))) {
        throw new GenesysApiException(
            Problem.at(
                Place.NOWHERE,
                "the listing of "
                    + what
                    + " showed "
                    + id.apply(one)
                    + " again at "
                    + at
                    + ": the server does not page as the contract says",
                checkApiUrl()),
            null);
      }
      all.add(one);
    }
  }

  private static GenesysApiException tooLong(String what) {
    return new GenesysApiException(
        Problem.at(
            Place.NOWHERE,
            "the listing of "
                + what
                + " goes on past "
                + MAX_PAGES
                + " pages; the plugin stops there rather than read without end",
            checkApiUrl()),
        null);
  }

  /** A server that does not page as Genesys Cloud does is likely not Genesys Cloud. */
  private static Fix checkApiUrl() {
    return Fix.of(
        DataActionsHint.CHECK_API_URL,
        "check that the API URL is Genesys Cloud's: ",
        Setting.REGION,
        " or ",
        Setting.API_URL);
  }
}
