package org.kmcr.ingest.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;
import org.kmcr.common.client.Workers;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.identity.Demographics;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.LinkStatus;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.fhir.BundleReader;
import org.kmcr.ingest.fhir.ItemMapper;
import org.kmcr.ingest.fhir.Submission;
import org.kmcr.ingest.fhir.TransactionResponse;
import org.kmcr.ingest.model.DeadLetter;
import org.kmcr.ingest.model.Sender;
import org.kmcr.recordmodel.model.SourceStanding;

/**
 * Takes a FHIR bundle from a partner system into the record: validate, store each item once with provenance
 * under the patient's source identity (all items or none), then have the MPI link that source identity to a
 * person, then pass the GP registrations the bundle asserts on to consent, which verifies who may assert them.
 * Everything that can refuse a bundle runs before anything is linked or asserted, so a bundle that ends as a
 * dead letter leaves no link and no relationship behind. Every step is idempotent, so a re-sent or replayed
 * bundle changes nothing that is already stored.
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

    /** How far a submission got, for the dead letter's message. */
    private static final class Progress {
        boolean itemsStored;
    }

    /**
     * Processes a bundle and returns the transaction-response JSON; on failure keeps it as a dead letter.
     * Only sharing partners may send: another organisation's bundle is refused and not kept.
     */
    public Uni<String> submit(Sender sender, String bundleJson) {
        Instant receivedAt = Instant.now();
        return requirePartner(sender).chain(partner -> {
            Progress progress = new Progress();
            return process(sender, partner, bundleJson, receivedAt, progress).onFailure().recoverWithUni(failure -> {
                ProblemException problem = asProblem(failure);
                return deadLetters.keep(sender, FHIR_JSON, bundleJson, problem, receivedAt)
                        .chain(id -> Uni.createFrom().failure(withDeadLetter(problem, id, progress)));
            });
        });
    }

    /** Processes a dead letter again, as its original sender; it stays open, with the new problem, if it fails. */
    public Uni<String> replay(UUID deadLetterId, String callerOrg) {
        return deadLetters.find(deadLetterId, callerOrg).chain(letter -> {
            if (DeadLetter.REPLAYED.equals(letter.state)) {
                throw new ProblemException(409, "Conflict", "Dead letter " + deadLetterId + " was already replayed");
            }
            Sender sender = new Sender(letter.sourceOrg, letter.sourceSystem);
            Progress progress = new Progress();
            return requirePartner(sender).chain(partner -> process(sender, partner, letter.payload, Instant.now(),
                    progress))
                    .call(() -> deadLetters.recordReplay(deadLetterId, null))
                    .onFailure().recoverWithUni(failure -> {
                        ProblemException problem = asProblem(failure);
                        return deadLetters.recordReplay(deadLetterId, problem).chain(() ->
                                Uni.createFrom().<String>failure(withDeadLetter(problem, deadLetterId, progress)));
                    });
        });
    }

    private Uni<SharingPartner> requirePartner(Sender sender) {
        return consent.sharingPartner(sender.orgCode()).map(partner -> {
            if (partner == null || !partner.inForce()) {
                throw ProblemException.forbidden(sender.orgCode() + " is not a sharing partner: KMCR accepts "
                        + "records only from organisations whose joint controllers' agreement is in force");
            }
            return partner;
        });
    }

    private Uni<String> process(Sender sender, SharingPartner partner, String bundleJson, Instant receivedAt,
            Progress progress) {
        return Workers.call(() -> reader.read(bundleJson)).chain(submission -> {
            UUID sourceIdentityId = SourceIdentityIds.of(sender.orgCode(), sender.system(),
                    submission.patient().getIdElement().getIdPart());
            SourceStanding standing = SenderStanding.of(partner, submission.gpPracticeOdsCodes());
            return Workers.call(() -> items(submission, sender, sourceIdentityId, receivedAt, standing))
                    .chain(writer::store)
                    .invoke(() -> progress.itemsStored = true)
                    .chain(stored -> identity.resolve(sourcePatient(sender, submission))
                            .invoke(resolved -> requireSameSourceIdentity(resolved, sourceIdentityId))
                            .chain(resolved -> assertGpRegistrations(resolved, submission, sender))
                            .map(warnings -> response.of(submission.entries(), stored, warnings)));
        });
    }

    private List<CareItemWriter.Placed> items(Submission submission, Sender sender, UUID sourceIdentityId,
            Instant receivedAt, SourceStanding standing) {
        List<CareItemWriter.Placed> items = new ArrayList<>();
        for (int index = 0; index < submission.entries().size(); index++) {
            Resource resource = submission.entries().get(index);
            if (ItemMapper.isStored(resource)) {
                items.add(new CareItemWriter.Placed(mapper.toItem(resource, sender, sourceIdentityId, receivedAt,
                        submission.patientRefs(), standing), "Bundle.entry[" + index + "]"));
            }
        }
        return items;
    }

    /**
     * The GP registrations the Patient names, passed on as asserted by the sender; consent verifies them or keeps
     * them as unverified. None while the MPI holds the link for review (no person yet). Answers what the sender
     * should be told: each registration kept as unverified, or that the link waits for review.
     */
    private Uni<List<String>> assertGpRegistrations(ResolvedIdentity resolved, Submission submission, Sender sender) {
        if (!resolved.linked()) {
            return Uni.createFrom().item(List.of(linkNotice(resolved.linkStatus())));
        }
        List<Uni<String>> calls = submission.gpPracticeOdsCodes().stream()
                .map(ods -> consent.assertRelationship(new RelationshipAssertion(resolved.personId(), ods,
                        RelationshipAssertion.GP_REGISTRATION, null, null,
                        new RelationshipAssertion.Asserter(sender.orgCode(), sender.system()), submission.messageId()))
                        .map(outcome -> outcome.verified() ? "" : "GP registration with " + ods + ": "
                                + outcome.reason()))
                .toList();
        return calls.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(calls).andFailFast().map(answers -> answers.stream().filter(a -> !a.isEmpty()).toList());
    }

    /** What the sender is told when the MPI does not count its patient as part of the person. */
    static String linkNotice(LinkStatus status) {
        return status == LinkStatus.REJECTED
                ? "The items are stored but are part of nobody's record: a privacy officer found that this patient's "
                        + "details do not match the person KMCR holds for this NHS number. Correct them and send again"
                : "The items are stored but are not part of the person's record yet: the patient's details contradict "
                        + "those KMCR holds for this NHS number, so the link waits for a privacy officer's review. No "
                        + "relationship was recorded";
    }

    private static void requireSameSourceIdentity(ResolvedIdentity resolved, UUID stored) {
        if (!stored.equals(resolved.sourceIdentityId())) {
            throw new IllegalStateException("The MPI answered another source identity than the one the items were "
                    + "stored under");
        }
    }

    static SourcePatient sourcePatient(Sender sender, Submission submission) {
        Patient patient = submission.patient();
        HumanName name = patient.getNameFirstRep();
        Address address = patient.getAddressFirstRep();
        Demographics demographics = new Demographics(name.getFamily(),
                name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null,
                patient.hasGender() ? patient.getGender().toCode() : null,
                address.getLine().stream().map(PrimitiveType::getValue).toList(), address.getCity(),
                address.getPostalCode(), patient.getTelecom().stream()
                        .filter(contact -> contact.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                        .map(ContactPoint::getValue).findFirst().orElse(null),
                null, patient.hasDeceasedDateTimeType() ? patient.getDeceasedDateTimeType().getValueAsString() : null);
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

    private static ProblemException withDeadLetter(ProblemException problem, UUID id, Progress progress) {
        String kept = progress.itemsStored
                ? ". Its items are stored but not yet part of the person's record; it is kept as dead letter " + id
                        + ": replay it to complete it"
                : ". Nothing from it was stored; it is kept as dead letter " + id + " for inspection and replay";
        return new ProblemException(problem.status(), problem.title(), problem.getMessage() + kept, problem.errors());
    }
}
