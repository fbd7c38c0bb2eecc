package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kmcr.common.consent.AssertionOutcome;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.model.UnverifiedAssertion;
import org.kmcr.consent.policy.Episodes;
import org.kmcr.consent.policy.PartnerAgreement;
import org.kmcr.consent.policy.RelationshipAuthority;
import org.kmcr.consent.repository.RelationshipRepository;
import org.kmcr.consent.repository.SharingPartnerRepository;
import org.kmcr.consent.repository.UnverifiedAssertionRepository;

/**
 * The relationships between organisations and people that give staff a reason to see a record: asserted by the
 * partners' feeds (through ingest) and checked against who may assert what, or recorded and ended by privacy
 * officers, attributed to them.
 */
@ApplicationScoped
public class RelationshipService {

    private final RelationshipRepository repository;
    private final UnverifiedAssertionRepository unverified;
    private final SharingPartnerRepository partners;
    private final EpisodeWriter episodes;
    private final Clock clock;

    RelationshipService(RelationshipRepository repository, UnverifiedAssertionRepository unverified,
            SharingPartnerRepository partners, EpisodeWriter episodes, Clock clock) {
        this.repository = repository;
        this.unverified = unverified;
        this.partners = partners;
        this.episodes = episodes;
        this.clock = clock;
    }

    /**
     * A relationship a partner's message asserts, passed on by a KMCR client: it becomes (or confirms, or ends)
     * an episode when the sender was entitled to assert it, and is otherwise kept as unverified with the reason.
     * Idempotent: the same assertion again changes nothing.
     *
     * @param recordedVia the client id of the KMCR service that passed it on
     */
    @WithTransaction
    public Uni<AssertionOutcome> assertFromSource(RelationshipAssertion assertion, String recordedVia) {
        String asserterOrg = assertion.assertedBy().orgCode();
        return partners.findById(asserterOrg).chain(partner -> {
            Optional<String> refusal = RelationshipAuthority.refusalFor(assertion.kind(), assertion.orgCode(),
                    asserterOrg, standing(partner));
            if (refusal.isPresent()) {
                return keepUnverified(assertion, recordedVia, refusal.get());
            }
            Relationship author = new Relationship();
            author.assertedByOrg = asserterOrg;
            author.assertedBySystem = assertion.assertedBy().system();
            author.sourceMessage = assertion.sourceMessage();
            author.recordedVia = recordedVia;
            Episodes.Proposal proposal = new Episodes.Proposal(assertion.kind(), assertion.startedOn(),
                    assertion.endsOn(), asserterOrg, false, assertion.sourceMessage());
            return episodes.apply(assertion.personId(), assertion.orgCode(), proposal, author,
                    asserterOrg + " (" + assertion.assertedBy().system() + ")")
                    .chain(applied -> applied.relationship() == null
                            ? keepUnverified(assertion, recordedVia, applied.refusal())
                            : Uni.createFrom().item(new AssertionOutcome(AssertionOutcome.Status.VERIFIED,
                                    applied.relationship().id, null)));
        });
    }

    /**
     * A relationship recorded by a privacy officer for another organisation, attributed to them: 403 for their
     * own organisation, 409 when the episode rules refuse it; idempotent while an episode is current.
     */
    @WithTransaction
    public Uni<EpisodeWriter.Applied> recordByOfficer(UUID personId, String orgCode, String kind,
            LocalDate startedOn, LocalDate endsOn, String note, Caller officer) {
        RelationshipAuthority.officerRefusalFor(kind, orgCode, officer.orgCode()).ifPresent(reason -> {
            throw ProblemException.forbidden(reason);
        });
        Relationship author = byPerson(officer, "privacy-officer:" + UUID.randomUUID(), note);
        Episodes.Proposal proposal = new Episodes.Proposal(kind, startedOn, endsOn, officer.orgCode(), true,
                author.sourceMessage);
        return episodes.apply(personId, orgCode, proposal, author, endedBy(officer)).map(RelationshipService::orConflict);
    }

    /** Ends an episode on the given day, as a privacy officer: 404 unknown, 409 when it cannot be ended so. */
    @WithTransaction
    public Uni<EpisodeWriter.Applied> endByOfficer(UUID id, LocalDate endsOn, Caller officer) {
        return repository.findById(id).chain(episode -> {
            if (episode == null) {
                throw ProblemException.notFound("There is no relationship " + id);
            }
            if (episode.endsOn != null && episode.endsOn.isBefore(LocalDate.now(clock))) {
                conflict("Relationship " + id + " has already ended");
            }
            Episodes.Proposal proposal = new Episodes.Proposal(episode.kind, null, endsOn, officer.orgCode(), true,
                    "privacy-officer:" + UUID.randomUUID());
            return episodes.apply(episode.personId, episode.orgCode, proposal, new Relationship(), endedBy(officer))
                    .map(RelationshipService::orConflict);
        });
    }

    /** Every episode of a person, current or not, by organisation, kind and start. */
    @WithSession
    public Uni<List<Relationship>> forPerson(UUID personId) {
        return repository.forPerson(personId);
    }

    /** The assertions about a person that were kept as unverified, newest first. */
    @WithSession
    public Uni<List<UnverifiedAssertion>> unverifiedFor(UUID personId) {
        return unverified.forPerson(personId);
    }

    /** One episode; null when unknown. */
    @WithSession
    public Uni<Relationship> find(UUID id) {
        return repository.findById(id);
    }

    /** An episode asserted by a person (an officer, or a professional claiming it), from the client they used. */
    static Relationship byPerson(Caller person, String sourceMessage, String reason) {
        Relationship author = new Relationship();
        author.assertedByOrg = person.orgCode();
        author.assertedBySystem = person.clientId() == null ? "unknown" : person.clientId();
        author.assertedByUser = person.userId();
        author.sourceMessage = sourceMessage;
        author.recordedVia = author.assertedBySystem;
        author.reason = reason;
        return author;
    }

    private Uni<AssertionOutcome> keepUnverified(RelationshipAssertion assertion, String recordedVia, String reason) {
        UnverifiedAssertion kept = new UnverifiedAssertion();
        kept.id = UUID.randomUUID();
        kept.personId = assertion.personId();
        kept.orgCode = assertion.orgCode();
        kept.kind = assertion.kind();
        kept.startedOn = assertion.startedOn();
        kept.endsOn = assertion.endsOn();
        kept.assertedByOrg = assertion.assertedBy().orgCode();
        kept.assertedBySystem = assertion.assertedBy().system();
        kept.sourceMessage = assertion.sourceMessage();
        kept.recordedVia = recordedVia;
        kept.reason = reason;
        kept.receivedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        return unverified.keep(kept).map(ignored -> new AssertionOutcome(AssertionOutcome.Status.UNVERIFIED, null,
                reason + ". It is kept as unverified and never gives access."));
    }

    private SharingPartner standing(org.kmcr.consent.model.SharingPartner partner) {
        return partner == null ? null : new SharingPartner(partner.odsCode, partner.name, partner.kind,
                new PartnerAgreement(partner.agreementSignedOn, partner.withdrawnOn, partner.suspendedOn)
                        .sharesOn(LocalDate.now(clock)));
    }

    private static String endedBy(Caller officer) {
        return officer.orgCode() + " (privacy officer " + officer.userId() + ")";
    }

    private static EpisodeWriter.Applied orConflict(EpisodeWriter.Applied applied) {
        return applied.change() == EpisodeWriter.Applied.Change.REFUSED ? conflict(applied.refusal()) : applied;
    }

    private static EpisodeWriter.Applied conflict(String detail) {
        throw new ProblemException(409, "Conflict", detail);
    }
}
