package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.common.problem.Problem;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.consent.model.SharingPartner;
import org.kmcr.consent.repository.SharingPartnerRepository;

/** The register of organisations that have signed the joint controllers' agreement. */
@ApplicationScoped
public class SharingPartnerService {

    private final SharingPartnerRepository repository;

    SharingPartnerService(SharingPartnerRepository repository) {
        this.repository = repository;
    }

    /**
     * Creates or replaces the partner with the proposed one's ODS code. Withdrawing is recorded by setting its
     * withdrawal date, never by deleting it, so past decisions stay explainable.
     */
    @WithTransaction
    public Uni<Upserted<SharingPartner>> upsert(SharingPartner proposed) {
        if (proposed.withdrawnOn != null && proposed.withdrawnOn.isBefore(proposed.agreementSignedOn)) {
            return Uni.createFrom().failure(new ProblemException(400, "Bad request", "The request has invalid fields",
                    List.of(new Problem.FieldError("withdrawnOn", "must not be before agreementSignedOn"))));
        }
        return repository.lock(proposed.odsCode)
                .chain(() -> repository.findById(proposed.odsCode))
                .chain(existing -> existing == null
                        ? repository.persist(proposed).map(created -> new Upserted<>(created, true))
                        : Uni.createFrom().item(new Upserted<>(replace(existing, proposed), false)));
    }

    /** Every partner, past and present, in ODS code order. */
    @WithSession
    public Uni<List<SharingPartner>> list() {
        return repository.inCodeOrder();
    }

    /** One partner; null when the organisation has never been one. */
    @WithSession
    public Uni<SharingPartner> find(String odsCode) {
        return repository.findById(odsCode);
    }

    private static SharingPartner replace(SharingPartner existing, SharingPartner proposed) {
        existing.name = proposed.name;
        existing.kind = proposed.kind;
        existing.agreementSignedOn = proposed.agreementSignedOn;
        existing.withdrawnOn = proposed.withdrawnOn;
        existing.suspendedOn = proposed.suspendedOn;
        return existing;
    }
}
