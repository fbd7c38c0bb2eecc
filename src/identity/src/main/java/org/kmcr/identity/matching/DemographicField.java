package org.kmcr.identity.matching;

/** The demographics that decide whether a source's story agrees with a person's, named as in the API. */
public enum DemographicField {
    FAMILY("family"),
    GIVEN("given"),
    BIRTH_DATE("birthDate"),
    GENDER("gender");

    private final String key;

    DemographicField(String key) {
        this.key = key;
    }

    /** The field's name in the demographics JSON and in the evidence. */
    public String key() {
        return key;
    }
}
