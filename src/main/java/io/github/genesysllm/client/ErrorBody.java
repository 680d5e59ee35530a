package io.github.genesysllm.client;

import java.util.List;

/**
 * What an error answer holds: the API's ErrorBody ({@code code}, {@code message}, {@code entityId},
 * {@code details[].fieldName}, {@code contextId}), or the token endpoint's OAuth error ({@code
 * error}, {@code error_description}), or neither (every field null, no fields). Read by {@link
 * ServerText}, every text redacted.
 */
record ErrorBody(
    String code, String message, String entityId, List<String> detailFields, String contextId) {

  static final ErrorBody NONE = new ErrorBody(null, null, null, List.of(), null);

  ErrorBody {
    detailFields = List.copyOf(detailFields);
  }
}
