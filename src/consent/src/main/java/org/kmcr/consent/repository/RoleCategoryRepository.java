package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.consent.model.RoleCategory;

@ApplicationScoped
public class RoleCategoryRepository implements PanacheRepositoryBase<RoleCategory, RoleCategory.Key> {
}
