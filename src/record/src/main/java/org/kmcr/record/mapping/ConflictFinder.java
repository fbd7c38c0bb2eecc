package org.kmcr.record.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kmcr.common.record.ItemConflict;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;

/**
 * Finds items of different categories that disagree, to be shown, never resolved silently:
 * <ul>
 * <li>{@code allergy-vs-medication}: a current allergy and a current medication of the same substance or class:
 * the same code in the same system, or the allergy's substance (its display without words such as "allergy to")
 * naming the medication or, for the drug classes of {@link #CLASSES}, one of the class's members (penicillin and
 * amoxicillin);</li>
 * <li>{@code resuscitation-disagreement}: current advance directives from different sources, one saying not for
 * resuscitation (DNACPR / DNAR, SNOMED CT 304253006, 450476008) and another for resuscitation (304252001).</li>
 * </ul>
 * Without a terminology server the class table is small and documented here; a match on a class is a prompt to
 * check, not a clinical decision.
 */
final class ConflictFinder {

    /** Drug classes an allergy may name, with the members a medication's display may name (BNF names). */
    static final Map<String, List<String>> CLASSES = Map.of(
            "penicillin", List.of("penicillin", "amoxicillin", "ampicillin", "flucloxacillin", "co-amoxiclav",
                    "piperacillin", "pivmecillinam", "temocillin", "benzylpenicillin"),
            "cephalosporin", List.of("cefalexin", "cefuroxime", "ceftriaxone", "cefradine", "cefixime", "cefaclor",
                    "cefotaxime", "ceftazidime"),
            "nsaid", List.of("ibuprofen", "naproxen", "diclofenac", "aspirin", "celecoxib", "etoricoxib",
                    "mefenamic", "indometacin"),
            "sulfonamide", List.of("sulfamethoxazole", "co-trimoxazole", "sulfasalazine"),
            "sulphonamide", List.of("sulfamethoxazole", "co-trimoxazole", "sulfasalazine"),
            "ace inhibitor", List.of("ramipril", "lisinopril", "enalapril", "perindopril", "captopril"),
            "opioid", List.of("codeine", "morphine", "oxycodone", "tramadol", "co-codamol", "dihydrocodeine",
                    "fentanyl"));
    /** Words of an allergy's display that do not name its substance. */
    static final Set<String> NOT_SUBSTANCE = Set.of("allergy", "allergic", "to", "intolerance", "of", "adverse",
            "reaction", "reactions", "hypersensitivity", "drug", "drugs", "history", "h", "o", "the", "and", "or",
            "anaphylaxis", "due", "group", "antibiotic", "antibiotics", "caused", "by");

    static final Set<String> NOT_FOR_CPR_CODES = Set.of("304253006", "450476008", "450475007");
    static final Set<String> FOR_CPR_CODES = Set.of("304252001");

    private ConflictFinder() {
    }

    static List<ItemConflict> find(Map<String, List<RecordItem>> categories,
            Map<java.util.UUID, DescribedItem> described) {
        List<ItemConflict> conflicts = new ArrayList<>();
        for (RecordItem allergy : categories.getOrDefault("allergies", List.of())) {
            if (!ItemMerger.current(allergy.status())) {
                continue;
            }
            for (RecordItem medication : categories.getOrDefault("medications", List.of())) {
                if (ItemMerger.current(medication.status()) && sameSubstance(allergy, medication)) {
                    conflicts.add(new ItemConflict("allergy-vs-medication", "An allergy, " + name(allergy)
                            + " (reported by " + orgs(allergy) + "), and a current medication, " + name(medication)
                            + " (reported by " + orgs(medication) + "), are of the same substance or class. Check "
                            + "before prescribing or giving it.", List.of(allergy.id(), medication.id())));
                }
            }
        }
        resuscitation(categories.getOrDefault("advance-directives", List.of()), described).ifPresent(conflicts::add);
        return conflicts;
    }

    static boolean sameSubstance(RecordItem allergy, RecordItem medication) {
        if (allergy.code() != null && allergy.code().equals(medication.code()) && allergy.codeSystem() != null
                && allergy.codeSystem().equalsIgnoreCase(String.valueOf(medication.codeSystem()))) {
            return true;
        }
        String drug = " " + ItemMerger.normalise(medication.display()) + " ";
        String substance = substance(allergy.display());
        if (substance.isEmpty() || drug.isBlank()) {
            return false;
        }
        if (drug.contains(substance)) {
            return true;
        }
        for (var entry : CLASSES.entrySet()) {
            if (substance.contains(entry.getKey())) {
                for (String member : entry.getValue()) {
                    if (drug.contains(ItemMerger.normalise(member))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The allergy's display without the words that do not name its substance, normalised. */
    static String substance(String display) {
        return Arrays.stream(ItemMerger.normalise(display).split(" "))
                .filter(word -> !word.isEmpty() && !NOT_SUBSTANCE.contains(word))
                .map(word -> word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word)
                .collect(Collectors.joining(" "));
    }

    private static java.util.Optional<ItemConflict> resuscitation(List<RecordItem> directives,
            Map<java.util.UUID, DescribedItem> described) {
        Map<Boolean, List<RecordItem>> byDecision = new LinkedHashMap<>();
        for (RecordItem directive : directives) {
            DescribedItem item = described.get(directive.id());
            Boolean forCpr = item == null || !ItemMerger.current(directive.status()) ? null : forCpr(item.resource());
            if (forCpr != null) {
                byDecision.computeIfAbsent(forCpr, k -> new ArrayList<>()).add(directive);
            }
        }
        if (byDecision.size() < 2) {
            return java.util.Optional.empty();
        }
        List<RecordItem> notFor = byDecision.get(false);
        List<RecordItem> isFor = byDecision.get(true);
        Set<String> notForOrgs = notFor.stream().flatMap(i -> i.sources().stream()).map(Provenance::sourceOrg)
                .collect(Collectors.toSet());
        Set<String> forOrgs = isFor.stream().flatMap(i -> i.sources().stream()).map(Provenance::sourceOrg)
                .collect(Collectors.toSet());
        if (notForOrgs.equals(forOrgs) && notForOrgs.size() == 1) {
            return java.util.Optional.empty();
        }
        List<java.util.UUID> ids = new ArrayList<>();
        notFor.forEach(i -> ids.add(i.id()));
        isFor.forEach(i -> ids.add(i.id()));
        return java.util.Optional.of(new ItemConflict("resuscitation-disagreement", String.join(", ", notForOrgs)
                + " records a decision not to attempt resuscitation (DNACPR) and " + String.join(", ", forOrgs)
                + " records the person as for resuscitation. Confirm the current decision with them.", ids));
    }

    /** True for a directive for resuscitation, false for a DNACPR / DNAR, null for neither. */
    static Boolean forCpr(JsonNode resource) {
        Set<String> codes = new java.util.HashSet<>();
        StringBuilder text = new StringBuilder();
        collect(resource, codes, text);
        String words = " " + ItemMerger.normalise(text.toString()) + " ";
        if (codes.stream().anyMatch(NOT_FOR_CPR_CODES::contains) || words.contains(" dnacpr ")
                || words.contains(" dnar ") || words.contains(" do not attempt ") || words.contains(" not for ")) {
            return false;
        }
        if (codes.stream().anyMatch(FOR_CPR_CODES::contains) || words.contains(" for resuscitation ")
                || words.contains(" for cardiopulmonary resuscitation ") || words.contains(" for cpr ")) {
            return true;
        }
        return null;
    }

    private static void collect(JsonNode node, Set<String> codes, StringBuilder text) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("code") && field.getValue().isTextual()) {
                    codes.add(field.getValue().asText());
                } else if ((field.getKey().equals("display") || field.getKey().equals("text"))
                        && field.getValue().isTextual()) {
                    text.append(' ').append(field.getValue().asText());
                } else if (!field.getKey().equals("text") && !field.getKey().equals("meta")) {
                    collect(field.getValue(), codes, text);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, codes, text));
        }
    }

    private static String name(RecordItem item) {
        return item.display() == null ? "(no name)" : item.display();
    }

    private static String orgs(RecordItem item) {
        return item.sources().stream().map(Provenance::sourceOrg).distinct().collect(Collectors.joining(", "));
    }
}
