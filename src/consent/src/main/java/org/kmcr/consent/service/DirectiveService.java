package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.AuditOutbox;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.consent.model.ConsentDirective;
import org.kmcr.consent.repository.ConsentDirectiveRepository;

/**
 * A person's objections, restrictions and consents to share. A privacy officer records them after reviewing each
 * case; a citizen's own request waits, proposed, until an officer accepts or rejects it. Each change bumps the
 * policy version in its transaction, so it applies from the very next decision on every consent pod. Each change
 * writes its audit event to the audit outbox in the same transaction: a change is made (and audited once audit is
 * back) while audit is down, and never without its event.
 */
@ApplicationScoped
public class DirectiveService {

    public static final String RECORD = "consent.directive.record";
    public static final String REQUEST = "consent.directive.request";
    public static final String DECIDE = "consent.directive.decide";
    public static final String WITHDRAW = "consent.directive.withdraw";

    private final ConsentDirectiveRepository repository;
    private final Clock clock;
    private final AuditOutbox audit;

    DirectiveService(ConsentDirectiveRepository repository, Clock clock, AuditOutbox audit) {
        this.repository = repository;
        this.clock = clock;
        this.audit = audit;
    }

    /** Records a directive in force, decided by the officer recording it; 422 for an objection with no contact. */
    @WithTransaction
    public Uni<ConsentDirective> record(ConsentDirective proposed, Caller officer) {
        if ("objection".equals(proposed.kind) && (proposed.contact == null || proposed.contact.isBlank())) {
            throw ProblemException.unprocessable("An objection must say whom to contact about it (contact)");
        }
        proposed.id = UUID.randomUUID();
        proposed.status = ConsentDirective.ACTIVE;
        proposed.requestedBy = officer.userId();
        proposed.createdAt = now();
        proposed.decidedBy = officer.userId();
        proposed.decidedAt = proposed.createdAt;
        return repository.persist(proposed).call(saved -> audited(officer, RECORD, saved));
    }

    /** Queues a citizen's request for review; it is not applied. */
    @WithTransaction
    public Uni<ConsentDirective> request(ConsentDirective proposed, Caller citizen) {
        proposed.id = UUID.randomUUID();
        proposed.nhsNumber = citizen.nhsNumber();
        proposed.status = ConsentDirective.REQUESTED;
        proposed.requestedBy = citizen.userId();
        proposed.createdAt = now();
        return repository.persist(proposed).call(saved -> audited(citizen, REQUEST, saved));
    }

    /**
     * Accepts (then it applies) or rejects a queued request: 404 when unknown, 409 when it is not waiting, 422 when
     * accepting an objection without saying whom to contact.
     */
    @WithTransaction
    public Uni<ConsentDirective> decide(UUID id, boolean accept, String note, String contact, Caller officer) {
        return repository.findForUpdate(id).map(directive -> {
            waiting(directive, id, ConsentDirective.REQUESTED, "was already decided: it is ");
            String contactFor = contact == null || contact.isBlank() ? directive.contact : contact.strip();
            if (accept && "objection".equals(directive.kind) && contactFor == null) {
                throw ProblemException.unprocessable("Accepting an objection needs whom to contact about it "
                        + "(contact)");
            }
            directive.status = accept ? ConsentDirective.ACTIVE : ConsentDirective.REJECTED;
            directive.contact = contactFor;
            return decided(directive, note, officer);
        }).call(directive -> audited(officer, DECIDE, directive));
    }

    /** Withdraws a directive in force (the person changed their mind): 409 when it is not in force. */
    @WithTransaction
    public Uni<ConsentDirective> withdraw(UUID id, String note, Caller officer) {
        return repository.findForUpdate(id).map(directive -> {
            waiting(directive, id, ConsentDirective.ACTIVE, "is not in force: it is ");
            directive.status = ConsentDirective.WITHDRAWN;
            return decided(directive, note, officer);
        }).call(directive -> audited(officer, WITHDRAW, directive));
    }

    @WithSession
    public Uni<List<ConsentDirective>> list(String nhsNumber, String status, int page, int size) {
        return repository.newestFirst(nhsNumber, status, page, size);
    }

    @WithSession
    public Uni<ConsentDirective> find(UUID id) {
        return repository.findById(id);
    }

    private static void waiting(ConsentDirective directive, UUID id, String expected, String otherwise) {
        if (directive == null) {
            throw ProblemException.notFound("There is no consent directive " + id);
        }
        if (!expected.equals(directive.status)) {
            throw new ProblemException(409, "Conflict", "This consent directive " + otherwise + directive.status);
        }
    }

    private ConsentDirective decided(ConsentDirective directive, String note, Caller officer) {
        directive.decidedBy = officer.userId();
        directive.decidedAt = now();
        directive.decisionNote = note == null ? null : note.strip();
        return directive;
    }

    private Uni<Void> audited(Caller actor, String action, ConsentDirective directive) {
        return audit.add(GovernanceEvents.of(actor, action, null, directive.nhsNumber));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
