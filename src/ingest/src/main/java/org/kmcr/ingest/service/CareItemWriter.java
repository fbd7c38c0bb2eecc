package org.kmcr.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.recordmodel.repository.CareItemRepository;
import org.kmcr.recordmodel.repository.StoredItem;

/** Stores the items of one submission in one transaction: all of them or none. */
@ApplicationScoped
public class CareItemWriter {

    private final CareItemRepository repository;

    CareItemWriter(CareItemRepository repository) {
        this.repository = repository;
    }

    /** One item and where it is in the submission, for the error that names it. */
    public record Placed(CareItem item, String location) {
    }

    /**
     * Stores each item once by its source key; returns what happened to each, in order. A 409 problem, and
     * nothing stored, when the source already holds one of the items' ids for another patient: an item never
     * moves silently to someone else's record.
     */
    @WithTransaction
    public Uni<List<StoredItem>> store(List<Placed> items) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(placed -> repository.upsert(placed.item()).invoke(stored -> {
                    if (stored.outcome() == StoredItem.Outcome.HELD_FOR_ANOTHER_PATIENT) {
                        throw heldForAnotherPatient(placed);
                    }
                }))
                .collect().asList();
    }

    private static ProblemException heldForAnotherPatient(Placed placed) {
        String what = placed.item().resourceType + "/" + placed.item().sourceId;
        return new ProblemException(409, "Conflict", "The bundle was not stored: " + what + " is already held "
                + "for another patient", List.of(new FieldError(placed.location() + ".resource.id", "Your system "
                + "already sent " + what + " for another patient; a source id is never moved to another patient. "
                + "Correct the item under its original patient, or give it a new id")));
    }
}
