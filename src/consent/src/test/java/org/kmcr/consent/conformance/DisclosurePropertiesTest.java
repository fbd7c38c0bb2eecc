package org.kmcr.consent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.HashSet;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFacts;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.consent.Purpose;
import org.kmcr.consent.policy.AccessFacts;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.Directive;

/**
 * Properties over random combinations of caller, person, directives, item and action: no combination discloses
 * (shows, or says it withholds) an item the rules forbid, and a filtered list's total always equals what can be
 * paged through. The forbidden cases are stated here independently of the policy's code. The combinations are
 * drawn from a seeded random source, so a failure names its seed and try and is repeated exactly.
 */
class DisclosurePropertiesTest {

    static final List<String> CALLERS = List.copyOf(ConformanceWorld.CALLERS.keySet());
    static final List<String> ORGS = List.of("RKM", ConformanceWorld.SOURCE, "KMSC", "X26");

    static final long SEED = Long.getLong("kmcr.properties.seed", 20261201L);

    private final Random random = new Random(SEED);

    @Test
    void noCombinationDisclosesAForbiddenItem() {
        for (int trial = 0; trial < 3000; trial++) {
            String caller = pick(CALLERS);
            String person = pick(List.of("known", "sensitive", "opted-out", "unknown"));
            List<Directive> directives = directives();
            ItemFacts item = item();
            Action action = pick(List.of(Action.values()));
            try {
                checkNoForbiddenDisclosure(caller, person, directives, item, action);
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + SEED + ", try " + trial + ": " + failure.getMessage(), failure);
            }
        }
    }

    private void checkNoForbiddenDisclosure(String caller, String person, List<Directive> directives, ItemFacts item,
            Action action) {
        AccessRequest request = ConformanceWorld.request(caller, person, action.code());
        AccessFacts base = ConformanceWorld.facts(caller, person, "none");
        AccessFacts facts = new AccessFacts(base.today(), base.partner(), base.relationships(), directives,
                base.optedOut(), base.lastBreakGlassAt(), base.now());
        AccessDecision decision = AccessPolicy.decide(request, facts, ConformanceWorld.POLICY);
        boolean disclosed = ItemFilter.visibility(decision, item) != ItemFilter.Visibility.HIDDEN;
        String org = request.caller().orgCode();
        boolean citizen = request.caller().roles().contains("patient");
        boolean secondary = action.purpose() == Purpose.SECONDARY_USE;
        boolean ownSource = org != null && org.equals(item.sourceOrg());
        boolean vital = request.breakGlass() != null && request.breakGlass().reason() == BreakGlassReason.VITAL_INTERESTS;
        boolean objection = directives.stream().anyMatch(d -> d.kind() == Directive.Kind.OBJECTION
                && (secondary || d.appliesTo(org)));
        boolean consentToShare = directives.stream().anyMatch(d -> d.kind() == Directive.Kind.CONSENT_TO_SHARE
                && d.appliesTo(org));
        if (!disclosed) {
            return;
        }
        String why = decision.reason() + " / " + item;
        assertTrue(decision.permitted(), why);
        assertTrue(!(objection && !citizen && !(vital && !secondary)), "objection: " + why);
        assertTrue(!(secondary && facts.optedOut()), "opted out: " + why);
        assertTrue(!("V".equals(item.confidentiality()) && !ownSource), "very restricted: " + why);
        assertTrue(!(ConformanceWorld.HIV.equals(item.systemAndCode()) && !ownSource && !(consentToShare
                && !secondary && !citizen)), "legally protected: " + why);
        assertTrue(!(item.category() == CareCategory.SAFEGUARDING && (citizen || secondary)), "safeguarding: " + why);
        assertTrue(!(citizen && (item.securityLabels().contains(ConformanceWorld.NOPAT)
                || item.securityLabels().contains(ConformanceWorld.THIRD_PARTY))), "citizen view: " + why);
        assertTrue(!(citizen && !ConformanceWorld.NHS.equals(request.caller().nhsNumber())), "own record: " + why);
        assertTrue(org == null || !Set.of("NONP", "SUSP").contains(org), "partners only: " + why);
        String role = citizen ? "patient" : request.caller().roles().iterator().next();
        assertTrue(ConformanceWorld.POLICY.categories().forRole(role).contains(item.category()), "matrix: " + why);
        if ("R".equals(item.confidentiality()) && item.category() != CareCategory.DEMOGRAPHICS && !ownSource
                && ItemFilter.visibility(decision, item) == ItemFilter.Visibility.SHOWN) {
            assertTrue(decision.brokeGlass(), "restricted shown only after break glass: " + why);
        }
    }

    @Test
    void theTotalIsWhatCanBePagedThroughAndEveryPageButTheLastIsFull() {
        for (int trial = 0; trial < 500; trial++) {
            String caller = pick(CALLERS);
            List<Directive> directives = directives();
            List<ItemFacts> items = listOf(40, this::item);
            int pageSize = 1 + random.nextInt(7);
            try {
                checkPaging(caller, directives, items, pageSize);
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + SEED + ", try " + trial + ": " + failure.getMessage(), failure);
            }
        }
    }

    private void checkPaging(String caller, List<Directive> directives, List<ItemFacts> items, int pageSize) {
        AccessRequest request = ConformanceWorld.request(caller, "known", "fhir-search");
        AccessFacts base = ConformanceWorld.facts(caller, "known", "none");
        AccessDecision decision = AccessPolicy.decide(request, new AccessFacts(base.today(), base.partner(),
                base.relationships(), directives, false, base.lastBreakGlassAt(), base.now()),
                ConformanceWorld.POLICY);
        ItemFilter.Result<ItemFacts> result = ItemFilter.apply(decision, items, item -> item);
        List<ItemFacts> paged = new ArrayList<>();
        int offset = 0;
        while (true) {
            ItemFilter.Page<ItemFacts> page = result.page(offset, pageSize);
            assertEquals(result.shown().size(), page.total());
            if (page.items().isEmpty()) {
                break;
            }
            assertTrue(page.items().size() == pageSize || offset + page.items().size() == page.total(),
                    "only the last page may be short");
            paged.addAll(page.items());
            offset += pageSize;
        }
        assertEquals(result.shown(), paged);
        long visible = items.stream().filter(i -> ItemFilter.visibility(decision, i)
                == ItemFilter.Visibility.SHOWN).count();
        assertEquals(visible, paged.size(), "the total counts exactly the items shown");
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private <T> List<T> listOf(int maxSize, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int n = random.nextInt(maxSize + 1); n > 0; n--) {
            list.add(element.get());
        }
        return list;
    }

    private <T> Set<T> setOf(int maxSize, List<T> choices) {
        Set<T> set = new HashSet<>();
        for (int n = random.nextInt(maxSize + 1); n > 0; n--) {
            set.add(pick(choices));
        }
        return set;
    }

    private List<Directive> directives() {
        return listOf(3, () -> new Directive(pick(List.of(Directive.Kind.values())),
                setOf(2, List.of(CareCategory.values())), setOf(1, ORGS), Set.of(), setOf(1, ORGS),
                ConformanceWorld.CONTACT));
    }

    private ItemFacts item() {
        String confidentiality = pick(List.of("N", "R", "V", "none"));
        return new ItemFacts(UUID.randomUUID(), pick(List.of(CareCategory.values())), "http://snomed.info/sct",
                pick(List.of("38341003", "86406008")), "none".equals(confidentiality) ? null : confidentiality,
                pick(ORGS), pick(List.of(Set.<String>of(), Set.of(ConformanceWorld.NOPAT),
                        Set.of(ConformanceWorld.THIRD_PARTY))));
    }
}
