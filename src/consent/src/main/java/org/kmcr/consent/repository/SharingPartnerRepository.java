package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.consent.model.SharingPartner;

@ApplicationScoped
public class SharingPartnerRepository implements PanacheRepositoryBase<SharingPartner, String> {

    /** Serialises writers of one partner until the transaction ends. */
    public Uni<Void> lock(String odsCode) {
        return getSession().chain(session -> AdvisoryLock.on(session, "sharing_partner:" + odsCode));
    }

    public Uni<List<SharingPartner>> inCodeOrder() {
        return listAll(Sort.by("odsCode"));
    }
}
