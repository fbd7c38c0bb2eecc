package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kmcr.consent.model.CorrectionRequestEntry;

@ApplicationScoped
public class CorrectionRequestRepository implements PanacheRepositoryBase<CorrectionRequestEntry, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("requestedAt").descending().and("id");

    /** One citizen's requests, newest first. */
    public Uni<List<CorrectionRequestEntry>> ofCitizen(String nhsNumber, int page, int size) {
        return find("nhsNumber", NEWEST_FIRST, nhsNumber).page(Page.of(page, size)).list();
    }

    /** Requests newest first, to one source organisation and of one status when given (null: any). */
    public Uni<List<CorrectionRequestEntry>> routed(String sourceOrg, String status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (sourceOrg != null) {
            conditions.add("sourceOrg = :org");
            parameters = parameters.and("org", sourceOrg);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters = parameters.and("status", status);
        }
        return (conditions.isEmpty() ? findAll(NEWEST_FIRST)
                : find(String.join(" and ", conditions), NEWEST_FIRST, parameters))
                .page(Page.of(page, size)).list();
    }

    /** The citizen's identical request still open, if any: asking twice queues it once. */
    public Uni<CorrectionRequestEntry> sameOpen(String nhsNumber, String sourceOrg, String item, String correction) {
        return find("nhsNumber = ?1 and sourceOrg = ?2 and item = ?3 and correction = ?4 and status = 'open'",
                nhsNumber, sourceOrg, item, correction).firstResult();
    }

    /** The request, locked against a concurrent answer until the transaction ends; null when unknown. */
    public Uni<CorrectionRequestEntry> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
