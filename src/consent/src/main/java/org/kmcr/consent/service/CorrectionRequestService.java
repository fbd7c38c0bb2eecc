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
import org.kmcr.common.consent.CorrectionDecision;
import org.kmcr.common.consent.CorrectionRequest;
import org.kmcr.common.consent.CorrectionStatus;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.model.CorrectionRequestEntry;
import org.kmcr.consent.repository.CorrectionRequestRepository;
import org.kmcr.consent.repository.SharingPartnerRepository;

/**
 * Citizens' correction requests, routed to the organisation that recorded the entry: its staff see and answer the
 * requests addressed to their organisation only; the region's privacy officers see and may answer all of them.
 */
@ApplicationScoped
public class CorrectionRequestService {

    private final CorrectionRequestRepository repository;
    private final SharingPartnerRepository partners;
    private final Clock clock;

    CorrectionRequestService(CorrectionRequestRepository repository, SharingPartnerRepository partners, Clock clock) {
        this.repository = repository;
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Queues the citizen's request for the source organisation: 422 when that organisation does not share records
     * here. Asking again for the same correction while the first is open returns the first.
     */
    @WithTransaction
    public Uni<CorrectionRequestEntry> request(CorrectionRequest request, Caller citizen) {
        String item = request.item().strip();
        String correction = request.correction().strip();
        return partners.findById(request.sourceOrg()).chain(partner -> {
            if (partner == null) {
                throw ProblemException.unprocessable(request.sourceOrg()
                        + " is not an organisation that shares records here, so it holds nothing of yours to correct");
            }
            return repository.sameOpen(citizen.nhsNumber(), request.sourceOrg(), item, correction);
        }).chain(existing -> existing != null ? Uni.createFrom().item(existing)
                : repository.persist(entry(request.sourceOrg(), item, correction, citizen)));
    }

    @WithSession
    public Uni<List<CorrectionRequestEntry>> ofCitizen(String nhsNumber, int page, int size) {
        return repository.ofCitizen(nhsNumber, page, size);
    }

    /**
     * The requests the caller may answer, newest first: a privacy officer's of any source organisation (or of the
     * one asked for), a professional's of their own organisation only (403 when they ask for another's).
     */
    @WithSession
    public Uni<List<CorrectionRequestEntry>> routed(Caller caller, String sourceOrg, String status, int page,
            int size) {
        return repository.routed(scope(caller, sourceOrg), status, page, size);
    }

    /**
     * Records the source organisation's answer: 404 when there is no such request for the caller's organisation,
     * 409 when it was already answered (an answer is never overwritten).
     */
    @WithTransaction
    public Uni<CorrectionRequestEntry> decide(UUID id, CorrectionDecision decision, Caller caller) {
        return repository.findForUpdate(id).map(entry -> {
            if (entry == null || !mayAnswer(caller, entry)) {
                throw ProblemException.notFound("There is no correction request " + id + " for your organisation");
            }
            if (!CorrectionStatus.OPEN.code().equals(entry.status)) {
                throw new ProblemException(409, "Conflict", "This correction request was already answered ("
                        + entry.status + ") on " + entry.decidedAt);
            }
            entry.status = decision.outcome().status().code();
            entry.decisionNote = decision.note().strip();
            entry.decidedBy = caller.userId();
            entry.decidedByOrg = caller.orgCode();
            entry.decidedAt = now();
            return entry;
        });
    }

    /** The request, when the caller may see it (for auditing whom an answer concerns); null otherwise. */
    @WithSession
    public Uni<CorrectionRequestEntry> find(UUID id, Caller caller) {
        return repository.findById(id).map(entry -> entry != null && mayAnswer(caller, entry) ? entry : null);
    }

    static String scope(Caller caller, String sourceOrg) {
        if (caller.hasRole(Roles.PRIVACY_OFFICER)) {
            return sourceOrg;
        }
        if (caller.orgCode() == null) {
            throw ProblemException.forbidden("Your account names no organisation, so no requests are routed to you");
        }
        if (sourceOrg != null && !sourceOrg.equals(caller.orgCode())) {
            throw ProblemException.forbidden("You may see the correction requests routed to your own organisation ("
                    + caller.orgCode() + ") only");
        }
        return caller.orgCode();
    }

    static boolean mayAnswer(Caller caller, CorrectionRequestEntry entry) {
        return caller.hasRole(Roles.PRIVACY_OFFICER) || entry.sourceOrg.equals(caller.orgCode());
    }

    private CorrectionRequestEntry entry(String sourceOrg, String item, String correction, Caller citizen) {
        CorrectionRequestEntry entry = new CorrectionRequestEntry();
        entry.id = UUID.randomUUID();
        entry.nhsNumber = citizen.nhsNumber();
        entry.requestedBy = citizen.userId();
        entry.sourceOrg = sourceOrg;
        entry.item = item;
        entry.correction = correction;
        entry.status = CorrectionStatus.OPEN.code();
        entry.requestedAt = now();
        return entry;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; answer what will be stored
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
