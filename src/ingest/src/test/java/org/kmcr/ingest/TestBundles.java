package org.kmcr.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A UK Core-shaped summary bundle (Patient, AllergyIntolerance, MedicationStatement, Condition) to post. */
public final class TestBundles {

    private TestBundles() {
    }

    public static String summary(String nhsNumber, String patientId) {
        return summary(nhsNumber, patientId, "Allergy to penicillin");
    }

    public static String summary(String nhsNumber, String patientId, String allergyDisplay) {
        return template().replace("${nhsNumber}", nhsNumber).replace("${patientId}", patientId)
                .replace("${allergyDisplay}", allergyDisplay);
    }

    /** The NHS number with its check digit changed: fails the Modulus 11 check. */
    public static String withWrongCheckDigit(String nhsNumber) {
        return nhsNumber.substring(0, 9) + (char) ('0' + (nhsNumber.charAt(9) - '0' + 1) % 10);
    }

    public static String newPatientId() {
        return "pas-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String template() {
        try (InputStream in = TestBundles.class.getResourceAsStream("/bundles/patient-summary.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
