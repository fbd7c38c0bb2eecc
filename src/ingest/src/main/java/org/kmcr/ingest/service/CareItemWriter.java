package org.kmcr.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    /** Stores each item once by its source key; returns what happened to each, in order. */
    @WithTransaction
    public Uni<List<StoredItem>> store(List<CareItem> items) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(repository::upsert)
                .collect().asList();
    }
}
