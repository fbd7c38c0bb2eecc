package org.kmcr.common.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A relationship that a partner's message asserts, as ingest passes it on: who asserted it is the partner that
 * sent the message (organisation and system from its token), never a value of the message itself.
 *
 * @param orgCode       the organisation the person has the relationship with (for a referral: the recipient)
 * @param kind          gp-registration, referral, care-team, encounter, admission, episode, social-care-allocation, ...
 * @param startedOn     when the source says it started; today when null
 * @param endsOn        the last day it is active; null while open-ended (an assertion with an end date ends it)
 * @param sourceMessage the id of the message that asserted it (e.g. the bundle id), for provenance
 */
public record RelationshipAssertion(
        @NotNull UUID personId,
        @NotNull @Pattern(regexp = ODS_CODE) String orgCode,
        @NotNull @Size(max = 50) @Pattern(regexp = KIND, message = "must be lower-case words joined by hyphens")
        String kind,
        LocalDate startedOn,
        LocalDate endsOn,
        @NotNull @Valid Asserter assertedBy,
        @NotBlank @Size(max = 200) String sourceMessage) {

    public static final String GP_REGISTRATION = "gp-registration";
    public static final String REFERRAL = "referral";
    public static final String SELF_CLAIMED = "self-claimed";
    /** An ODS organisation code: upper-case letters and digits. */
    public static final String ODS_CODE = "[A-Z0-9]{3,12}";
    /** A relationship kind: lower-case words joined by hyphens. */
    public static final String KIND = "[a-z]+(-[a-z]+)*";

    /** The partner organisation and system that sent the message. */
    public record Asserter(@NotNull @Pattern(regexp = ODS_CODE) String orgCode, @NotBlank @Size(max = 100) String system) {
    }
}
