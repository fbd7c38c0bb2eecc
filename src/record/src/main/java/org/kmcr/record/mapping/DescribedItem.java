package org.kmcr.record.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.kmcr.recordmodel.model.CareItem;

/** An item to be shown, with its resource as read and what it is. */
record DescribedItem(CareItem item, JsonNode resource, ItemDescription description) {
}
