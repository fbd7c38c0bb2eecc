package org.kmcr.ingest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AssertionOutcome;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.common.testing.AuditMocks;

/** Ingest's neighbours as the tests mock them at the client level: everything answers as in a healthy region. */
public final class Neighbours {

    private Neighbours() {
    }

    /**
     * Identity links every patient to the person of its NHS number (one without to a person of its own); consent knows every sender as an acute trust
     * in the agreement and verifies every relationship; audit records everything.
     */
    public static void answer(IdentityClient identity, ConsentClient consent, AuditClient audit) {
        doAnswer(call -> {
            SourcePatient patient = call.getArgument(0, SourcePatient.class);
            return Uni.createFrom().item(new ResolvedIdentity(SourceIdentityIds.of(patient.sourceOrg(),
                    patient.sourceSystem(), patient.localId()), UUID.nameUUIDFromBytes((patient.nhsNumber() != null
                    ? patient.nhsNumber() : patient.sourceOrg() + "|" + patient.localId()).getBytes()),
                    patient.nhsNumber(), patient.nhsNumber() != null ? "nhs-number" : "new-person"));
        }).when(identity).resolve(any());
        doReturn(Uni.createFrom().item(new AssertionOutcome(AssertionOutcome.Status.VERIFIED, UUID.randomUUID(), null)))
                .when(consent).assertRelationship(any());
        doAnswer(call -> Uni.createFrom().item(new SharingPartner(call.getArgument(0), "Partner", "acute-trust", true)))
                .when(consent).sharingPartner(any());
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 1, "h")))
                .when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }
}
