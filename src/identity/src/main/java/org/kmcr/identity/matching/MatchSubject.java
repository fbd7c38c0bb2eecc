package org.kmcr.identity.matching;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.identity.model.Demographics;

/**
 * One record as the matcher sees it: every field normalised once, missing fields null. An NHS number that fails
 * the check digit is dropped here, so it can never count as evidence.
 *
 * @param birthYear  null when no date of birth is given; month and day null when the source gives less
 * @param postcode   upper case without spaces, e.g. {@code KM11AA}
 * @param telephone  digits only, the last ten
 * @param email      lower case, without surrounding spaces
 */
public record MatchSubject(String nhsNumber, String given, String family, Integer birthYear, Integer birthMonth,
        Integer birthDay, String gender, String postcode, String address, String town, String telephone,
        String email) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?.*");
    private static final Pattern NOT_DIGITS = Pattern.compile("\\D+");
    private static final Pattern NOT_POSTCODE = Pattern.compile("[^A-Z0-9]+");
    private static final int TELEPHONE_DIGITS = 10;

    public static MatchSubject of(String nhsNumber, Demographics demographics) {
        Demographics d = demographics == null ? Demographics.NONE : demographics;
        Matcher date = d.birthDate() == null ? null : DATE.matcher(d.birthDate().strip());
        boolean dated = date != null && date.matches();
        return new MatchSubject(NhsNumber.isValid(nhsNumber) ? nhsNumber.replaceAll("[\\s-]", "") : null,
                givenName(d.given()), Names.personalName(d.family(), false),
                dated ? Integer.valueOf(date.group(1)) : null,
                dated && date.group(2) != null ? Integer.valueOf(date.group(2)) : null,
                dated && date.group(3) != null ? Integer.valueOf(date.group(3)) : null,
                gender(d.gender()), postcode(d.postcode()), Names.words(first(d.addressLines())),
                Names.words(d.town()), telephone(d.telephone()), email(d.email()));
    }

    /**
     * Whether there is enough to match on without an NHS number: a name and one more of family name, first name,
     * year of birth or postcode (less would match too many people to mean anything).
     */
    public boolean matchable() {
        long known = java.util.stream.Stream.of(family, given, birthYear, postcode).filter(java.util.Objects::nonNull)
                .count();
        return (family != null || given != null) && known >= 2;
    }

    /** The date of birth as eight digits (yyyymmdd); null unless the full date is known. */
    public String birthDigits() {
        return birthDay == null ? null : String.format(Locale.ROOT, "%04d%02d%02d", birthYear, birthMonth, birthDay);
    }

    /** The outward code (district), e.g. {@code KM1}; the whole code when it is too short to have an inward part. */
    public String postcodeDistrict() {
        return postcode == null || postcode.length() < 5 ? postcode : postcode.substring(0, postcode.length() - 3);
    }

    /** The sector: the district and the first digit of the inward code, e.g. {@code KM11}. */
    public String postcodeSector() {
        return postcode == null || postcode.length() < 5 ? postcode : postcode.substring(0, postcode.length() - 2);
    }

    /** The first given name that is a name once titles are dropped ("Sir", "John": john). */
    private static String givenName(List<String> given) {
        return given == null ? null : given.stream().map(g -> Names.personalName(g, true))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String first(List<String> values) {
        return values == null ? null : values.stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static String gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return null;
        }
        String g = gender.strip().toLowerCase(Locale.ROOT);
        return "unknown".equals(g) ? null : g;
    }

    private static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = NOT_POSTCODE.matcher(postcode.toUpperCase(Locale.ROOT)).replaceAll("");
        return p.isEmpty() ? null : p;
    }

    private static String email(String email) {
        if (email == null || email.isBlank() || email.indexOf('@') < 1) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String telephone(String telephone) {
        if (telephone == null) {
            return null;
        }
        String digits = NOT_DIGITS.matcher(telephone).replaceAll("");
        if (digits.length() < 6) {
            return null;
        }
        return digits.length() > TELEPHONE_DIGITS ? digits.substring(digits.length() - TELEPHONE_DIGITS) : digits;
    }
}
