package org.kmcr.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.repository.AuditEntryRepository;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.problem.ProblemException;

/** Appends to and reads the hash-chained audit log. */
@ApplicationScoped
public class AuditLogService {

    private final AuditEntryRepository repository;

    AuditLogService(AuditEntryRepository repository) {
        this.repository = repository;
    }

    /**
     * Commits an event at the end of the chain and returns its receipt once the transaction has committed.
     * An event id already in the log returns the existing receipt, so senders may retry safely.
     */
    @WithTransaction
    public Uni<AuditReceipt> append(AuditEvent event) {
        return repository.lockChain()
                .chain(() -> repository.findByEventId(event.id()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : repository.findLast().chain(last -> repository.persist(chained(event, last))))
                .map(entry -> new AuditReceipt(entry.eventId, entry.sequence, entry.hash));
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

    /** Every entry about one person, newest first, for a privacy officer. */
    @WithSession
    public Uni<List<AuditEntry>> entriesAbout(String nhsNumber, int page, int size) {
        return repository.forNhsNumber(nhsNumber, page, size);
    }

    /** The disclosures of one person's record (actions {@code record.*}), newest first, for the person themself. */
    @WithSession
    public Uni<List<AuditEntry>> recordAccessesTo(String nhsNumber, int page, int size) {
        return repository.recordAccessesTo(nhsNumber, page, size);
    }

    static AuditEntry chained(AuditEvent event, AuditEntry last) {
        AuditEntry entry = new AuditEntry();
        entry.sequence = last == null ? 1 : last.sequence + 1;
        entry.prevHash = last == null ? ChainHash.GENESIS : last.hash;
        entry.eventId = event.id();
        // PostgreSQL keeps microseconds; hash what will be stored
        entry.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.action = event.action();
        entry.outcome = event.outcome();
        entry.actorUserId = event.actor().userId();
        entry.actorName = event.actor().displayName();
        entry.actorRole = event.actor().role();
        entry.actorOrg = event.actor().orgCode();
        entry.actorRoleProfile = event.actor().roleProfileId();
        entry.actorRoleCode = event.actor().roleCode();
        entry.actorClient = event.actor().clientId();
        entry.purpose = event.purpose();
        entry.accessBasis = event.accessBasis();
        entry.breakGlassReason = event.breakGlassReason();
        entry.subjectPersonId = event.subjectPersonId();
        entry.subjectNhsNumber = event.subjectNhsNumber();
        entry.categories = event.categories() == null ? null : String.join(",", event.categories());
        entry.hash = ChainHash.of(entry);
        return entry;
    }
}
