package org.kmcr.common.consent;

import java.util.Set;
import java.util.UUID;

/**
 * What item-level rules look at in one care item.
 *
 * @param category        null when the stored category is not one KMCR knows (never shown)
 * @param confidentiality N, R or V from the source's v3-Confidentiality coding; null when not marked
 * @param securityLabels  the source's meta.security codings as {@code system|code}
 */
public record ItemFacts(UUID id, CareCategory category, String codeSystem, String code, String confidentiality,
        String sourceOrg, Set<String> securityLabels) {

    public ItemFacts {
        securityLabels = securityLabels == null ? Set.of() : Set.copyOf(securityLabels);
    }

    public String systemAndCode() {
        return codeSystem + "|" + code;
    }
}
