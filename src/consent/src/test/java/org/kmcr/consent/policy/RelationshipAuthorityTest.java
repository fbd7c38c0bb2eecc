package org.kmcr.consent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.consent.SharingPartner;

/** Who may assert which relationship, as a table: kind, for whom, asserted by whom (and its kind) -> verdict. */
class RelationshipAuthorityTest {

    @ParameterizedTest(name = "{0} for {1} asserted by {2} ({3}, in force {4}) -> {5}")
    @CsvSource({
        // a GP registration: from the practice itself, or from a registration authority
        "gp-registration, K81001, K81001, gp-practice, true, accepted",
        "gp-registration, K81002, X26, registration-authority, true, accepted",
        "gp-registration, K81002, K81001, gp-practice, true, 'K81001 may not register a person with K81002'",
        "gp-registration, RKM, RKM, acute-trust, true, 'RKM may not register a person with RKM'",
        "gp-registration, K81001, RKM, acute-trust, true, 'RKM may not register a person with K81001'",
        // encounters, admissions, episodes, allocations: only the sender's own organisation
        "admission, RKM, RKM, acute-trust, true, accepted",
        "care-team, RKM, KMSC1, local-authority, true, 'KMSC1 may assert a care-team only for itself, not for RKM'",
        "social-care-allocation, KMSC1, KMSC1, local-authority, true, accepted",
        "episode, RXT, X26, registration-authority, true, 'X26 may assert a episode only for itself'",
        // a referral: by the referrer, for the recipient
        "referral, RKM, K81001, gp-practice, true, accepted",
        "referral, RKM, RKM, acute-trust, true, 'RKM cannot refer a person to itself'",
        // never from a system, never from outside the agreement
        "self-claimed, RKM, RKM, acute-trust, true, 'never asserted by a system'",
        "care-team, RKM, RKM, acute-trust, false, 'RKM is not a sharing partner'",
    })
    void judgesEachAssertion(String kind, String org, String asserter, String asserterKind, boolean inForce,
            String expected) {
        Optional<String> refusal = RelationshipAuthority.refusalFor(kind, org, asserter,
                new SharingPartner(asserter, "Partner " + asserter, asserterKind, inForce));
        if ("accepted".equals(expected)) {
            assertEquals(Optional.empty(), refusal);
        } else {
            assertEquals(true, refusal.orElseThrow().startsWith(expected) || refusal.get().contains(expected),
                    refusal.get());
        }
    }

    @org.junit.jupiter.api.Test
    void anOrganisationNeverRegisteredAssertsNothing() {
        assertEquals(Optional.of("Y09999 is not a sharing partner, so it cannot assert relationships"),
                RelationshipAuthority.refusalFor("care-team", "Y09999", "Y09999", null));
    }

    @ParameterizedTest(name = "officer of {2} records {0} for {1} -> {3}")
    @CsvSource({
        "care-team, RKM, QKM, accepted",
        "gp-registration, K81001, QKM, accepted",
        "care-team, QKM, QKM, 'A privacy officer cannot grant a relationship to their own organisation'",
        "self-claimed, RKM, QKM, 'A self-claimed relationship is claimed by the professional themself'",
    })
    void officersNeverGrantToTheirOwnOrganisation(String kind, String org, String officerOrg, String expected) {
        Optional<String> refusal = RelationshipAuthority.officerRefusalFor(kind, org, officerOrg);
        assertEquals("accepted".equals(expected), refusal.isEmpty(), refusal.toString());
        refusal.ifPresent(reason -> assertEquals(true, reason.startsWith(expected), reason));
    }
}
