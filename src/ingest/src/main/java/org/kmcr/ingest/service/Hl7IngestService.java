package org.kmcr.ingest.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.model.Message;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.jboss.logging.Logger;
import org.kmcr.common.client.Workers;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.fhir.Submission;
import org.kmcr.ingest.hl7.Hl7Acks;
import org.kmcr.ingest.hl7.Hl7Charsets;
import org.kmcr.ingest.hl7.Hl7Header;
import org.kmcr.ingest.hl7.Hl7Parser;
import org.kmcr.ingest.hl7.Hl7Translator;
import org.kmcr.ingest.model.Feed;
import org.kmcr.ingest.model.Sender;

/**
 * Takes an HL7 v2 message (over MLLP or REST) into the record by the same path as a FHIR bundle, and answers its
 * acknowledgement: AA only once the message's items are committed; AE, with the reason, once it is kept as a dead
 * letter; AR when it cannot be taken (unreadable, an event KMCR does not take, a dependency down), kept as a dead
 * letter too when the database is up. A message sent again (no ACK seen, a crash between store and ACK) changes
 * nothing already stored.
 */
@ApplicationScoped
public class Hl7IngestService {

    public static final String HL7_V2 = Feed.HL7_V2;
    private static final Logger LOG = Logger.getLogger(Hl7IngestService.class);

    private final Hl7Parser parser;
    private final Hl7Acks acks;
    private final RecordIntake intake;
    private final CareItemWriter items;
    private final DeadLetterService deadLetters;
    private final SenderCheck senders;
    private final FhirContext fhir;

    Hl7IngestService(Hl7Parser parser, Hl7Acks acks, RecordIntake intake, CareItemWriter items,
            DeadLetterService deadLetters, SenderCheck senders, FhirContext fhir) {
        this.parser = parser;
        this.acks = acks;
        this.intake = intake;
        this.items = items;
        this.deadLetters = deadLetters;
        this.senders = senders;
        this.fhir = fhir;
    }

    /** The answer to one message: the ACK and the HTTP status a REST sender gets with it. */
    public record Answer(String ack, int status, String code) {
    }

    /** One message as the bytes of an MLLP frame, decoded by its MSH-18. */
    public Uni<Answer> receive(Sender sender, byte[] frame) {
        String text;
        try {
            text = Hl7Charsets.decode(frame);
        } catch (ProblemException problem) {
            String ascii = new String(frame, java.nio.charset.StandardCharsets.ISO_8859_1);
            return keepAndAnswer(sender, ascii, problem, Instant.now(), new RecordIntake.Progress());
        }
        return receive(sender, text);
    }

    /** One message as text; never fails: every outcome is an ACK. */
    public Uni<Answer> receive(Sender sender, String message) {
        Instant receivedAt = Instant.now();
        Hl7Header header = Hl7Header.of(message);
        RecordIntake.Progress progress = new RecordIntake.Progress();
        return senders.requirePartner(sender)
                .onFailure().recoverWithUni(refused -> Uni.createFrom().failure(new Refused(asProblem(refused))))
                .chain(partner -> process(sender, partner, message, receivedAt, progress))
                .map(intakeDone -> new Answer(acks.accepted(header, null), 200, Hl7Acks.ACCEPTED))
                .onFailure(Refused.class).recoverWithItem(refused -> answer(header, ((Refused) refused).problem, null))
                .onFailure().recoverWithUni(failure -> keepAndAnswer(sender, message, asProblem(failure), receivedAt,
                        progress));
    }

    /** Processes a kept message again, as its sender; fails with the problem when it still cannot be taken. */
    public Uni<String> replay(Sender sender, String message) {
        return senders.requirePartner(sender)
                .chain(partner -> process(sender, partner, message, Instant.now(), new RecordIntake.Progress()))
                .map(done -> acks.accepted(Hl7Header.of(message), null));
    }

    private Uni<RecordIntake.Intake> process(Sender sender, SharingPartner partner, String text, Instant receivedAt,
            RecordIntake.Progress progress) {
        return Workers.call(() -> {
            Message message = parser.parse(text);
            String[] encounterKey = Hl7Translator.encounterKey(message);
            // a message about no encounter needs nothing stored: translated and mapped in the same worker call
            return new Parsed(message, encounterKey, encounterKey != null ? null : prepare(sender, partner,
                    Hl7Translator.translate(message, sender.orgCode(), Hl7Translator.Stored.NOTHING), receivedAt));
        }).chain(parsed -> parsed.prepared() != null ? Uni.createFrom().item(parsed.prepared())
                : stored(sender, parsed.encounterKey()).chain(stored -> Workers.call(() -> prepare(sender, partner,
                        Hl7Translator.translate(parsed.message(), sender.orgCode(), stored), receivedAt))))
                .chain(prepared -> intake.take(sender, Feed.HL7V2, prepared, receivedAt, progress));
    }

    private RecordIntake.Prepared prepare(Sender sender, SharingPartner partner, Submission submission,
            Instant receivedAt) {
        return intake.prepare(sender, partner, submission, receivedAt, index -> locationOf(submission, index));
    }

    /** A parsed message, and its items when they could be mapped at once (it is about no encounter). */
    private record Parsed(Message message, String[] encounterKey, RecordIntake.Prepared prepared) {
    }

    private Uni<Hl7Translator.Stored> stored(Sender sender, String[] encounterKey) {
        return items.storedResource(sender, "Encounter", encounterKey[0])
                .chain(encounter -> items.storedResource(sender, "Location", encounterKey[1])
                        .map(location -> new Hl7Translator.Stored(
                                encounter == null ? null : fhir.newJsonParser().parseResource(Encounter.class, encounter),
                                location == null ? null : fhir.newJsonParser().parseResource(Location.class, location))));
    }

    private static String locationOf(Submission submission, int index) {
        return submission.entries().get(index).fhirType() + "/" + submission.entries().get(index).getIdElement()
                .getIdPart();
    }

    private Uni<Answer> keepAndAnswer(Sender sender, String message, ProblemException problem, Instant receivedAt,
            RecordIntake.Progress progress) {
        return deadLetters.keep(sender, HL7_V2, message, problem, receivedAt)
                .map(id -> answer(Hl7Header.of(message), problem, (progress.itemsStored()
                        ? "Its items are stored but not yet part of the person's record; it is kept as dead letter "
                        : "Nothing from it was stored; it is kept as dead letter ") + id))
                .onFailure().recoverWithItem(notKept -> {
                    LOG.warnf("An HL7 v2 message could not be kept as a dead letter: %s", notKept.getClass().getName());
                    return answer(Hl7Header.of(message), ProblemException.unavailable("KMCR could not store the "
                            + "message (its database is unavailable); nothing was stored. Send it again"), null);
                });
    }

    private Answer answer(Hl7Header header, ProblemException problem, String note) {
        return new Answer(acks.of(header, problem, note), problem.status(), Hl7Acks.codeFor(problem));
    }

    private static ProblemException asProblem(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        LOG.error("Unexpected failure while ingesting an HL7 v2 message", failure);
        return new ProblemException(500, "Internal server error", "The message could not be processed");
    }

    /** A sender outside the agreement: refused and not kept. */
    private static final class Refused extends RuntimeException {
        final transient ProblemException problem;

        Refused(ProblemException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }
}
