package org.kmcr.migrations;

/** What one owner's migration did: the schema version before and after, and how many migrations it applied. */
public record MigrationResult(SchemaOwner owner, String versionBefore, String versionAfter, int applied) {

    @Override
    public String toString() {
        return String.format("%s as %s: version %s -> %s (%d applied)", String.join(", ", owner.schemas()),
                owner.role(), versionBefore == null ? "none" : versionBefore,
                versionAfter == null ? "none" : versionAfter, applied);
    }
}
