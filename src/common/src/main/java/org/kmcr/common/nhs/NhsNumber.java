package org.kmcr.common.nhs;

import java.util.Optional;

/**
 * A validated NHS number: ten digits whose last is the Modulus 11 check digit of the first nine.
 * {@link #toString()} masks all but the last four digits so a number never lands whole in a log line.
 */
public record NhsNumber(String value) {

    public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    public NhsNumber {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Parses a number as people write it: spaces and hyphens between digit groups are ignored. */
    public static NhsNumber parse(String text) {
        return new NhsNumber(normalise(text));
    }

    public static boolean isValid(String text) {
        return problemWith(normalise(text)).isEmpty();
    }

    /** Why a number is not a valid NHS number, in words a sender can act on; empty when it is valid. */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("NHS number is missing");
        }
        if (!text.matches("\\d{10}")) {
            return Optional.of("NHS number must be exactly 10 digits");
        }
        int expected = checkDigit(text.substring(0, 9));
        if (expected == 10) {
            return Optional.of("NHS number is not valid: its first nine digits give no possible check digit");
        }
        if (expected != text.charAt(9) - '0') {
            return Optional.of("NHS number fails the Modulus 11 check: the check digit (last digit) does not match");
        }
        return Optional.empty();
    }

    /** The Modulus 11 check digit of nine digits; 10 means no valid number starts with them. */
    public static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * (10 - i);
        }
        int digit = 11 - (sum % 11);
        return digit == 11 ? 0 : digit;
    }

    private static String normalise(String text) {
        return text == null ? null : text.replaceAll("[\\s-]", "");
    }

    @Override
    public String toString() {
        return "******" + value.substring(6);
    }
}
