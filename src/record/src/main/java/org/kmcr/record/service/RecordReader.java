package org.kmcr.record.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.recordmodel.repository.CareItemRepository;

/** Reads care items through record-query's SELECT-only database role. */
@ApplicationScoped
public class RecordReader {

    private final CareItemRepository repository;

    RecordReader(CareItemRepository repository) {
        this.repository = repository;
    }

    /** The items of the person's source identities in the permitted categories, most recent first. */
    @WithSession
    public Uni<List<CareItem>> items(Collection<UUID> sourceIdentityIds, Collection<String> categories) {
        return repository.findFor(sourceIdentityIds, categories);
    }
}
