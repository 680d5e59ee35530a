package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.dataactions.Router.Access;
import java.util.List;

/** The credential endpoints (contract section 3). */
final class CredentialRoutes {

  private final CredentialStore store;

  CredentialRoutes(CredentialStore store) {
    this.store = store;
  }

  void addTo(Router router) {
    router
        .add("GET", "credentials/types", Access.READ, this::types)
        .add("GET", "credentials/listing", Access.READ, this::cursorListing)
        .add("GET", "credentials", Access.READ, this::pageListing)
        .add("POST", "credentials", Access.WRITE, this::create)
        .add("GET", "credentials/{}", Access.READ, this::get)
        .add("PUT", "credentials/{}", Access.WRITE, this::replace)
        .add("DELETE", "credentials/{}", Access.WRITE, this::delete);
  }

  private ApiResponse types(ApiRequest r, List<String> params) {
    return ApiResponse.json(200, TypeCatalog.credentialTypes());
  }

  private ApiResponse create(ApiRequest r, List<String> params) {
    StoredCredential created = store.create(CredentialInput.parse(Bodies.object(r, "Credential")));
    return ApiResponse.json(200, Shapes.credentialInfo(created));
  }

  private ApiResponse get(ApiRequest r, List<String> params) {
    return ApiResponse.json(200, Shapes.redactedCredential(store.get(params.get(0))));
  }

  private ApiResponse replace(ApiRequest r, List<String> params) {
    CredentialInput input = CredentialInput.parse(Bodies.object(r, "Credential"));
    return ApiResponse.json(200, Shapes.credentialInfo(store.replace(params.get(0), input)));
  }

  private ApiResponse delete(ApiRequest r, List<String> params) {
    store.delete(params.get(0));
    return ApiResponse.empty(204);
  }

  /** The deprecated page-number listing (section 3.8). */
  private ApiResponse pageListing(ApiRequest r, List<String> params) {
    List<JsonNode> all =
        store.byId().stream().map(c -> (JsonNode) Shapes.credentialInfo(c)).toList();
    return ApiResponse.json(200, Paging.pageNumbered(r, all));
  }

  private ApiResponse cursorListing(ApiRequest r, List<String> params) {
    return ApiResponse.json(
        200, Paging.cursor(r, store.byId(), StoredCredential::id, Shapes::credentialInfo));
  }
}
