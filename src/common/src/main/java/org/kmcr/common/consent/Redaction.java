package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;
import java.util.Set;

/**
 * Parts of the person's details to remove when the person is marked sensitive (a PDS-style S flag: a
 * demographics item carrying one of {@code flags}), from every item that does not come from
 * {@code exceptSourceOrg}.
 *
 * @param flags           the confidentiality codes or security labels ({@code system|code}) that mark the person
 * @param exceptSourceOrg the caller's organisation, whose own items are not redacted; null for none
 */
public record Redaction(Set<String> flags, Set<Field> fields, String exceptSourceOrg) {

    public Redaction {
        flags = Set.copyOf(flags);
        fields = Set.copyOf(fields);
    }

    /** A part of a person's details that can be redacted. */
    public enum Field implements Coded {
        ADDRESS("address"), TELECOM("telecom"), REGISTERED_PRACTICE("registered-practice");

        private final String code;

        Field(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }
    }

    /** True when this item marks the person as sensitive. */
    public boolean flags(ItemFacts item) {
        return item.category() == CareCategory.DEMOGRAPHICS
                && ((item.confidentiality() != null && flags.contains(item.confidentiality()))
                        || item.securityLabels().stream().anyMatch(flags::contains));
    }

    /** True when this item's details are redacted, the person being sensitive. */
    public boolean appliesTo(ItemFacts item) {
        return exceptSourceOrg == null || !exceptSourceOrg.equals(item.sourceOrg());
    }
}
