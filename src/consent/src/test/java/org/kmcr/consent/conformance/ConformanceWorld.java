package org.kmcr.consent.conformance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFacts;
import org.kmcr.consent.policy.AccessFacts;
import org.kmcr.consent.policy.CareRelationship;
import org.kmcr.consent.policy.CategoryPolicy;
import org.kmcr.consent.policy.Directive;
import org.kmcr.consent.policy.PartnerAgreement;
import org.kmcr.consent.policy.PolicyData;

/**
 * The small world the conformance scenarios happen in: named callers, people, directives and items, and the
 * shipped default policy (db/consent V4). Items come from the GP practice K81001 unless their name says otherwise.
 */
final class ConformanceWorld {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final UUID PERSON = UUID.fromString("6f1c2a52-3f1e-4a43-9d57-3b0f6d1f2a10");
    static final String NHS = "9434765919";
    static final String OTHER_NHS = "9434765870";
    static final String SOURCE = "K81001";
    static final String CONTACT = "the Kingsmere privacy office, 01632 960000";
    static final String HIV = "http://snomed.info/sct|86406008";
    static final String NOPAT = "http://terminology.hl7.org/CodeSystem/v3-ActCode|NOPAT";
    static final String THIRD_PARTY = "https://fhir.kmcr.example/CodeSystem/security-label|third-party";
    static final Set<String> PARTNERS = Set.of("RKM", SOURCE, "KMSC", "QKM", "SUSP");

    static final PolicyData POLICY = new PolicyData(1, new CategoryPolicy(Map.of(
            "clinician", EnumSet.allOf(CareCategory.class),
            "social-worker", categories("demographics", "contacts", "care-team", "allergies", "conditions", "alerts",
                    "safeguarding", "encounters", "location", "social-care", "referrals", "advance-directives",
                    "care-plans"),
            "patient", EnumSet.complementOf(EnumSet.of(CareCategory.SAFEGUARDING)),
            "analyst", categories("demographics", "conditions", "results", "encounters", "infection-status",
                    "immunisations"))),
            90, 4, Set.of(HIV), Set.of(NOPAT), Set.of(THIRD_PARTY), Set.of("R"));

    /** One named caller: who, for which organisation, with what relationship or break glass. */
    record Caller(CallerDetails details, CareRelationship relationship, BreakGlassReason breakGlass,
            Instant lastBreakGlassAt) {
    }

    static final Map<String, Caller> CALLERS = Map.ofEntries(
            Map.entry("clinician-care-team", staff("clinician", "RKM", rel("care-team"), null, null)),
            Map.entry("clinician-no-relationship", staff("clinician", "RKM", null, null, null)),
            Map.entry("clinician-break-glass", staff("clinician", "RKM", null, BreakGlassReason.EMERGENCY_CARE, null)),
            Map.entry("clinician-break-glass-vital",
                    staff("clinician", "RKM", null, BreakGlassReason.VITAL_INTERESTS, null)),
            Map.entry("clinician-care-team-vital",
                    staff("clinician", "RKM", rel("care-team"), BreakGlassReason.VITAL_INTERESTS, null)),
            Map.entry("clinician-break-glass-window",
                    staff("clinician", "RKM", null, null, NOW.minus(Duration.ofHours(1)))),
            Map.entry("clinician-break-glass-expired",
                    staff("clinician", "RKM", null, null, NOW.minus(Duration.ofHours(5)))),
            Map.entry("clinician-self-claimed", staff("clinician", "RKM", rel("self-claimed"), null, null)),
            Map.entry("clinician-recent-encounter", staff("clinician", "RKM",
                    new CareRelationship("encounter", TODAY.minusDays(10), null), null, null)),
            Map.entry("clinician-old-encounter", staff("clinician", "RKM",
                    new CareRelationship("encounter", TODAY.minusDays(120), null), null, null)),
            Map.entry("clinician-referral", staff("clinician", "RKM", rel("referral"), null, null)),
            Map.entry("clinician-source-org", staff("clinician", SOURCE, rel("gp-registration"), null, null)),
            Map.entry("social-worker-allocated",
                    staff("social-worker", "KMSC", rel("social-care-allocation"), null, null)),
            Map.entry("citizen-own", new Caller(new CallerDetails("u-citizen", "Mary", Set.of("patient"), null, null,
                    NHS), null, null, null)),
            Map.entry("citizen-other", new Caller(new CallerDetails("u-citizen-2", "Ann", Set.of("patient"), null,
                    null, OTHER_NHS), null, null, null)),
            Map.entry("analyst", staff("analyst", "QKM", null, null, null)),
            Map.entry("clinician-non-partner", staff("clinician", "NONP", rel("care-team"), null, null)),
            Map.entry("clinician-suspended", staff("clinician", "SUSP", rel("care-team"), null, null)),
            Map.entry("privacy-officer", staff("privacy-officer", "QKM", null, null, null)));

    static final UUID CONDITION_ID = UUID.fromString("00000000-0000-4000-8000-00000000c001");

    static final Map<String, ItemFacts> ITEMS = Map.ofEntries(
            Map.entry("patient", item("demographics", null, SOURCE, "x", Set.of())),
            Map.entry("condition", new ItemFacts(CONDITION_ID, CareCategory.CONDITIONS, "http://snomed.info/sct",
                    "38341003", null, SOURCE, Set.of())),
            Map.entry("condition-r", item("conditions", "R", SOURCE, "1", Set.of())),
            Map.entry("condition-v", item("conditions", "V", SOURCE, "2", Set.of())),
            Map.entry("condition-r-at-rkm", item("conditions", "R", "RKM", "3", Set.of())),
            Map.entry("medication", item("medications", null, SOURCE, "4", Set.of())),
            Map.entry("hiv", new ItemFacts(UUID.randomUUID(), CareCategory.CONDITIONS, "http://snomed.info/sct",
                    "86406008", null, SOURCE, Set.of())),
            Map.entry("safeguarding", item("safeguarding", null, SOURCE, "5", Set.of())),
            Map.entry("result", item("results", null, SOURCE, "6", Set.of())),
            Map.entry("nopat-condition", item("conditions", null, SOURCE, "7", Set.of(NOPAT))),
            Map.entry("third-party-contact", item("contacts", null, SOURCE, "8", Set.of(THIRD_PARTY))));

    /** A sensitive person's flag: PDS sends their Patient marked restricted. */
    static final ItemFacts SENSITIVE_FLAG = item("demographics", "R", "X26", "9", Set.of());

    static final Map<String, List<Directive>> DIRECTIVES = Map.of(
            "none", List.of(),
            "objection", List.of(directive(Directive.Kind.OBJECTION, Set.of(), Set.of(), Set.of(), Set.of())),
            "restriction-conditions", List.of(directive(Directive.Kind.RESTRICTION,
                    Set.of(CareCategory.CONDITIONS), Set.of(), Set.of(), Set.of())),
            "restriction-from-source", List.of(directive(Directive.Kind.RESTRICTION, Set.of(), Set.of(SOURCE),
                    Set.of(), Set.of())),
            "restriction-item", List.of(directive(Directive.Kind.RESTRICTION, Set.of(), Set.of(),
                    Set.of(CONDITION_ID), Set.of())),
            "restriction-for-rkm", List.of(directive(Directive.Kind.RESTRICTION, Set.of(), Set.of(), Set.of(),
                    Set.of("RKM"))),
            "consent-protected", List.of(directive(Directive.Kind.CONSENT_TO_SHARE, Set.of(), Set.of(), Set.of(),
                    Set.of("RKM"))));

    private ConformanceWorld() {
    }

    static AccessRequest request(String caller, String person, String action) {
        Caller c = CALLERS.get(caller);
        BreakGlass breakGlass = c.breakGlass() == null ? null : new BreakGlass(c.breakGlass(), "Stated in the test");
        return new AccessRequest("unknown".equals(person) ? null : PERSON, NHS, Action.ofCode(action), c.details(),
                breakGlass);
    }

    static AccessFacts facts(String caller, String person, String directive) {
        Caller c = CALLERS.get(caller);
        String org = c.details().orgCode();
        PartnerAgreement agreement = org != null && PARTNERS.contains(org)
                ? new PartnerAgreement(LONG_AGO, null, "SUSP".equals(org) ? LONG_AGO : null) : null;
        List<CareRelationship> relationships = c.relationship() == null ? List.of() : List.of(c.relationship());
        return new AccessFacts(TODAY, agreement, relationships, DIRECTIVES.get(directive), "opted-out".equals(person),
                c.lastBreakGlassAt(), NOW);
    }

    /** The person's items the redaction looks at: the item, and for a sensitive person the flag. */
    static List<ItemFacts> personItems(String person, ItemFacts item) {
        List<ItemFacts> items = new ArrayList<>(List.of(item));
        if ("sensitive".equals(person)) {
            items.add(SENSITIVE_FLAG);
        }
        return items;
    }

    private static Caller staff(String role, String org, CareRelationship relationship, BreakGlassReason breakGlass,
            Instant lastBreakGlassAt) {
        return new Caller(new CallerDetails("u-" + role + "-" + org, "Test " + role, Set.of(role), org,
                "S8000:G8000:R8000", null), relationship, breakGlass, lastBreakGlassAt);
    }

    private static CareRelationship rel(String kind) {
        return new CareRelationship(kind, LONG_AGO, null);
    }

    private static ItemFacts item(String category, String confidentiality, String sourceOrg, String code,
            Set<String> labels) {
        return new ItemFacts(UUID.randomUUID(), CareCategory.ofCode(category).orElseThrow(), "http://snomed.info/sct",
                code, confidentiality, sourceOrg, labels);
    }

    private static Directive directive(Directive.Kind kind, Set<CareCategory> categories, Set<String> sourceOrgs,
            Set<UUID> items, Set<String> recipients) {
        return new Directive(kind, categories, sourceOrgs, items, recipients, CONTACT);
    }

    static Set<CareCategory> categories(String... codes) {
        Set<CareCategory> set = EnumSet.noneOf(CareCategory.class);
        for (String code : codes) {
            set.add(CareCategory.ofCode(code).orElseThrow());
        }
        return set;
    }
}
