package org.kmcr.record.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of contact on a person's timeline, from the stored item's type, category and code (an Encounter's
 * class, v3 ActCode, is its {@code code}): A&amp;E attendances (EMER), admissions (IMP, ACUTE, NONAC, SS, PRENC),
 * outpatient appointments (AMB), community contacts (HH, FLD, VR, and episodes of care that are neither mental
 * health nor social care), mental health and social care episodes; any other Encounter is a plain
 * {@code encounter}.
 */
public enum TimelineType {
    AE_ATTENDANCE("ae-attendance", List.of(new Match("encounters", "Encounter", Set.of("EMER")))),
    ADMISSION("admission", List.of(new Match("encounters", "Encounter",
            Set.of("IMP", "ACUTE", "NONAC", "SS", "PRENC")))),
    OUTPATIENT("outpatient", List.of(new Match("encounters", "Encounter", Set.of("AMB")))),
    COMMUNITY("community", List.of(new Match("encounters", "Encounter", Set.of("HH", "FLD", "VR")),
            new Match("encounters", "EpisodeOfCare", Set.of()))),
    MENTAL_HEALTH("mental-health", List.of(new Match("mental-health", "EpisodeOfCare", Set.of()))),
    SOCIAL_CARE("social-care", List.of(new Match("social-care", "EpisodeOfCare", Set.of()))),
    ENCOUNTER("encounter", List.of());

    /** Every timeline item: encounters and episodes of care of these categories. */
    public static final List<String> CATEGORIES = List.of("encounters", "mental-health", "social-care");
    public static final List<String> RESOURCE_TYPES = List.of("Encounter", "EpisodeOfCare");

    /** Items of this category and resource type, with one of these codes (any code when empty). */
    public record Match(String category, String resourceType, Set<String> codes) {
    }

    private final String code;
    private final List<Match> matches;

    TimelineType(String code, List<Match> matches) {
        this.code = code;
        this.matches = matches;
    }

    public String code() {
        return code;
    }

    public List<Match> matches() {
        return matches;
    }

    /** The type a caller may filter by with this code; {@code encounter} (the rest) is not one. */
    public static Optional<TimelineType> filterOf(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code) && !t.matches.isEmpty()).findFirst();
    }

    /** The type of a stored timeline item. */
    public static TimelineType of(String category, String resourceType, String code) {
        for (TimelineType type : values()) {
            for (Match match : type.matches) {
                if (match.category.equals(category) && match.resourceType.equals(resourceType)
                        && (match.codes.isEmpty() || match.codes.contains(code))) {
                    return type;
                }
            }
        }
        return ENCOUNTER;
    }
}
