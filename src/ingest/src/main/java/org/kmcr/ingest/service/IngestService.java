package org.kmcr.ingest.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.jboss.logging.Logger;
import org.kmcr.common.client.Workers;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.Relationship;
import org.kmcr.common.identity.Demographics;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.fhir.BundleReader;
import org.kmcr.ingest.fhir.ItemMapper;
import org.kmcr.ingest.fhir.Submission;
import org.kmcr.ingest.fhir.TransactionResponse;
import org.kmcr.ingest.model.DeadLetter;
import org.kmcr.ingest.model.Sender;
import org.kmcr.recordmodel.model.CareItem;

/**
 * Takes a FHIR bundle from a partner system into the record: validate, resolve the patient with the MPI,
 * record the GP registration with consent, store each item once with provenance. Every step is idempotent,
 * so a re-sent or replayed bundle changes nothing that is already stored. A submission that fails is kept
 * as a dead letter.
 */
@ApplicationScoped
public class IngestService {

    public static final String FHIR_JSON = "application/fhir+json";
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final BundleReader reader;
    private final ItemMapper mapper;
    private final TransactionResponse response;
    private final IdentityClient identity;
    private final ConsentClient consent;
    private final CareItemWriter writer;
    private final DeadLetterService deadLetters;

    IngestService(BundleReader reader, ItemMapper mapper, TransactionResponse response, IdentityClient identity,
            ConsentClient consent, CareItemWriter writer, DeadLetterService deadLetters) {
        this.reader = reader;
        this.mapper = mapper;
        this.response = response;
        this.identity = identity;
        this.consent = consent;
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    /**
     * Processes a bundle and returns the transaction-response JSON; on failure keeps it as a dead letter.
     * Only sharing partners may send: another organisation's bundle is refused and not kept.
     */
    public Uni<String> submit(Sender sender, String bundleJson) {
        Instant receivedAt = Instant.now();
        return requirePartner(sender).chain(() -> process(sender, bundleJson, receivedAt)
                .onFailure().recoverWithUni(failure -> keepAsDeadLetter(sender, bundleJson, receivedAt, failure)));
    }

    private Uni<String> keepAsDeadLetter(Sender sender, String bundleJson, Instant receivedAt, Throwable failure) {
        ProblemException problem = asProblem(failure);
        return deadLetters.keep(sender, FHIR_JSON, bundleJson, problem, receivedAt)
                .chain(id -> Uni.createFrom().failure(withDeadLetter(problem, id)));
    }

    private Uni<Void> requirePartner(Sender sender) {
        return consent.isSharingPartner(sender.orgCode()).invoke(partner -> {
            if (!partner) {
                throw ProblemException.forbidden(sender.orgCode() + " is not a sharing partner: KMCR accepts "
                        + "records only from organisations whose joint controllers' agreement is in force");
            }
        }).replaceWithVoid();
    }

    /** Processes a dead letter again, as its original sender; it stays open, with the new problem, if it fails. */
    public Uni<String> replay(UUID deadLetterId, String callerOrg) {
        return deadLetters.find(deadLetterId, callerOrg).chain(letter -> {
            if (DeadLetter.REPLAYED.equals(letter.state)) {
                throw new ProblemException(409, "Conflict", "Dead letter " + deadLetterId + " was already replayed");
            }
            Sender sender = new Sender(letter.sourceOrg, letter.sourceSystem);
            return requirePartner(sender).chain(() -> process(sender, letter.payload, Instant.now()))
                    .call(() -> deadLetters.recordReplay(deadLetterId, null))
                    .onFailure().recoverWithUni(failure -> {
                        ProblemException problem = asProblem(failure);
                        return deadLetters.recordReplay(deadLetterId, problem)
                                .chain(() -> Uni.createFrom().<String>failure(withDeadLetter(problem, deadLetterId)));
                    });
        });
    }

    private Uni<String> process(Sender sender, String bundleJson, Instant receivedAt) {
        return Workers.call(() -> reader.read(bundleJson)).chain(submission -> identity
                .resolve(sourcePatient(sender, submission))
                .call(resolved -> recordGpRegistrations(resolved, submission, sender))
                .chain(resolved -> Workers.call(() -> items(submission, sender, resolved.sourceIdentityId(), receivedAt)))
                .chain(writer::store)
                .map(stored -> response.of(submission.entries(), stored)));
    }

    private List<CareItem> items(Submission submission, Sender sender, UUID sourceIdentityId, Instant receivedAt) {
        return submission.entries().stream().filter(ItemMapper::isStored)
                .map(resource -> mapper.toItem(resource, sender, sourceIdentityId, receivedAt))
                .toList();
    }

    private Uni<Void> recordGpRegistrations(ResolvedIdentity resolved, Submission submission, Sender sender) {
        List<Uni<Void>> calls = submission.gpPracticeOdsCodes().stream()
                .map(ods -> consent.recordRelationship(new Relationship(resolved.personId(), ods,
                        Relationship.GP_REGISTRATION, "fhir:" + sender.system(), LocalDate.now(), null)))
                .toList();
        return calls.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(calls).andFailFast().replaceWithVoid();
    }

    static SourcePatient sourcePatient(Sender sender, Submission submission) {
        Patient patient = submission.patient();
        HumanName name = patient.getNameFirstRep();
        Demographics demographics = new Demographics(name.getFamily(),
                name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null,
                patient.hasGender() ? patient.getGender().toCode() : null,
                patient.hasAddress() ? patient.getAddressFirstRep().getPostalCode() : null);
        return new SourcePatient(sender.orgCode(), sender.system(), patient.getIdElement().getIdPart(),
                submission.nhsNumber(), demographics);
    }

    private static ProblemException asProblem(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        LOG.error("Unexpected failure while ingesting a bundle", failure);
        return new ProblemException(500, "Internal server error", "The bundle could not be processed");
    }

    private static ProblemException withDeadLetter(ProblemException problem, UUID id) {
        return new ProblemException(problem.status(), problem.title(), problem.getMessage()
                + ". Nothing from it was stored; it is kept as dead letter " + id + " for inspection and replay",
                problem.errors());
    }
}
