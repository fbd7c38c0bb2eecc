package org.kmcr.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.AuditSearch;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** The newest entry recorded before the given time; null when there is none. */
    public Uni<AuditEntry> lastRecordedBefore(Instant time) {
        return find("recordedAt < ?1 order by sequence desc", time).firstResult();
    }

    /** The oldest entry still stored (retention drops old months); null when the log is empty. */
    public Uni<AuditEntry> findFirst() {
        return find("order by sequence").firstResult();
    }

    public Uni<AuditEntry> findLast() {
        return find("order by sequence desc").firstResult();
    }

    /** Entries in chain order, starting after the given sequence. */
    public Uni<List<AuditEntry>> chainAfter(long sequence, int batchSize) {
        return find("sequence > ?1", Sort.by("sequence"), sequence).page(Page.ofSize(batchSize)).list();
    }

    /** One page of the entries that match, newest first. */
    public Uni<List<AuditEntry>> search(AuditSearch search, int page, int size) {
        Query query = Query.of(search);
        return find(query.where(), Sort.by("sequence").descending(), query.parameters())
                .page(Page.of(page, size)).list();
    }

    /** How many entries match, exactly. */
    public Uni<Long> count(AuditSearch search) {
        Query query = Query.of(search);
        return count(query.where(), query.parameters());
    }

    /** A search as a Panache query: criteria joined with AND over named parameters; "1 = 1" when none. */
    record Query(String where, Parameters parameters) {

        static Query of(AuditSearch s) {
            List<String> clauses = new ArrayList<>();
            Parameters parameters = new Parameters();
            add(clauses, parameters, "subjectNhsNumber = :nhsNumber", "nhsNumber", s.nhsNumber());
            add(clauses, parameters, "subjectPersonId = :personId", "personId", s.personId());
            add(clauses, parameters, "actorUserId = :userId", "userId", s.userId());
            add(clauses, parameters, "actorOrg = :orgCode", "orgCode", s.orgCode());
            add(clauses, parameters, "occurredAt >= :from", "from", s.from());
            add(clauses, parameters, "occurredAt < :to", "to", s.to());
            if (s.action() != null && s.action().endsWith(".")) {
                add(clauses, parameters, "action like :action", "action", s.action() + "%");
            } else {
                add(clauses, parameters, "action = :action", "action", s.action());
            }
            add(clauses, parameters, "accessBasis = :basis", "basis", s.basis());
            add(clauses, parameters, "outcome = :outcome", "outcome", s.outcome());
            return new Query(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
        }

        private static void add(List<String> clauses, Parameters parameters, String clause, String name, Object value) {
            if (value != null) {
                clauses.add(clause);
                parameters.and(name, value);
            }
        }
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
