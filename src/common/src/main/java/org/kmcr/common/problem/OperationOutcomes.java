package org.kmcr.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Renders a problem as a FHIR R4 OperationOutcome, for endpoints under {@code /fhir}. Kept as plain maps so
 * that every service can answer in FHIR without carrying the HAPI structures.
 */
public final class OperationOutcomes {

    public static final String FHIR_JSON = "application/fhir+json";

    private OperationOutcomes() {
    }

    public static Map<String, Object> of(Problem problem) {
        List<Map<String, Object>> issues = new java.util.ArrayList<>();
        if (problem.errors() != null) {
            problem.errors().forEach(e -> issues.add(issue(problem.status(), e.message(), e.field())));
        }
        // the overall detail comes last: the field issues are what a sender fixes first
        issues.add(issue(problem.status(), problem.detail(), null));
        return Map.of("resourceType", "OperationOutcome", "issue", issues);
    }

    private static Map<String, Object> issue(int status, String diagnostics, String expression) {
        var issue = new java.util.LinkedHashMap<String, Object>();
        issue.put("severity", status >= 500 ? "fatal" : "error");
        issue.put("code", issueCode(status));
        issue.put("diagnostics", diagnostics);
        if (expression != null) {
            issue.put("expression", List.of(expression));
        }
        return issue;
    }

    /** Maps an HTTP status to the closest FHIR issue-type code. */
    static String issueCode(int status) {
        return switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "too-costly";
            case 415 -> "not-supported";
            case 503 -> "transient";
            default -> "exception";
        };
    }
}
