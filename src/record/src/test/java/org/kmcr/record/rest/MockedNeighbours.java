package org.kmcr.record.rest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.testing.TestNhsNumbers;

/** Identity, consent and audit as mocks for record's tests: one person, a permit, every audit committed. */
abstract class MockedNeighbours {

    static final List<CareCategory> EVERY_CATEGORY = Arrays.asList(CareCategory.values());

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    /** A person KMCR holds with these source identities; answers their NHS number. */
    String person(UUID... sourceIdentities) {
        String nhsNumber = TestNhsNumbers.next();
        List<PersonIdentities.SourceIdentityRef> refs = Arrays.stream(sourceIdentities)
                .map(id -> new PersonIdentities.SourceIdentityRef(id, "RKM", "partner-rkm-pas", "p-" + id))
                .toList();
        doReturn(Uni.createFrom().item(new PersonIdentities(UUID.randomUUID(), nhsNumber, refs)))
                .when(identity).findByNhsNumber(nhsNumber);
        return nhsNumber;
    }

    void permits(List<CareCategory> categories, List<ItemRule> rules) {
        doReturn(Uni.createFrom().item(new AccessDecision(Effect.PERMIT, Basis.RELATIONSHIP, "gp-registration", null,
                "permitted for the test", categories, rules, List.of(), List.of(Obligation.AUDIT_DISCLOSURE), null)))
                .when(consent).decide(argThat(r -> r.personId() != null));
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 1, "h")))
                .when(audit).record(any());
    }
}
