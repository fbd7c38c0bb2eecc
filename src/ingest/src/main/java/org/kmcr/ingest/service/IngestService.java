package org.kmcr.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.kmcr.common.client.Workers;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.fhir.BundleReader;
import org.kmcr.ingest.fhir.TransactionResponse;
import org.kmcr.ingest.model.DeadLetter;
import org.kmcr.ingest.model.Feed;
import org.kmcr.ingest.model.Sender;

/**
 * Takes a FHIR bundle from a partner system into the record ({@link RecordIntake}: the same path as every feed) and
 * answers the transaction-response; a bundle that fails is kept as a dead letter. Replays dead letters of every
 * feed.
 */
@ApplicationScoped
public class IngestService {

    public static final String FHIR_JSON = Feed.FHIR_JSON;
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final BundleReader reader;
    private final TransactionResponse response;
    private final RecordIntake intake;
    private final DeadLetterService deadLetters;
    private final SenderCheck senders;
    private final Hl7IngestService hl7;
    private final BulkJobService bulk;
    private final FeedValidation validation;
    private final ObjectMapper json;

    IngestService(BundleReader reader, TransactionResponse response, RecordIntake intake,
            DeadLetterService deadLetters, SenderCheck senders, Hl7IngestService hl7, BulkJobService bulk,
            FeedValidation validation, ObjectMapper json) {
        this.reader = reader;
        this.response = response;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.senders = senders;
        this.hl7 = hl7;
        this.bulk = bulk;
        this.validation = validation;
        this.json = json;
    }

    /** A replay's answer, in the kept message's own kind (a FHIR transaction-response, an HL7 v2 ACK). */
    public record Replayed(String mediaType, String body) {
    }

    /**
     * Processes a bundle and returns the transaction-response JSON; on failure keeps it as a dead letter.
     * Only sharing partners may send: another organisation's bundle is refused and not kept.
     */
    public Uni<String> submit(Sender sender, String bundleJson) {
        Instant receivedAt = Instant.now();
        return senders.requirePartner(sender).chain(partner -> {
            RecordIntake.Progress progress = new RecordIntake.Progress();
            return process(sender, partner, bundleJson, receivedAt, progress).onFailure().recoverWithUni(failure -> {
                ProblemException problem = asProblem(failure);
                return deadLetters.keep(sender, FHIR_JSON, bundleJson, problem, receivedAt)
                        .onFailure().transform(notKept -> ProblemException.unavailable("KMCR could not store the "
                                + "bundle (its database is unavailable); nothing was stored. Send it again"))
                        .chain(id -> Uni.createFrom().failure(withDeadLetter(problem, id, progress)));
            });
        });
    }

    /** Processes a dead letter again, as its original sender; it stays open, with the new problem, if it fails. */
    public Uni<Replayed> replay(UUID deadLetterId, String callerOrg) {
        return deadLetters.find(deadLetterId, callerOrg).chain(letter -> {
            if (DeadLetter.REPLAYED.equals(letter.state)) {
                throw new ProblemException(409, "Conflict", "Dead letter " + deadLetterId + " was already replayed");
            }
            Sender sender = new Sender(letter.sourceOrg, letter.sourceSystem);
            RecordIntake.Progress progress = new RecordIntake.Progress();
            Feed feed = Feed.ofContentType(letter.contentType);
            Uni<Replayed> replayed = feed == Feed.HL7V2
                    ? hl7.replay(sender, letter.payload).map(ack -> new Replayed(Hl7IngestService.HL7_V2, ack))
                    : feed == Feed.SOCIAL_CARE
                    ? bulk.replayRow(sender, letter.contentType, letter.payload)
                            .map(outcome -> new Replayed(MediaType.APPLICATION_JSON, write(outcome)))
                    : senders.requirePartner(sender).chain(partner -> process(sender, partner, letter.payload,
                            Instant.now(), progress)).map(body -> new Replayed(FHIR_JSON, body));
            return replayed
                    .call(() -> deadLetters.recordReplay(deadLetterId, null))
                    .onFailure().recoverWithUni(failure -> {
                        ProblemException problem = asProblem(failure);
                        return deadLetters.recordReplay(deadLetterId, problem).chain(() ->
                                Uni.createFrom().<Replayed>failure(withDeadLetter(problem, deadLetterId, progress)));
                    });
        });
    }

    private Uni<String> process(Sender sender, SharingPartner partner, String bundleJson, Instant receivedAt,
            RecordIntake.Progress progress) {
        return Workers.call(() -> intake.prepare(sender, partner, validation.check(sender, reader.read(bundleJson)),
                        receivedAt, index -> "Bundle.entry[" + index + "].resource.id"))
                .chain(prepared -> intake.take(sender, Feed.FHIR, prepared, receivedAt, progress)
                        .map(done -> response.of(prepared.submission(), done.stored(), done.warnings())));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException asProblem(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        LOG.error("Unexpected failure while ingesting a bundle", failure);
        return new ProblemException(500, "Internal server error", "The bundle could not be processed");
    }

    private static ProblemException withDeadLetter(ProblemException problem, UUID id, RecordIntake.Progress progress) {
        String kept = progress.itemsStored()
                ? ". Its items are stored but not yet part of the person's record; it is kept as dead letter " + id
                        + ": replay it to complete it"
                : ". Nothing from it was stored; it is kept as dead letter " + id + " for inspection and replay";
        return new ProblemException(problem.status(), problem.title(), problem.getMessage() + kept, problem.errors());
    }
}
