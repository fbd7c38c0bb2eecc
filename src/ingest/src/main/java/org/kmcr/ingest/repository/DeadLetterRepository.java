package org.kmcr.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.ingest.model.DeadLetter;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, UUID> {

    public Uni<List<DeadLetter>> findForOrg(String sourceOrg, String state, int page, int size) {
        return find("sourceOrg = ?1 and state = ?2", Sort.by("receivedAt").descending(), sourceOrg, state)
                .page(Page.of(page, size)).list();
    }

    /** Every organisation's dead letters in the state, newest first (the platform operator's list). */
    public Uni<List<DeadLetter>> findInState(String state, int page, int size) {
        return find("state", Sort.by("receivedAt").descending(), state).page(Page.of(page, size)).list();
    }
}
