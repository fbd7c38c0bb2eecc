package org.kmcr.consent.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.time.Instant;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.Obligation;

/** Every rule of the access policy and its edges, as a table: request and facts in, decision out. */
class AccessPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    static final UUID PERSON = UUID.fromString("6f1c2a52-3f1e-4a43-9d57-3b0f6d1f2a10");
    static final String NHS = "9434765919";
    static final String OTHER_NHS = "9434765870";
    static final String ORG = "RKM";
    static final String REASON = "Unconscious in ED, no history available";

    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final List<String> CLINICIAN_SEES = List.of("allergies", "conditions", "demographics", "medications");
    static final List<String> SOCIAL_WORKER_SEES = List.of("allergies", "conditions", "demographics");
    static final List<String> EVERYTHING = CLINICIAN_SEES;
    static final List<String> ALERT = List.of(Obligation.ALERT_PRIVACY_OFFICER.code());
    static final PolicyData POLICY = policy(new CategoryPolicy(Map.of(
            "clinician", categories(CLINICIAN_SEES), "social-worker", categories(SOCIAL_WORKER_SEES),
            "patient", categories(CLINICIAN_SEES))));

    static final String NO_RELATIONSHIP_REASON = "RKM has no legitimate relationship with this person. In an emergency "
            + "you may break glass by stating your reason; the access will be reviewed by a privacy officer.";

    /** One row of the table; {@code reasonContains} is null when the reason's wording is not under test. */
    record Case(String name, AccessRequest request, AccessFacts facts, Effect verdict, String basis,
            List<String> categories, List<String> obligations, String reasonContains) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> table() {
        return Stream.of(
                // purpose
                deny("a clinician asking for analytics is refused: analysts do secondary use",
                        ask(clinician()).action(Action.ANALYTICS), partnerWith(gp()), "role-not-permitted", "analysts"),
                deny("a citizen asking for a secondary-use purpose", ask(patient(NHS)).action(Action.EXPORT),
                        noOrg(), "role-not-permitted", null),

                // a. citizens
                permit("a citizen sees every category of their own record", ask(patient(NHS)), noOrg(),
                        "self", EVERYTHING, List.of()),
                deny("a citizen is refused someone else's record", ask(patient(NHS)).about(OTHER_NHS), noOrg(),
                        "not-own-record", "only their own record"),
                deny("a citizen whose account has no NHS number is refused", ask(patient(null)), noOrg(),
                        "not-own-record", null),
                deny("a citizen is refused a person whose NHS number is not known", ask(patient(NHS)).about(null),
                        noOrg(), "not-own-record", null),
                deny("a citizen is refused even with an organisation that has a relationship",
                        ask(as(ORG, NHS, "patient")).about(OTHER_NHS), partnerWith(gp()), "not-own-record", null),
                permit("a citizen who is also a clinician is a citizen for their own record",
                        ask(as(ORG, NHS, "patient", "clinician")), partnerWith(), "self", EVERYTHING, List.of()),
                deny("a citizen who is also a clinician is a citizen for anyone else's record",
                        ask(as(ORG, NHS, "patient", "clinician")).about(OTHER_NHS), partnerWith(gp()),
                        "not-own-record", null),

                // b. only partners share
                deny("an organisation that never signed the agreement is refused", ask(clinician()),
                        facts(null, gp()), "not-a-sharing-partner",
                        "RKM is not a sharing partner: only organisations that have signed the joint controllers'"),
                deny("a non-partner is refused even with a relationship and a break-glass reason",
                        ask(clinician()).breakGlass(REASON), facts(null, gp()), "not-a-sharing-partner", "RKM"),
                deny("an agreement signed tomorrow is not yet in force", ask(clinician()),
                        facts(agreement(TOMORROW, null), gp()), "not-a-sharing-partner",
                        "RKM's joint controllers' agreement takes effect on 2026-03-16"),
                permit("an agreement signed today is in force", ask(clinician()), facts(agreement(TODAY, null), gp()),
                        "gp-registration", CLINICIAN_SEES, List.of()),
                deny("an organisation that withdrew yesterday is refused", ask(clinician()),
                        facts(agreement(LONG_AGO, YESTERDAY), gp()), "not-a-sharing-partner",
                        "RKM withdrew from the joint controllers' agreement on 2026-03-14"),
                deny("an organisation that withdraws today is refused from today", ask(clinician()),
                        facts(agreement(LONG_AGO, TODAY), gp()), "not-a-sharing-partner", "withdrew"),
                permit("an organisation that withdraws tomorrow still shares today", ask(clinician()),
                        facts(agreement(LONG_AGO, TOMORROW), gp()), "gp-registration", CLINICIAN_SEES, List.of()),
                deny("staff acting for no organisation are refused", ask(as(null, null, "clinician")), noOrg(),
                        "not-a-sharing-partner", "no organisation"),

                // an unknown person: said only to callers whom nothing else refuses
                deny("a partner's clinician asking about a person KMCR does not hold learns there is no record",
                        ask(clinician()).person(null).breakGlass(REASON), partnerWith(), "no-record",
                        "no record"),
                deny("a non-partner asking about a person KMCR does not hold gets the non-partner answer",
                        ask(clinician()).person(null), facts(null), "not-a-sharing-partner", "not a sharing partner"),
                deny("a citizen asking about someone else KMCR does not hold gets the not-own-record answer",
                        ask(patient(NHS)).about(OTHER_NHS).person(null), noOrg(), "not-own-record", null),
                deny("a citizen whose own record KMCR does not hold learns there is none",
                        ask(patient(NHS)).person(null), noOrg(), "no-record", null),
                permit("an analyst asking for population analytics (no person) gets aggregates of the role's categories",
                        ask(as(ORG, null, "analyst")).action(Action.ANALYTICS).person(null).about(null), partnerWith(),
                        "secondary-use", List.of(), List.of()),
                deny("population analytics is for analysts", ask(clinician()).action(Action.ANALYTICS).person(null)
                        .about(null), partnerWith(), "role-not-permitted", "analysts"),
                deny("a non-partner's analyst gets no population analytics", ask(as(ORG, null, "analyst"))
                        .action(Action.ANALYTICS).person(null).about(null), facts(null), "not-a-sharing-partner", null),
                deny("an analyst asking about a person KMCR does not hold gets the role answer",
                        ask(as(ORG, null, "analyst")).person(null), partnerWith(), "role-not-permitted", null),

                // c. relationships
                permit("a clinician with a GP registration sees the clinician's categories", ask(clinician()),
                        partnerWith(gp()), "gp-registration", CLINICIAN_SEES, List.of()),
                permit("a social worker with an allocation sees the social worker's categories, no medications",
                        ask(socialWorker()), partnerWith(rel("social-care-allocation", LONG_AGO, null)),
                        "social-care-allocation", SOCIAL_WORKER_SEES, List.of()),
                permit("a relationship starting today is active", ask(clinician()),
                        partnerWith(rel("referral", TODAY, null)), "referral", CLINICIAN_SEES, List.of()),
                permit("a relationship ending today is still active", ask(clinician()),
                        partnerWith(rel("care-team", LONG_AGO, TODAY)), "care-team", CLINICIAN_SEES, List.of()),
                deny("a relationship that ended yesterday gives no access", ask(clinician()),
                        partnerWith(rel("care-team", LONG_AGO, YESTERDAY)), "no-legitimate-relationship", null),
                deny("a relationship starting tomorrow gives no access yet", ask(clinician()),
                        partnerWith(rel("referral", TOMORROW, null)), "no-legitimate-relationship", null),
                permit("an active relationship is chosen over an ended one", ask(clinician()),
                        partnerWith(rel("care-team", LONG_AGO, YESTERDAY), rel("referral", LONG_AGO, null)),
                        "referral", CLINICIAN_SEES, List.of()),
                permit("a self-claimed relationship permits and alerts a privacy officer", ask(clinician()),
                        partnerWith(rel("self-claimed", TODAY, null)), "self-claimed", CLINICIAN_SEES, ALERT),
                permit("a source-asserted relationship is preferred to a self-claimed one, without alert",
                        ask(clinician()), partnerWith(rel("self-claimed", LONG_AGO, null), gp()),
                        "gp-registration", CLINICIAN_SEES, List.of()),
                permit("several relationships give a deterministic basis", ask(clinician()),
                        partnerWith(gp(), rel("care-team", LONG_AGO, null)), "care-team", CLINICIAN_SEES, List.of()),
                permit("a relationship makes a break-glass reason unnecessary", ask(clinician()).breakGlass(REASON),
                        partnerWith(gp()), "gp-registration", CLINICIAN_SEES, List.of()),
                permit("a clinician who is also a privacy officer acts as a clinician",
                        ask(as(ORG, null, "privacy-officer", "clinician")), partnerWith(gp()),
                        "gp-registration", CLINICIAN_SEES, List.of()),
                permit("a clinician who is also a social worker acts as a clinician",
                        ask(as(ORG, null, "social-worker", "clinician")), partnerWith(gp()),
                        "gp-registration", CLINICIAN_SEES, List.of()),

                // d. break-glass
                permit("a stated reason breaks glass and alerts a privacy officer", ask(clinician()).breakGlass(REASON),
                        partnerWith(), "break-glass", CLINICIAN_SEES, ALERT),
                permit("a social worker breaking glass sees the social worker's categories",
                        ask(socialWorker()).breakGlass(REASON), partnerWith(), "break-glass", SOCIAL_WORKER_SEES,
                        ALERT),
                permit("an access within the break-glass window needs no new reason and alerts a privacy officer",
                        ask(clinician()), brokeGlassAgo(Duration.ofHours(3)), "break-glass", CLINICIAN_SEES, ALERT),
                deny("once the break-glass window has passed, an access without a reason is refused",
                        ask(clinician()), brokeGlassAgo(Duration.ofHours(4)), "no-legitimate-relationship",
                        NO_RELATIONSHIP_REASON),
                deny("an ended relationship and no reason is refused", ask(clinician()),
                        partnerWith(rel("gp-registration", LONG_AGO, YESTERDAY)), "no-legitimate-relationship",
                        null),

                // e. no relationship, no reason
                deny("no relationship and no reason is refused, saying how to break glass", ask(clinician()),
                        partnerWith(), "no-legitimate-relationship", NO_RELATIONSHIP_REASON),
                deny("a social worker with no relationship and no reason is refused the same way",
                        ask(socialWorker()), partnerWith(), "no-legitimate-relationship", NO_RELATIONSHIP_REASON),

                // f. every other role
                deny("an analyst is refused: direct care only", ask(as(ORG, null, "analyst")).breakGlass(REASON),
                        partnerWith(gp()), "role-not-permitted", "direct care only"),
                deny("a privacy officer is refused identifiable records here", ask(as(ORG, null, "privacy-officer")),
                        partnerWith(gp()), "role-not-permitted", "privacy-officer"),
                deny("a partner system is refused", ask(as(ORG, null, "partner-system")), partnerWith(gp()),
                        "role-not-permitted", null),
                deny("a service account is refused", ask(as(null, null, "service")), noOrg(),
                        "role-not-permitted", null),
                deny("a caller with no role is refused", ask(as(ORG, null)), partnerWith(gp()),
                        "role-not-permitted", "no role"),
                deny("an unknown role is refused", ask(as(ORG, null, "receptionist")), partnerWith(gp()),
                        "role-not-permitted", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(Case c) {
        AccessDecision decision = AccessPolicy.decide(c.request(), c.facts(), POLICY);
        assertAll(
                () -> assertEquals(c.verdict(), decision.effect(), "verdict"),
                () -> assertEquals(c.basis(), decision.auditBasis(), "basis"),
                () -> assertEquals(Set.copyOf(c.categories()), Set.copyOf(decision.categoryCodes()), "categories"),
                () -> assertEquals(c.obligations().contains("alert-privacy-officer"),
                        decision.obliges(Obligation.ALERT_PRIVACY_OFFICER), "privacy officer alert"),
                () -> assertEquals(c.verdict() == Effect.PERMIT, decision.obliges(Obligation.AUDIT_DISCLOSURE),
                        "audit"),
                () -> assertTrue(c.reasonContains() == null || decision.reason().contains(c.reasonContains()),
                        () -> "reason was: " + decision.reason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyDecisionExplainsItselfAndADenialShowsNothing(Case c) {
        AccessDecision decision = AccessPolicy.decide(c.request(), c.facts(), POLICY);
        assertFalse(decision.reason().isBlank());
        assertFalse(decision.reason().contains(NHS), "a reason never repeats the NHS number");
        if (!decision.permitted()) {
            assertEquals(List.of(), decision.categories());
            assertEquals(List.of(), decision.obligations());
            assertEquals(List.of(), decision.itemRules());
        }
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({"clinician, allergies", "social-worker, ''"})
    void whatStaffSeeIsThePolicyDataNotCode(String role, String categories) {
        PolicyData allergiesForClinicians = policy(new CategoryPolicy(Map.of("clinician",
                Set.of(CareCategory.ALLERGIES))));
        AccessDecision decision = AccessPolicy.decide(ask(as(ORG, null, role)).request(), partnerWith(gp()),
                allergiesForClinicians);
        assertEquals(Effect.PERMIT, decision.effect());
        assertEquals(categories.isEmpty() ? List.of() : List.of(categories.split(" ")), decision.categoryCodes());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|false", "'          '|false", "'012345678'|false", "'  012345678  '|false", "'0123456789'|true",
        "'  0123456789  '|true", "'a        b'|true", "'Unconscious in ED'|true"})
    void aBreakGlassReasonNeedsTenCharactersOnceTrimmed(String reason, boolean accepted) {
        assertEquals(accepted, reason.matches(BreakGlass.TEXT));
    }

    // --- the table's vocabulary ---

    /** A request being built: who asks, about whom, why. */
    record Ask(AccessRequest request) {

        Ask action(Action action) {
            return new Ask(new AccessRequest(request.personId(), request.nhsNumber(), action, request.caller(),
                    request.breakGlass()));
        }

        Ask person(UUID personId) {
            return new Ask(new AccessRequest(personId, request.nhsNumber(), request.action(), request.caller(),
                    request.breakGlass()));
        }

        Ask about(String nhsNumber) {
            return new Ask(new AccessRequest(request.personId(), nhsNumber, request.action(), request.caller(),
                    request.breakGlass()));
        }

        Ask breakGlass(String reason) {
            return new Ask(new AccessRequest(request.personId(), request.nhsNumber(), request.action(),
                    request.caller(), new BreakGlass(BreakGlassReason.EMERGENCY_CARE, reason)));
        }
    }

    static Ask ask(CallerDetails caller) {
        return new Ask(new AccessRequest(PERSON, NHS, Action.SUMMARY, caller, null));
    }

    static CallerDetails as(String org, String nhsNumber, String... roles) {
        return new CallerDetails("user-1", "Test User", Set.of(roles), org, "S8000:G8000:R8000", nhsNumber);
    }

    static CallerDetails clinician() {
        return as(ORG, null, "clinician");
    }

    static CallerDetails socialWorker() {
        return as(ORG, null, "social-worker");
    }

    static CallerDetails patient(String nhsNumber) {
        return as(null, nhsNumber, "patient");
    }

    static PartnerAgreement agreement(LocalDate signedOn, LocalDate withdrawnOn) {
        return new PartnerAgreement(signedOn, withdrawnOn, null);
    }

    static Set<CareCategory> categories(List<String> codes) {
        return codes.stream().map(code -> CareCategory.ofCode(code).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CareCategory.class)));
    }

    static PolicyData policy(CategoryPolicy categories) {
        return new PolicyData(1, categories, 90, 4, Set.of(), Set.of(), Set.of(), Set.of("R"));
    }

    static CareRelationship rel(String kind, LocalDate startedOn, LocalDate endsOn) {
        return new CareRelationship(kind, startedOn, endsOn);
    }

    static CareRelationship gp() {
        return rel("gp-registration", LONG_AGO, null);
    }

    static AccessFacts facts(PartnerAgreement partner, CareRelationship... relationships) {
        return new AccessFacts(TODAY, partner, List.of(relationships), List.of(), false, null, NOW);
    }

    static AccessFacts partnerWith(CareRelationship... relationships) {
        return facts(agreement(LONG_AGO, null), relationships);
    }

    /** A sharing partner's professional who broke glass for the person this long ago. */
    static AccessFacts brokeGlassAgo(Duration ago) {
        return new AccessFacts(TODAY, agreement(LONG_AGO, null), List.of(), List.of(), false, NOW.minus(ago), NOW);
    }

    static AccessFacts noOrg() {
        return facts(null);
    }

    static Case permit(String name, Ask ask, AccessFacts facts, String basis, List<String> categories,
            List<String> obligations) {
        return new Case(name, ask.request(), facts, Effect.PERMIT, basis, categories, obligations, null);
    }

    static Case deny(String name, Ask ask, AccessFacts facts, String basis, String reasonContains) {
        return new Case(name, ask.request(), facts, Effect.DENY, basis, List.of(), List.of(), reasonContains);
    }
}
