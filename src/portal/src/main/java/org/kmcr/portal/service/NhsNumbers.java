package org.kmcr.portal.service;

/** NHS numbers as people read them: 3-3-4, with spaces. */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    /** "943 476 5919" for "9434765919"; anything else unchanged. */
    public static String spaced(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return digits;
        }
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /** The digits of a number typed with spaces or hyphens. */
    public static String digits(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "");
    }
}
