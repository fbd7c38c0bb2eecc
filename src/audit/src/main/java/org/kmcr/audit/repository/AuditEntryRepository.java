package org.kmcr.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public Uni<AuditEntry> findLast() {
        return find("order by sequence desc").firstResult();
    }

    /** Entries in chain order, starting after the given sequence. */
    public Uni<List<AuditEntry>> chainAfter(long sequence, int batchSize) {
        return find("sequence > ?1", Sort.by("sequence"), sequence).page(Page.ofSize(batchSize)).list();
    }

    public Uni<List<AuditEntry>> forNhsNumber(String nhsNumber, int page, int size) {
        return find("subjectNhsNumber", Sort.by("sequence").descending(), nhsNumber)
                .page(Page.of(page, size)).list();
    }

    /** Disclosures of one person's record (actions {@code record.*}), newest first: what the citizen sees. */
    public Uni<List<AuditEntry>> recordAccessesTo(String nhsNumber, int page, int size) {
        return find("subjectNhsNumber = ?1 and action like 'record.%'", Sort.by("sequence").descending(), nhsNumber)
                .page(Page.of(page, size)).list();
    }

    /** The entries at the given sequences that exist. */
    public Uni<List<AuditEntry>> atSequences(Collection<Long> sequences) {
        return sequences.isEmpty() ? Uni.createFrom().item(List.of()) : list("sequence in ?1", sequences);
    }

    /** Forgets the entities loaded so far, so that a long walk keeps the session small. */
    public Uni<Void> forgetLoaded() {
        return getSession().invoke(session -> session.clear()).replaceWithVoid();
    }
}
