package org.kmcr.consent.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One cell of the role x category policy: this role may see this record category. Changed by migration only. */
@Entity
@Table(name = "role_category_policy", schema = "consent")
@IdClass(RoleCategory.Key.class)
public class RoleCategory {

    @Id
    public String role;
    @Id
    public String category;

    /** The composite primary key. */
    public static class Key implements Serializable {

        public String role;
        public String category;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(role, key.role) && Objects.equals(category, key.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, category);
        }
    }
}
