package org.kmcr.record.service;

import org.kmcr.recordmodel.model.CareItem;

/**
 * An item as it may be shown: the stored item and its resource JSON, redacted where the decision says so (the
 * stored text itself otherwise).
 */
public record DisclosedItem(CareItem item, String resource) {
}
