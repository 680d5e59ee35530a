package io.github.genesysllm.targets.dataactions;

import java.util.Comparator;
import java.util.List;

/**
 * The target's identities, in one place: a credential is (type {@code userDefined}, name), an
 * integration (type {@code custom-rest-actions}, name), an action (integration id, name), names
 * compared by {@link DataActionNames#same}. Names are not unique in Genesys Cloud, so each lookup
 * answers every match, smallest id first: the smallest id is the one every run keeps when twins
 * appear (two builds racing, a create whose answer was lost).
 */
final class Identities {

  private Identities() {}

  static List<Credential> credentials(List<Credential> all, String name) {
    return all.stream()
        .filter(c -> DataActionsJson.CREDENTIAL_TYPE.equals(c.typeName()))
        .filter(c -> DataActionNames.same(c.name(), name))
        .sorted(Comparator.comparing(Credential::id))
        .toList();
  }

  static List<Integration> integrations(List<Integration> all, String name) {
    return all.stream()
        .filter(Integration::isDataActions)
        .filter(i -> DataActionNames.same(i.name(), name))
        .sorted(Comparator.comparing(Integration::id))
        .toList();
  }

  static List<ActionSummary> actions(List<ActionSummary> all, String integrationId, String name) {
    return all.stream()
        .filter(a -> a.integrationId().equals(integrationId))
        .filter(a -> DataActionNames.same(a.name(), name))
        .sorted(Comparator.comparing(ActionSummary::id))
        .toList();
  }
}
