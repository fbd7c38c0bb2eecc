package org.kmcr.ingest.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.LinkStatus;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.SourceMerge;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.fhir.ItemMapper;
import org.kmcr.ingest.fhir.Submission;
import org.kmcr.ingest.mapping.PatientFacts;
import org.kmcr.ingest.model.AcceptedMessage;
import org.kmcr.ingest.model.Feed;
import org.kmcr.ingest.model.Sender;
import org.kmcr.recordmodel.model.SourceStanding;
import org.kmcr.recordmodel.repository.ItemRemoval;
import org.kmcr.recordmodel.repository.StoredItem;

/**
 * The one path by which a validated message of any feed (FHIR bundle, HL7 v2 message) enters the record: store
 * its items and removals with provenance under the patient's source identity (all or none, in one transaction),
 * then have the MPI link that source identity to a person (and apply a merge the source asserts), then pass the
 * relationships the message asserts (GP registrations, admissions, attendances) to consent, which verifies who may
 * assert them. Everything that can refuse a message runs before anything is linked or asserted, so a message that
 * ends as a dead letter leaves no link and no relationship behind. Every step is idempotent, so a re-sent or
 * replayed message changes nothing that is already stored.
 */
@ApplicationScoped
public class RecordIntake {

    private final ItemMapper mapper;
    private final SourcePatientResolver patients;
    private final IdentityClient identity;
    private final ConsentClient consent;
    private final CareItemWriter writer;

    RecordIntake(ItemMapper mapper, SourcePatientResolver patients, IdentityClient identity, ConsentClient consent,
            CareItemWriter writer) {
        this.mapper = mapper;
        this.patients = patients;
        this.identity = identity;
        this.consent = consent;
        this.writer = writer;
    }

    /** How far a submission got, for the dead letter's message. */
    public static final class Progress {
        boolean itemsStored;

        public boolean itemsStored() {
            return itemsStored;
        }
    }

    /**
     * What taking a message in did.
     *
     * @param stored   what happened to each stored entry, in order of the stored entries
     * @param warnings what the sender should be told about its patient (an unverified registration, a link waiting
     *                 for review)
     */
    public record Intake(List<StoredItem> stored, List<String> warnings) {
    }

    /**
     * A submission with its entries mapped to the items to store, from {@link #prepare}.
     *
     * @param sourceIdentityId the source identity the items are stored under
     */
    public record Prepared(Submission submission, UUID sourceIdentityId, List<CareItemWriter.Placed> items,
            List<ItemRemoval> removals) {
    }

    /**
     * Maps the submission's entries to the items to store. CPU work: call it on a worker (in the same call as the
     * parsing, so a message makes one trip to a worker).
     *
     * @param locationOf where the n-th entry is in the message, for an error that names it
     */
    public Prepared prepare(Sender sender, SharingPartner partner, Submission submission, Instant receivedAt,
            IntFunction<String> locationOf) {
        UUID sourceIdentityId = SourceIdentityIds.of(sender.orgCode(), sender.system(),
                submission.patient().getIdElement().getIdPart());
        SourceStanding standing = SenderStanding.of(partner, submission.gpPracticeOdsCodes());
        return new Prepared(submission, sourceIdentityId,
                items(submission, sender, sourceIdentityId, receivedAt, standing, locationOf),
                removals(submission, sender, sourceIdentityId, receivedAt));
    }

    /** Takes the prepared submission into the record. */
    public Uni<Intake> take(Sender sender, Feed feed, Prepared prepared, Instant receivedAt, Progress progress) {
        Submission submission = prepared.submission();
        return writer.store(prepared.items(), prepared.removals(), AcceptedMessage.of(sender, feed, receivedAt),
                        submission.nhsNumber())
                .invoke(() -> progress.itemsStored = true)
                .chain(stored -> patients.resolve(PatientFacts.of(sender.orgCode(), sender.system(),
                                submission.patient(), submission.nhsNumber(), submission.gpPracticeOdsCodes()),
                                assertsNothing(submission))
                        .invoke(resolved -> requireSameSourceIdentity(resolved, prepared.sourceIdentityId()))
                        .call(() -> merge(sender, submission))
                        .chain(resolved -> assertRelationships(resolved, submission, sender))
                        .map(warnings -> new Intake(stored, warnings)));
    }

    /** True when the message asserts no merge and no relationship (no GP registration, admission, attendance). */
    static boolean assertsNothing(Submission submission) {
        return submission.mergedLocalId() == null && submission.gpPracticeOdsCodes().isEmpty()
                && submission.relationships().isEmpty();
    }

    private List<CareItemWriter.Placed> items(Submission submission, Sender sender, UUID sourceIdentityId,
            Instant receivedAt, SourceStanding standing, IntFunction<String> locationOf) {
        List<CareItemWriter.Placed> items = new ArrayList<>();
        for (int index = 0; index < submission.entries().size(); index++) {
            Resource resource = submission.entries().get(index);
            if (submission.stores(resource)) {
                items.add(new CareItemWriter.Placed(mapper.toItem(resource, sender, sourceIdentityId, receivedAt,
                        submission.patientRefs(), standing), locationOf.apply(index)));
            }
        }
        return items;
    }

    private static List<ItemRemoval> removals(Submission submission, Sender sender, UUID sourceIdentityId,
            Instant receivedAt) {
        return submission.removals().stream().map(removal -> new ItemRemoval(sender.orgCode(), sender.system(),
                removal.resourceType(), removal.sourceId(), sourceIdentityId, receivedAt, removal.reason(),
                submission.messageId())).toList();
    }

    /**
     * A merge the source asserts (HL7 v2 A34/A40) goes to the MPI. Until the MPI takes merges (it refuses the
     * call), the message is kept as a dead letter saying so; its items are stored.
     */
    private Uni<Void> merge(Sender sender, Submission submission) {
        if (submission.mergedLocalId() == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.merge(new SourceMerge(sender.orgCode(), sender.system(),
                        submission.patient().getIdElement().getIdPart(), submission.mergedLocalId(),
                        submission.messageId()))
                .onFailure(ProblemException.class).transform(failure -> ((ProblemException) failure).status() == 502
                        ? new ProblemException(502, "Bad gateway", "The MPI did not accept the merge of local patient "
                                + "id " + submission.mergedLocalId() + " into " + submission.patient().getIdElement()
                                .getIdPart() + " (the identity service refused the merge request: it may not take "
                                + "source merges yet). Replay this message once it does")
                        : failure)
                .replaceWithVoid();
    }

    /**
     * The relationships the message names, passed on as asserted by the sender: the GP registrations of its Patient
     * and the admissions or attendances with the sender itself; consent verifies them or keeps them as unverified.
     * None while the MPI holds the link for review (no person yet). Answers what the sender should be told: each
     * relationship kept as unverified, or that the link waits for review.
     */
    private Uni<List<String>> assertRelationships(ResolvedIdentity resolved, Submission submission, Sender sender) {
        if (!resolved.linked()) {
            return Uni.createFrom().item(List.of(linkNotice(resolved.linkStatus())));
        }
        RelationshipAssertion.Asserter asserter = new RelationshipAssertion.Asserter(sender.orgCode(), sender.system());
        List<RelationshipAssertion> assertions = new ArrayList<>();
        submission.gpPracticeOdsCodes().stream().filter(ods -> ods.matches(RelationshipAssertion.ODS_CODE))
                .forEach(ods -> assertions.add(new RelationshipAssertion(resolved.personId(), ods,
                        RelationshipAssertion.GP_REGISTRATION, null, null, asserter, submission.messageId())));
        submission.relationships().forEach(relationship -> assertions.add(new RelationshipAssertion(
                resolved.personId(), sender.orgCode(), relationship.kind(), relationship.startedOn(),
                relationship.endsOn(), asserter, submission.messageId())));
        List<Uni<String>> calls = assertions.stream()
                .map(assertion -> consent.assertRelationship(assertion)
                        .map(outcome -> outcome.verified() ? "" : describe(assertion) + ": " + outcome.reason()))
                .toList();
        return calls.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(calls).andFailFast().map(answers -> answers.stream().filter(a -> !a.isEmpty()).toList());
    }

    private static String describe(RelationshipAssertion assertion) {
        return RelationshipAssertion.GP_REGISTRATION.equals(assertion.kind())
                ? "GP registration with " + assertion.orgCode()
                : assertion.kind() + " with " + assertion.orgCode();
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
}
