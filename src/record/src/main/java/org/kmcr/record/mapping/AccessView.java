package org.kmcr.record.mapping;

import java.util.List;

/** Why the caller may see this summary, and the audit entry that records that they did. */
public record AccessView(String basis, boolean brokeGlass, List<String> permittedCategories, List<String> obligations,
        long auditSequence) {
}
