package org.kmcr.record.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kmcr.record.fhir.SearchPages.link;
import static org.kmcr.record.fhir.SearchPages.page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.record.FhirFixtures;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirResourceType;
import org.kmcr.record.mapping.FhirSearchParameters;
import org.kmcr.record.repository.FhirSearchRepository;
import org.kmcr.record.service.CareItemFacts;
import org.kmcr.recordmodel.model.CareItem;

/**
 * A seeded randomised property, through the FHIR search API on real PostgreSQL: for a random record (items from two
 * organisations, with and without confidentiality marks, codes and labels) and a random decision (item rules drawn
 * from every kind the policy makes), a client that follows the {@code next} links with a random page size sees
 * exactly {@code total} items, each once, every page but the last full, the same total on every page, and exactly
 * the items the policy's own {@link ItemFilter} shows, in the same order.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirPagingPropertiesTest extends FhirTestBase {

    static final String LABEL_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final List<String> ORGS = List.of("RKM", "K81001");
    static final List<String> CODES = List.of("1001", "1002", "1003");

    @Inject
    FhirSearchRepository repository;
    @Inject
    CareItemFacts facts;

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
    void aSearchsTotalIsExactlyWhatTheCallerCanPageThrough(long seed) {
        Random random = new Random(seed);
        int items = 1 + random.nextInt(14);
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String org = ORGS.get(random.nextInt(ORGS.size()));
            FhirFixtures.Item item = at(org.equals("RKM") ? hospital : gp, "Condition",
                    CODES.get(random.nextInt(CODES.size())), "2024-%02d-%02dT00:00:00Z".formatted(
                            1 + random.nextInt(12), 1 + random.nextInt(28))).from(org);
            String mark = new String[] {null, null, "N", "R", "V"}[random.nextInt(5)];
            if (mark != null) {
                item = item.withConfidentiality(mark);
            }
            UUID id = item.store();
            stored.add(id);
            if (random.nextInt(4) == 0) {
                KmcrTestEnvironment.database().execute("UPDATE record.care_item SET security_labels = "
                        + "security_labels || ARRAY['" + LABEL_SYSTEM + "|SEX'], resource = jsonb_set(resource, "
                        + "'{meta}', coalesce(resource->'meta', '{}'::jsonb) || jsonb_build_object('security', "
                        + "coalesce(resource->'meta'->'security', '[]'::jsonb) || jsonb_build_array("
                        + "jsonb_build_object('system', '" + LABEL_SYSTEM + "', 'code', 'SEX')))) WHERE id = '" + id
                        + "'");
            }
        }
        List<ItemRule> rules = randomRules(random, stored);
        AccessDecision decision = permit(List.of(CareCategory.values()), rules, List.of());
        decides(decision);

        FhirQuery everything = FhirSearchParameters.search(FhirResourceType.CONDITION,
                Map.of("patient", List.of(nhsNumber), "_count", List.of("1000")), false);
        List<CareItem> all = repository.page(List.of(hospital, gp), everything,
                permit(List.of(CareCategory.values()), List.of(), List.of())).await().indefinitely();
        assertEquals(items, all.size(), "seed " + seed);
        List<String> expected = ItemFilter.apply(decision, all, facts::of).shown().stream()
                .map(item -> item.id.toString()).toList();

        int count = 1 + random.nextInt(4);
        JsonPath bundle = page(BASE + "/Condition?" + patientParameter() + "&_count=" + count);
        int total = bundle.getInt("total");
        List<String> seen = new ArrayList<>();
        String context = "seed " + seed + ", " + items + " items, _count " + count + ", rules " + rules;
        while (true) {
            List<String> matches = bundle.getList("entry.findAll { it.search.mode == 'match' }.resource.id");
            assertEquals(total, bundle.getInt("total"), context + ": the total changed between pages");
            seen.addAll(matches);
            String next = link(bundle, "next");
            if (next == null) {
                break;
            }
            assertEquals(count, matches.size(), context + ": a page before the last is not full");
            bundle = page(next);
        }
        assertEquals(total, seen.size(), context + ": total " + total + " but " + seen.size() + " paged through");
        assertEquals(seen.size(), new HashSet<>(seen).size(), context + ": an item was shown twice");
        assertEquals(expected, seen, context + ": not what the policy's filter shows");
    }

    /** Zero to three rules of the kinds the policy makes, hiding or withholding. */
    static List<ItemRule> randomRules(Random random, List<UUID> stored) {
        List<ItemRule> rules = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            ItemRule.Treatment treatment = random.nextBoolean() ? ItemRule.Treatment.HIDE : ItemRule.Treatment.WITHHOLD;
            String except = random.nextInt(3) == 0 ? ORGS.get(random.nextInt(ORGS.size())) : null;
            rules.add(switch (random.nextInt(5)) {
                case 0 -> new ItemRule("mark", treatment, null, Set.of(random.nextBoolean() ? "R" : "V"), null, null,
                        null, null, except);
                case 1 -> new ItemRule("code", treatment, null, null,
                        Set.of(FhirFixtures.SNOMED + "|" + CODES.get(random.nextInt(CODES.size()))), null, null, null,
                        except);
                case 2 -> new ItemRule("label", treatment, null, null, null, Set.of(LABEL_SYSTEM + "|SEX"), null,
                        null, except);
                case 3 -> new ItemRule("item", treatment, null, null, null, null,
                        Set.of(stored.get(random.nextInt(stored.size()))), null, null);
                default -> new ItemRule("org", treatment, Set.of(CareCategory.CONDITIONS), null, null, null, null,
                        Set.of(ORGS.get(random.nextInt(ORGS.size()))), except);
            });
        }
        return rules;
    }
}
