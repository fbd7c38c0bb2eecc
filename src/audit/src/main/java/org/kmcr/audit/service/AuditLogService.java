package org.kmcr.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.AuditSearch;
import org.kmcr.audit.repository.AuditEntryRepository;
import org.kmcr.common.audit.AuditBatchOutcome;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.problem.ProblemException;

/** Appends to and reads the hash-chained audit log. */
@ApplicationScoped
public class AuditLogService {

    private final AuditEntryRepository repository;
    private final GroupCommit groupCommit;

    AuditLogService(AuditEntryRepository repository, GroupCommit groupCommit) {
        this.repository = repository;
        this.groupCommit = groupCommit;
    }

    /**
     * Commits an event at the end of the log, grouped with the other events waiting, and returns its receipt once
     * the transaction has committed. An event id already in the log answers the original receipt when the content
     * is the same, so senders may retry safely, and a 409 problem when it is not.
     */
    public Uni<AuditReceipt> append(AuditEvent event) {
        return groupCommit.append(event);
    }

    /**
     * Commits a sender's events together (queued at once, so they go in the same group commit when they fit) and
     * answers each in the order sent: its receipt, or its 409 refusal. Any other failure fails the whole call (503),
     * and the sender sends them all again: what was committed answers its receipt then.
     */
    public Uni<List<AuditBatchOutcome>> appendAll(List<AuditEvent> events) {
        return Uni.join().all(events.stream().map(event -> groupCommit.append(event).map(AuditBatchOutcome::committed)
                .onFailure(AuditLogService::isConflict).recoverWithItem(conflict -> AuditBatchOutcome.refused(
                        event.id(), 409, conflict.getMessage())))
                .toList()).andFailFast();
    }

    private static boolean isConflict(Throwable failure) {
        return failure instanceof ProblemException problem && problem.status() == 409;
    }

    /** One entry by its place in the chain; 404 when there is none. */
    @WithSession
    public Uni<AuditEntry> entry(long sequence) {
        return repository.findById(sequence).map(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("There is no audit entry " + sequence);
            }
            return entry;
        });
    }

    /** One page of the matching entries, newest first, and the exact number of them all. */
    @WithSession
    public Uni<SearchPage> search(AuditSearch search, int page, int size) {
        return repository.count(search).chain(total -> repository.search(search, page, size)
                .map(entries -> new SearchPage(entries, total)));
    }

    /** A page of entries and how many match in all. */
    public record SearchPage(List<AuditEntry> entries, long total) {
    }

    /** The disclosures of one person's record (actions {@code record.*}), newest first, for the person themself. */
    @WithSession
    public Uni<List<AuditEntry>> recordAccessesTo(String nhsNumber, int page, int size) {
        return repository.recordAccessesTo(nhsNumber, page, size);
    }
}
