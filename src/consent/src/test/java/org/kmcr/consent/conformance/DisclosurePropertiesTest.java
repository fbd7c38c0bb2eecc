package org.kmcr.consent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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
 * paged through. The forbidden cases are stated here independently of the policy's code.
 */
class DisclosurePropertiesTest {

    static final List<String> CALLERS = List.copyOf(ConformanceWorld.CALLERS.keySet());
    static final List<String> ORGS = List.of("RKM", ConformanceWorld.SOURCE, "KMSC", "X26");

    @Property(tries = 3000)
    void noCombinationDisclosesAForbiddenItem(@ForAll("callers") String caller, @ForAll("persons") String person,
            @ForAll("directives") List<Directive> directives, @ForAll("items") ItemFacts item,
            @ForAll Action action) {
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

    @Property(tries = 500)
    void theTotalIsWhatCanBePagedThroughAndEveryPageButTheLastIsFull(@ForAll("callers") String caller,
            @ForAll("directives") List<Directive> directives, @ForAll("itemLists") List<ItemFacts> items,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
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

    @Provide
    Arbitrary<String> callers() {
        return Arbitraries.of(CALLERS);
    }

    @Provide
    Arbitrary<String> persons() {
        return Arbitraries.of("known", "sensitive", "opted-out", "unknown");
    }

    @Provide
    Arbitrary<List<Directive>> directives() {
        Arbitrary<Directive> one = Combinators.combine(Arbitraries.of(Directive.Kind.class),
                Arbitraries.of(CareCategory.class).set().ofMaxSize(2), Arbitraries.of(ORGS).set().ofMaxSize(1),
                Arbitraries.of(ORGS).set().ofMaxSize(1))
                .as((kind, categories, sources, recipients) -> new Directive(kind, categories, sources, Set.of(),
                        recipients, ConformanceWorld.CONTACT));
        return one.list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<ItemFacts> items() {
        return Combinators.combine(Arbitraries.of(CareCategory.class), Arbitraries.of("N", "R", "V", "none"),
                Arbitraries.of(ORGS), Arbitraries.of("38341003", "86406008"),
                Arbitraries.of(Set.<String>of(), Set.of(ConformanceWorld.NOPAT), Set.of(ConformanceWorld.THIRD_PARTY)))
                .as((category, confidentiality, org, code, labels) -> new ItemFacts(UUID.randomUUID(), category,
                        "http://snomed.info/sct", code, "none".equals(confidentiality) ? null : confidentiality, org,
                        labels));
    }

    @Provide
    Arbitrary<List<ItemFacts>> itemLists() {
        return items().list().ofMaxSize(40);
    }
}
