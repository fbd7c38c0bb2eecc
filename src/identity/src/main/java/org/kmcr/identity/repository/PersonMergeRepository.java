package org.kmcr.identity.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.kmcr.identity.model.PersonMerge;

@ApplicationScoped
public class PersonMergeRepository implements PanacheRepositoryBase<PersonMerge, UUID> {
}
