package org.kmcr.record.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirResourceType;

/**
 * The SQL conditions of a FHIR search: the query's parameters, and the consent decision's categories and item rules
 * as {@link org.kmcr.common.consent.ItemFilter} states them, so that the database counts and pages exactly the items
 * that filter shows (the service checks each item of a page with the filter itself too). Each rule's conditions are
 * those of {@link ItemRule#matches}, over the same columns; a rule that cannot be decided (a null column) does not
 * match, as in Java.
 */
final class FhirItemPredicates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirItemPredicates() {
    }

    /** The conditions every item of the answer meets, except the consent rules' treatment of it. */
    static String scope(FhirSql sql, FhirQuery query, AccessDecision decision) {
        List<String> where = new ArrayList<>();
        where.add("category = ANY(" + sql.texts(decision.categoryCodes()) + ")");
        if (query.type() != null) {
            where.add("resource_type = " + sql.param(query.type().fhirName()));
        } else if (!query.types().isEmpty()) {
            where.add("resource_type = ANY(" + sql.texts(query.types()) + ")");
        }
        if (!query.categories().isEmpty()) {
            where.add(any(query.categories().stream()
                    .map(token -> "resource @> CAST(CAST(" + sql.param(categoryJson(query.type(), token))
                            + " AS text) AS jsonb)")
                    .toList()));
        }
        if (!query.codes().isEmpty()) {
            where.add(any(query.codes().stream().map(token -> code(sql, token)).toList()));
        }
        if (!query.statuses().isEmpty()) {
            where.add("status = ANY(" + sql.texts(query.statuses()) + ")");
        }
        for (FhirQuery.Bound bound : query.effective()) {
            String test = "effective_at " + bound.op().sql() + " " + sql.param(bound.value());
            where.add(query.undatedIn() ? "(effective_at IS NULL OR " + test + ")" : test);
        }
        for (FhirQuery.Bound bound : query.updated()) {
            where.add("updated_at " + bound.op().sql() + " " + sql.param(bound.value()));
        }
        return String.join(" AND ", where);
    }

    /** Items no rule matches: those {@code ItemFilter} shows (within the permitted categories). */
    static String shown(FhirSql sql, AccessDecision decision) {
        List<String> rules = decision.itemRules().stream().map(rule -> matches(sql, rule)).toList();
        return rules.isEmpty() ? "TRUE" : "NOT " + any(rules);
    }

    /** Items some withhold rule and no hide rule matches: those {@code ItemFilter} withholds. */
    static String withheld(FhirSql sql, AccessDecision decision) {
        String withhold = any(rules(sql, decision, rule -> rule.treatment() == ItemRule.Treatment.WITHHOLD));
        List<String> hide = rules(sql, decision, rule -> rule.treatment() == ItemRule.Treatment.HIDE);
        return hide.isEmpty() ? withhold : withhold + " AND NOT " + any(hide);
    }

    static boolean withholds(AccessDecision decision) {
        return decision.itemRules().stream().anyMatch(rule -> rule.treatment() == ItemRule.Treatment.WITHHOLD);
    }

    private static List<String> rules(FhirSql sql, AccessDecision decision, Predicate<ItemRule> which) {
        return decision.itemRules().stream().filter(which).map(rule -> matches(sql, rule)).toList();
    }

    /** {@link ItemRule#matches} over the columns; never null. */
    static String matches(FhirSql sql, ItemRule rule) {
        List<String> all = new ArrayList<>();
        if (rule.exceptSourceOrg() != null) {
            all.add("source_org <> " + sql.param(rule.exceptSourceOrg()));
        }
        if (!rule.categories().isEmpty()) {
            all.add("category = ANY(" + sql.texts(rule.categories().stream().map(CareCategory::code).toList()) + ")");
        }
        if (!rule.confidentiality().isEmpty()) {
            all.add("confidentiality = ANY(" + sql.texts(rule.confidentiality()) + ")");
        }
        if (!rule.codes().isEmpty()) {
            // ItemFacts.systemAndCode() writes a missing part as "null"
            all.add("(coalesce(code_system, 'null') || '|' || coalesce(code, 'null')) = ANY("
                    + sql.texts(rule.codes()) + ")");
        }
        if (!rule.securityLabels().isEmpty()) {
            all.add("security_labels && " + sql.texts(rule.securityLabels()));
        }
        if (!rule.itemIds().isEmpty()) {
            all.add("id = ANY(" + sql.uuids(rule.itemIds()) + ")");
        }
        if (!rule.sourceOrgs().isEmpty()) {
            all.add("source_org = ANY(" + sql.texts(rule.sourceOrgs()) + ")");
        }
        return all.isEmpty() ? "TRUE" : "COALESCE(" + String.join(" AND ", all) + ", FALSE)";
    }

    private static String any(List<String> conditions) {
        return conditions.stream().collect(Collectors.joining(" OR ", "(", ")"));
    }

    private static String code(FhirSql sql, FhirQuery.Token token) {
        if (token.noSystem()) {
            return "(code_system IS NULL AND code = " + sql.param(token.code()) + ")";
        }
        if (token.system() == null) {
            return "code = " + sql.param(token.code());
        }
        if (token.code() == null) {
            return "code_system = " + sql.param(token.system());
        }
        return "(code_system = " + sql.param(token.system()) + " AND code = " + sql.param(token.code()) + ")";
    }

    /** The JSON a resource of this type contains when its category matches the token. */
    static String categoryJson(FhirResourceType type, FhirQuery.Token token) {
        ObjectNode root = JSON.createObjectNode();
        if (type.categoryShape() == FhirResourceType.CategoryShape.CODE_ARRAY) {
            root.putArray("category").add(token.code());
            return root.toString();
        }
        ObjectNode coding = JSON.createObjectNode();
        if (token.system() != null) {
            coding.put("system", token.system());
        }
        if (token.code() != null) {
            coding.put("code", token.code());
        }
        ObjectNode concept = JSON.createObjectNode();
        concept.putArray("coding").add(coding);
        if (type.categoryShape() == FhirResourceType.CategoryShape.CODEABLE_CONCEPT) {
            root.set("category", concept);
        } else {
            ArrayNode categories = root.putArray("category");
            categories.add(concept);
        }
        return root.toString();
    }
}
