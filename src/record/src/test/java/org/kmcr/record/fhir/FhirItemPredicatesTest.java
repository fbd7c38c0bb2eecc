package org.kmcr.record.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.record.FhirFixtures;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirSearchParameters;
import org.kmcr.record.repository.FhirSearchRepository;
import org.kmcr.record.service.CareItemFacts;
import org.kmcr.recordmodel.model.CareItem;

/**
 * The database's form of the decision's rules against the policy's own {@link ItemFilter}, on real PostgreSQL: for
 * a table of decisions over items with every combination of mark, code, label and source, the page, the total and
 * the withheld categories the database answers are exactly what the filter makes of all the items.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirItemPredicatesTest extends FhirTestBase {

    static final String LABEL = "http://terminology.hl7.org/CodeSystem/v3-ActCode|SEX";

    @Inject
    FhirSearchRepository repository;
    @Inject
    CareItemFacts facts;

    @Test
    void theDatabaseShowsCountsAndWithholdsExactlyWhatTheItemFilterDoes() {
        int day = 1;
        for (String org : List.of("RKM", "K81001")) {
            for (String mark : new String[] {null, "N", "R", "V"}) {
                for (String code : List.of("1001", "1002")) {
                    for (boolean labelled : List.of(false, true)) {
                        FhirFixtures.Item item = at(hospital, "Condition", code, "2024-01-%02dT00:00:00Z".formatted(
                                day++ % 28 + 1)).from(org);
                        if (mark != null) {
                            item = item.withConfidentiality(mark);
                        }
                        UUID id = item.store();
                        if (labelled) {
                            KmcrTestEnvironment.database().execute("UPDATE record.care_item SET security_labels = "
                                    + "security_labels || ARRAY['" + LABEL + "'], resource = jsonb_set(resource, "
                                    + "'{meta}', jsonb_build_object('security', coalesce(resource->'meta'->'security',"
                                    + " '[]'::jsonb) || jsonb_build_array(jsonb_build_object('system', "
                                    + "'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'code', 'SEX')))) "
                                    + "WHERE id = '" + id + "'");
                        }
                    }
                }
            }
        }
        FhirQuery query = FhirSearchParameters.search(org.kmcr.record.mapping.FhirResourceType.CONDITION,
                Map.of("patient", List.of(nhsNumber), "_count", List.of("1000")), false);
        List<CareItem> all = repository.page(List.of(hospital), query,
                permit(List.of(CareCategory.values()), List.of(), List.of())).await().indefinitely();
        assertEquals(32, all.size());
        Map<String, List<ItemRule>> decisions = Map.of(
                "none", List.of(),
                "withhold R", List.of(rule("r", ItemRule.Treatment.WITHHOLD, "R")),
                "hide V, withhold R except the GP's",
                List.of(rule("v", ItemRule.Treatment.HIDE, "V"), new ItemRule("r", ItemRule.Treatment.WITHHOLD, null,
                        Set.of("R"), null, null, null, null, "K81001")),
                "withhold a code, hide a label", List.of(
                        new ItemRule("code", ItemRule.Treatment.WITHHOLD, null, null,
                                Set.of(FhirFixtures.SNOMED + "|1002"), null, null, null, null),
                        new ItemRule("label", ItemRule.Treatment.HIDE, null, null, null, Set.of(LABEL), null, null,
                                null)),
                "hide one organisation's conditions", List.of(new ItemRule("org", ItemRule.Treatment.HIDE,
                        Set.of(CareCategory.CONDITIONS), null, null, null, null, Set.of("RKM"), null)),
                "withhold one item, and a rule on a category not searched", List.of(
                        new ItemRule("id", ItemRule.Treatment.WITHHOLD, null, null, null, null, Set.of(all.get(3).id),
                                null, null),
                        new ItemRule("other", ItemRule.Treatment.HIDE, Set.of(CareCategory.RESULTS), null, null, null,
                                null, null, null)));
        List<String> wrong = new ArrayList<>();
        decisions.forEach((name, rules) -> {
            AccessDecision decision = permit(List.of(CareCategory.values()), rules, List.of());
            ItemFilter.Result<CareItem> expected = ItemFilter.apply(decision, all, facts::of);
            List<UUID> shown = repository.page(List.of(hospital), query, decision).await().indefinitely().stream()
                    .map(item -> item.id).toList();
            long total = repository.count(List.of(hospital), query, decision).await().indefinitely();
            List<String> withheld = repository.withheldCategories(List.of(hospital), query, decision).await()
                    .indefinitely();
            if (!shown.equals(expected.shown().stream().map(item -> item.id).toList())) {
                wrong.add(name + ": shown differs");
            }
            if (total != expected.shown().size()) {
                wrong.add(name + ": total " + total + ", the filter shows " + expected.shown().size());
            }
            if (!withheld.equals(expected.withheldCategories().stream().map(CareCategory::code).toList())) {
                wrong.add(name + ": withheld " + withheld + ", the filter " + expected.withheldCategories());
            }
        });
        assertEquals(List.of(), wrong);
    }
}
