package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.dataactions.Router.Access;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The integration endpoints (contract section 4) and the integration type. */
final class IntegrationRoutes {

  private static final Set<String> REPORTED_STATES =
      Set.of("ACTIVE", "ACTIVATING", "INACTIVE", "DEACTIVATING", "ERROR");
  private static final String EXPAND_CONFIG = "config.current";

  private final IntegrationStore store;

  IntegrationRoutes(IntegrationStore store) {
    this.store = store;
  }

  void addTo(Router router) {
    router
        .add("GET", "types/{}", Access.READ, this::type)
        .add("GET", "types/{}/configschemas/{}", Access.READ, this::configSchema)
        .add("GET", "", Access.READ, this::list)
        .add("POST", "", Access.WRITE, this::create)
        .add("GET", "{}", Access.READ, this::get)
        .add("PATCH", "{}", Access.WRITE, this::patch)
        .add("DELETE", "{}", Access.WRITE, this::delete)
        .add("GET", "{}/config/current", Access.READ, this::config)
        .add("PUT", "{}/config/current", Access.WRITE, this::replaceConfig);
  }

  private ApiResponse type(ApiRequest r, List<String> params) {
    requireType(params.get(0));
    return ApiResponse.json(200, TypeCatalog.integrationType());
  }

  private ApiResponse configSchema(ApiRequest r, List<String> params) {
    requireType(params.get(0));
    String configType = params.get(1);
    if (!configType.equals("properties") && !configType.equals("advanced")) {
      throw Bodies.notFound(
          "No config schema '" + configType + "'; the config types are properties and advanced");
    }
    return ApiResponse.json(200, TypeCatalog.configSchema(configType));
  }

  private static void requireType(String typeId) {
    if (!typeId.equals(TypeCatalog.INTEGRATION_TYPE)) {
      throw Bodies.notFound(
          "No integration type '"
              + typeId
              + "' in the emulator; it offers "
              + TypeCatalog.INTEGRATION_TYPE);
    }
  }

  private ApiResponse create(ApiRequest r, List<String> params) {
    ObjectNode body = Bodies.object(r, "CreateIntegrationRequest");
    Bodies.onlyProperties(
        body,
        "CreateIntegrationRequest",
        Set.of("name", "integrationType"),
        Set.of("id", "selfUri"));
    String name = Bodies.notBlank(Bodies.text(body, "name", "", false), "name");
    ObjectNode type = Bodies.object(body, "integrationType", "", true);
    Bodies.onlyProperties(
        type, "IntegrationType", Set.of("id"), Set.of("name", "description", "selfUri"));
    String typeId = Bodies.text(type, "id", "integrationType.", true);
    if (!typeId.equals(TypeCatalog.INTEGRATION_TYPE)) {
      throw Bodies.invalidValue(
          "integrationType.id '"
              + typeId
              + "' is not an integration type the emulator offers; use "
              + TypeCatalog.INTEGRATION_TYPE,
          "integrationType.id");
    }
    return ApiResponse.json(200, Shapes.integration(store.create(name), null));
  }

  private ApiResponse list(ApiRequest r, List<String> params) {
    boolean expand = expandsConfig(r);
    String type = r.query().get("integrationType");
    String reported = Query.choice(r, "reportedState", REPORTED_STATES);
    Set<String> ids = Query.ids(r, 100);
    String credentialId = r.query().get("credentialId");
    List<JsonNode> matching =
        store.all().stream()
            .filter(i -> type == null || i.typeId().equals(type))
            .filter(i -> reported == null || i.reportedState().equals(reported))
            .filter(i -> ids == null || ids.contains(i.id()))
            .filter(
                i -> credentialId == null || i.config().credentials().containsValue(credentialId))
            .map(i -> (JsonNode) render(i, expand))
            .toList();
    return ApiResponse.json(200, Paging.pageNumbered(r, matching));
  }

  private ApiResponse get(ApiRequest r, List<String> params) {
    boolean expand = expandsConfig(r);
    return ApiResponse.json(200, render(store.get(params.get(0)), expand));
  }

  /** PATCH: only {@code intendedState} is writable, ENABLED or DISABLED (section 4.5). */
  private ApiResponse patch(ApiRequest r, List<String> params) {
    ObjectNode body = Bodies.object(r, "Integration");
    Bodies.onlyProperties(
        body,
        "Integration",
        Set.of("intendedState"),
        Set.of(
            "id",
            "name",
            "integrationType",
            "notes",
            "config",
            "reportedState",
            "attributes",
            "selfUri"));
    String intended = Bodies.text(body, "intendedState", "", true);
    if (!intended.equals(StoredIntegration.ENABLED)
        && !intended.equals(StoredIntegration.DISABLED)) {
      throw Bodies.invalidValue(
          "intendedState must be ENABLED or DISABLED, got '"
              + intended
              + "'"
              + (Set.of("DELETED", "RESTORED").contains(intended)
                  ? " (the emulator does not support " + intended.toLowerCase(Locale.ROOT) + ")"
                  : ""),
          "intendedState");
    }
    return ApiResponse.json(200, render(store.setIntendedState(params.get(0), intended), false));
  }

  private ApiResponse delete(ApiRequest r, List<String> params) {
    return ApiResponse.json(200, render(store.delete(params.get(0)), false));
  }

  private ApiResponse config(ApiRequest r, List<String> params) {
    StoredIntegration integration = store.require(params.get(0));
    return ApiResponse.json(200, Shapes.config(integration, store.credentialsOf(integration)));
  }

  private ApiResponse replaceConfig(ApiRequest r, List<String> params) {
    ConfigInput input = ConfigInput.parse(Bodies.object(r, "IntegrationConfiguration"));
    StoredIntegration changed = store.replaceConfig(params.get(0), input);
    return ApiResponse.json(200, Shapes.config(changed, store.credentialsOf(changed)));
  }

  private ObjectNode render(StoredIntegration integration, boolean expandConfig) {
    return Shapes.integration(integration, expandConfig ? store.credentialsOf(integration) : null);
  }

  /** {@code expand=config.current} (ASSUMED the one value, section 4.3). */
  private static boolean expandsConfig(ApiRequest r) {
    boolean expand = false;
    for (String value : r.queryValues("expand")) {
      for (String part : value.split(",")) {
        if (!part.equals(EXPAND_CONFIG)) {
          throw Query.invalid("expand", "takes only " + EXPAND_CONFIG + ", got '" + part + "'");
        }
        expand = true;
      }
    }
    return expand;
  }
}
