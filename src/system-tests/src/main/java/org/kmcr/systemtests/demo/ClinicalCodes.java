package org.kmcr.systemtests.demo;

import java.util.List;

/** The small SNOMED CT lists the demo data draws from (real concept ids and preferred terms; dm+d for medicines). */
public final class ClinicalCodes {

    public static final String SNOMED_CT = "http://snomed.info/sct";

    public static final List<Code> ALLERGIES = List.of(
            new Code("91936005", "Allergy to penicillin"),
            new Code("91935009", "Allergy to peanut"),
            new Code("300916003", "Latex allergy"),
            new Code("418689008", "Allergy to grass pollen"),
            new Code("300913006", "Shellfish allergy"),
            new Code("232350006", "House dust mite allergy"));

    public static final List<Code> MEDICATIONS = List.of(
            new Code("318845001", "Ramipril 5mg capsules"),
            new Code("319283006", "Amlodipine 5mg tablets"),
            new Code("322236009", "Paracetamol 500mg tablets"),
            new Code("39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free"));

    /** Long-term conditions, as a GP record holds them. */
    public static final List<Code> LONG_TERM_CONDITIONS = List.of(
            new Code("38341003", "Hypertensive disorder"),
            new Code("44054006", "Diabetes mellitus type 2"),
            new Code("195967001", "Asthma"),
            new Code("13645005", "Chronic obstructive lung disease"),
            new Code("49436004", "Atrial fibrillation"),
            new Code("40930008", "Hypothyroidism"),
            new Code("35489007", "Depressive disorder"),
            new Code("396275006", "Osteoarthritis"),
            new Code("709044004", "Chronic kidney disease"),
            new Code("84114007", "Heart failure"));

    /** Conditions a hospital episode typically records. */
    public static final List<Code> HOSPITAL_CONDITIONS = List.of(
            new Code("22298006", "Myocardial infarction"),
            new Code("230690007", "Cerebrovascular accident"),
            new Code("233604007", "Pneumonia"),
            new Code("68566005", "Urinary tract infectious disease"),
            new Code("5913000", "Fracture of neck of femur"));

    public record Code(String code, String display) {
    }

    private ClinicalCodes() {
    }
}
