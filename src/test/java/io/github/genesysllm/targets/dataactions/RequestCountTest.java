package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.EmulatedOrg.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a no-change run costs: the requests the contract makes necessary and no more. For P
 * providers of M models each (P x M actions), reading everything that register compares takes one
 * page of each listing (integrations, credentials, actions: up to 100, 200 and 100 entries), one
 * configuration per integration (the credential mapping is not in the listing), and per action one
 * GET with its contract (not in the listing) and its two template files (section 5.6: templates
 * come back as URIs): 3 + P + 3 x P x M.
 */
class RequestCountTest {

  @Test
  void aNoChangeRunOverTwentyProvidersOfThreeModelsSendsTwoHundredAndThreeReads() {
    try (EmulatedOrg org = new EmulatedOrg(b -> b.rateLimit(100_000))) {
      List<ProviderSettings> providers = new ArrayList<>();
      for (int p = 1; p <= 20; p++) {
        providers.add(
            Samples.provider(
                "Gateway " + p,
                Samples.model("a", 10),
                Samples.model("b", 10),
                Samples.model("c", 10)));
      }
      EmulatedOrg.Build first = org.new Build();
      for (ProviderSettings provider : providers) {
        ProviderProvisioning.Outcome o = first.register(provider, plain());
        assertEquals(Action.CREATED, o.action(), String.valueOf(o.problem()));
      }

      int before = org.journalSize();
      EmulatedOrg.Build noChange = org.new Build();
      DataActionsObserver.Seen seen = noChange.observe(providers.toArray(ProviderSettings[]::new));
      for (int p = 0; p < providers.size(); p++) {
        assertEquals(
            List.of(), DataActionsComparison.differences(providers.get(p), seen.states().get(p)));
      }

      List<JournalEntry> sent =
          org.emulator.journal().subList(before, org.journalSize()).stream()
              .filter(e -> !e.path().startsWith("/oauth/token"))
              .toList();
      assertEquals(3 + 20 + 3 * 20 * 3, sent.size());
      Map<String, Long> byKind =
          sent.stream()
              .collect(Collectors.groupingBy(RequestCountTest::kind, Collectors.counting()));
      assertEquals(Map.of("listing", 3L, "config", 20L, "action", 60L, "template", 120L), byKind);
      assertEquals(List.of("GET"), sent.stream().map(JournalEntry::method).distinct().toList());
    }
  }

  private static String kind(JournalEntry entry) {
    String path = entry.path().replaceFirst("\\?.*", "");
    Function<String, Boolean> is = path::matches;
    if (is.apply("/api/v2/integrations(/credentials/listing|/actions)?")) {
      return "listing";
    }
    if (is.apply("/api/v2/integrations/[^/]+/config/current")) {
      return "config";
    }
    if (is.apply("/api/v2/integrations/actions/[^/]+/templates/[^/]+")) {
      return "template";
    }
    return is.apply("/api/v2/integrations/actions/[^/]+") ? "action" : path;
  }
}
