package org.kmcr.consent.policy;

import java.util.Set;

/**
 * The policy as data, loaded once per policy version: the role x category matrix, the windows, the code lists of
 * legally protected categories and the security labels the rules look for.
 *
 * @param encounterWindowDays   how long an encounter gives its organisation a relationship, in days
 * @param breakGlassHours       how long a break glass lasts for the same professional and person
 * @param protectedCodes        legally protected codes ({@code system|code}): sexual health and HIV, fertility,
 *                              gender history, termination of pregnancy
 * @param notForPatientView     labels of items the source keeps out of the citizen view
 * @param thirdParty            labels of items holding information about someone else
 * @param sensitivePersonFlags  confidentiality codes or labels that, on a demographics item, mark a sensitive person
 */
public record PolicyData(long version, CategoryPolicy categories, int encounterWindowDays, int breakGlassHours,
        Set<String> protectedCodes, Set<String> notForPatientView, Set<String> thirdParty,
        Set<String> sensitivePersonFlags) {

    public PolicyData {
        protectedCodes = Set.copyOf(protectedCodes);
        notForPatientView = Set.copyOf(notForPatientView);
        thirdParty = Set.copyOf(thirdParty);
        sensitivePersonFlags = Set.copyOf(sensitivePersonFlags);
    }
}
