package org.kmcr.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.model.DeadLetter;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.repository.DeadLetterRepository;

/** Keeps submissions that failed, so nothing a partner sent is lost, and tracks their replays. */
@ApplicationScoped
public class DeadLetterService {

    private final DeadLetterRepository repository;
    private final ObjectMapper json;

    DeadLetterService(DeadLetterRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** Keeps a failed submission with the problem its sender was given; returns its id. */
    @WithTransaction
    public Uni<UUID> keep(Sender sender, String contentType, String payload, ProblemException problem,
            Instant receivedAt) {
        return repository.persist(letter(sender, contentType, payload, problem, receivedAt)).map(stored -> stored.id);
    }

    /** A dead letter not yet stored, for a caller that keeps many in its own transaction (a bulk extract's rows). */
    public DeadLetter letter(Sender sender, String contentType, String payload, ProblemException problem,
            Instant receivedAt) {
        DeadLetter letter = new DeadLetter();
        letter.id = UUID.randomUUID();
        letter.receivedAt = receivedAt;
        letter.sourceOrg = sender.orgCode();
        letter.sourceSystem = sender.system();
        letter.contentType = contentType;
        letter.payload = payload;
        letter.state = DeadLetter.OPEN;
        letter.attempts = 1;
        record(letter, problem);
        return letter;
    }

    /** A dead letter of the given organisation; 404 for any other organisation's, as if it did not exist. */
    @WithSession
    public Uni<DeadLetter> find(UUID id, String sourceOrg) {
        return repository.findById(id).map(letter -> {
            if (letter == null || !letter.sourceOrg.equals(sourceOrg)) {
                throw ProblemException.notFound("No dead letter " + id + " for organisation " + sourceOrg);
            }
            return letter;
        });
    }

    /** A dead letter of any organisation (the platform operator's view of it never carries its payload). */
    @WithSession
    public Uni<DeadLetter> find(UUID id) {
        return repository.findById(id).map(letter -> {
            if (letter == null) {
                throw ProblemException.notFound("No dead letter " + id);
            }
            return letter;
        });
    }

    @WithSession
    public Uni<List<DeadLetter>> list(String sourceOrg, String state, int page, int size) {
        return repository.findForOrg(sourceOrg, state, page, size);
    }

    /** Every organisation's dead letters in the state, newest first. */
    @WithSession
    public Uni<List<DeadLetter>> listAll(String state, int page, int size) {
        return repository.findInState(state, page, size);
    }

    /** Records the outcome of a replay: replayed, or still open with the new problem. */
    @WithTransaction
    public Uni<Void> recordReplay(UUID id, ProblemException problemOrNull) {
        return repository.findById(id).invoke(letter -> {
            letter.attempts++;
            letter.lastAttemptAt = Instant.now();
            if (problemOrNull == null) {
                letter.state = DeadLetter.REPLAYED;
            } else {
                record(letter, problemOrNull);
            }
        }).replaceWithVoid();
    }

    private void record(DeadLetter letter, ProblemException problem) {
        letter.status = problem.status();
        letter.lastAttemptAt = Instant.now();
        try {
            letter.error = json.writeValueAsString(Map.of("title", problem.title(),
                    "detail", String.valueOf(problem.getMessage()), "errors", problem.errors()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
