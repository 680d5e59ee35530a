package io.github.genesysllm.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The page-number listing envelope both APIs answer ({@code entities}, {@code pageSize}, {@code
 * pageNumber}, {@code total}, {@code pageCount} and the page URIs): a page past the end is empty,
 * {@code nextUri} and {@code previousUri} are left out where there is no such page. How the paging
 * parameters are read and checked is each API's own.
 */
public final class PageEnvelope {

  private PageEnvelope() {}

  /**
   * Page {@code pageNumber} of {@code all}, {@code pageSize} entities each rendered by {@code
   * render}; {@code uriOfPage} gives the URI of a page by its number.
   */
  public static <T> ObjectNode of(
      List<T> all,
      int pageSize,
      int pageNumber,
      Function<T, JsonNode> render,
      IntFunction<String> uriOfPage) {
    int total = all.size();
    int pageCount = (total + pageSize - 1) / pageSize;
    long from = (long) (pageNumber - 1) * pageSize;
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    ArrayNode entities = body.putArray("entities");
    for (long i = from; i < Math.min(total, from + pageSize); i++) {
      entities.add(render.apply(all.get((int) i)));
    }
    body.put("pageSize", pageSize);
    body.put("pageNumber", pageNumber);
    body.put("total", total);
    body.put("pageCount", pageCount);
    body.put("firstUri", uriOfPage.apply(1));
    body.put("lastUri", uriOfPage.apply(Math.max(1, pageCount)));
    body.put("selfUri", uriOfPage.apply(pageNumber));
    if (pageNumber < pageCount) {
      body.put("nextUri", uriOfPage.apply(pageNumber + 1));
    }
    if (pageNumber > 1) {
      body.put("previousUri", uriOfPage.apply(pageNumber - 1));
    }
    return body;
  }

  /** A query value as the page URIs write it: URL-encoded, a space as {@code %20}. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
