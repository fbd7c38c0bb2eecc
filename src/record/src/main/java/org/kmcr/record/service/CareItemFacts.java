package org.kmcr.record.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFacts;
import org.kmcr.recordmodel.model.CareItem;

/**
 * The facts item-level rules look at, read from a stored care item: its index columns and, until the record
 * store keeps them in a column of their own, the security labels of the stored resource's {@code meta.security}
 * (the one place they are read). An item whose resource cannot be read carries no labels and is still subject to
 * every rule on its columns.
 */
@ApplicationScoped
public class CareItemFacts {

    private final ObjectMapper json;

    CareItemFacts(ObjectMapper json) {
        this.json = json;
    }

    public ItemFacts of(CareItem item) {
        return new ItemFacts(item.id, CareCategory.ofCode(item.category).orElse(null), item.codeSystem, item.code,
                item.confidentiality, item.sourceOrg, securityLabels(item.resource));
    }

    Set<String> securityLabels(String resource) {
        Set<String> labels = new HashSet<>();
        try {
            JsonNode security = json.readTree(resource).path("meta").path("security");
            security.forEach(coding -> labels.add(coding.path("system").asText() + "|"
                    + coding.path("code").asText()));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return labels;
    }
}
