package org.kmcr.portal.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record's categories (record's category codes) in the order the summary shows them, alerts and advance
 * directives first, each with its title for professionals and its plain-English title for citizens.
 */
public final class Categories {

    /** code -> {professional title, citizen title} */
    public static final Map<String, String[]> ORDER = new LinkedHashMap<>();

    static {
        put("alerts", "Alerts", "Alerts about you");
        put("safeguarding", "Safeguarding", "Keeping you safe");
        put("advance-directives", "Advance directives and escalation plans", "Your decisions about future treatment");
        put("allergies", "Allergies and adverse reactions", "Allergies and reactions to medicines");
        put("medications", "Current medications", "Medicines you take");
        put("conditions", "Problems and diagnoses", "Health conditions");
        put("care-plans", "Care plans", "Your care plans");
        put("location", "Current location", "Where you are receiving care");
        put("encounters", "Contacts and admissions", "Visits and hospital stays");
        put("results", "Test results", "Test results");
        put("infection-status", "Infection status", "Infections and tests for them");
        put("immunisations", "Immunisations", "Vaccinations");
        put("referrals", "Referrals", "Referrals between services");
        put("mental-health", "Mental health", "Mental health care");
        put("social-care", "Social care", "Social care");
        put("care-team", "Care team", "The people caring for you");
        put("contacts", "Next of kin and carers", "Your next of kin and carers");
        put("documents", "Letters and discharge summaries", "Letters about you");
        put("demographics", "Demographics (by source)", "Your details as each organisation holds them");
    }

    private Categories() {
    }

    private static void put(String code, String professional, String citizen) {
        ORDER.put(code, new String[] {professional, citizen});
    }

    /** The title of a category, for professionals or in plain English; an unknown code is shown as it is. */
    public static String title(String code, boolean plainEnglish) {
        String[] titles = ORDER.get(code);
        return titles == null ? code : titles[plainEnglish ? 1 : 0];
    }
}
