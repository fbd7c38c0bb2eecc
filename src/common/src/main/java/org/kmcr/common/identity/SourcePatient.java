package org.kmcr.common.identity;

/** A patient as one source system knows them, to be resolved to a person by the MPI. */
public record SourcePatient(String sourceOrg, String sourceSystem, String localId, String nhsNumber,
        Demographics demographics) {
}
