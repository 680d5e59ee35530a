package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.PageEnvelope;
import io.github.genesysllm.provider.ProviderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The listing envelopes of contract section 1.3: page-number listings ({@code pageSize} 1 to 100,
 * more taken as 100; a page past the end is empty) and the credentials' cursor listing ({@code
 * after}/{@code before} an entity id, in id order; {@code pageSize} up to 200).
 */
final class Paging {

  static final int DEFAULT_PAGE_SIZE = 25;
  static final int MAX_PAGE_SIZE = 100;
  static final int MAX_CURSOR_PAGE_SIZE = 200;

  private Paging() {}

  /** One page of {@code all} with the page-number envelope. */
  static ObjectNode pageNumbered(ApiRequest r, List<? extends JsonNode> all) {
    int pageSize = Query.number(r, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    int pageNumber = Query.number(r, "pageNumber", 1, 1, Integer.MAX_VALUE);
    String base = uriWithout(r, "pageSize", "pageNumber") + "pageSize=" + pageSize;
    return PageEnvelope.of(
        all, pageSize, pageNumber, entity -> entity, page -> base + "&pageNumber=" + page);
  }

  /**
   * One page of {@code all} (sorted by id) after the {@code after} id or before the {@code before}
   * id, with the cursor envelope. An id need not exist: the page starts where it would be.
   */
  static <T> ObjectNode cursor(
      ApiRequest r, List<T> all, Function<T, String> id, Function<T, JsonNode> render) {
    int pageSize = Query.number(r, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_CURSOR_PAGE_SIZE);
    String after = r.query().get("after");
    String before = r.query().get("before");
    if (after != null && before != null) {
      throw Query.invalid("after", "and before cannot be given together");
    }
    List<T> page = new ArrayList<>();
    boolean more;
    boolean earlier;
    if (before != null) {
      List<T> preceding = all.stream().filter(t -> id.apply(t).compareTo(before) < 0).toList();
      int from = Math.max(0, preceding.size() - pageSize);
      page.addAll(preceding.subList(from, preceding.size()));
      earlier = from > 0;
      more = preceding.size() < all.size();
    } else {
      List<T> following =
          all.stream().filter(t -> after == null || id.apply(t).compareTo(after) > 0).toList();
      page.addAll(following.subList(0, Math.min(pageSize, following.size())));
      more = following.size() > pageSize;
      earlier = following.size() < all.size();
    }
    String base = uriWithout(r, "pageSize", "after", "before") + "pageSize=" + pageSize;
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    ArrayNode entities = body.putArray("entities");
    page.forEach(t -> entities.add(render.apply(t)));
    body.put(
        "selfUri",
        base
            + (after != null ? "&after=" + PageEnvelope.encode(after) : "")
            + (before != null ? "&before=" + PageEnvelope.encode(before) : ""));
    if (!page.isEmpty() && more) {
      body.put(
          "nextUri", base + "&after=" + PageEnvelope.encode(id.apply(page.get(page.size() - 1))));
    }
    if (!page.isEmpty() && earlier) {
      body.put("previousUri", base + "&before=" + PageEnvelope.encode(id.apply(page.get(0))));
    }
    return body;
  }

  /**
   * The request's path and query without the named parameters, ending in {@code ?} or {@code &}.
   */
  private static String uriWithout(ApiRequest r, String... names) {
    StringBuilder uri = new StringBuilder(r.path()).append('?');
    if (r.rawQuery() != null) {
      for (String pair : r.rawQuery().split("&")) {
        String name = pair.split("=", 2)[0];
        if (!pair.isEmpty() && !List.of(names).contains(name)) {
          uri.append(pair).append('&');
        }
      }
    }
    return uri.toString();
  }
}
