package org.kmcr.audit.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.kmcr.audit.model.AuditSearch;
import org.kmcr.common.problem.ProblemException;

/** A privacy officer's search of the log, from query parameters; every criterion is optional. */
public class SearchParameters {

    @QueryParam("nhsNumber")
    @Pattern(regexp = "\\d{10}")
    String nhsNumber;

    @QueryParam("personId")
    UUID personId;

    @QueryParam("userId")
    @Pattern(regexp = "[^\\p{Cntrl}]{1,200}")
    String userId;

    @QueryParam("org")
    @Pattern(regexp = "[A-Z0-9]{3,12}")
    String orgCode;

    /** ISO-8601 instant, inclusive. */
    @QueryParam("from")
    String from;

    /** ISO-8601 instant, exclusive. */
    @QueryParam("to")
    String to;

    /** An action, or a prefix ending in a dot. */
    @QueryParam("action")
    @Pattern(regexp = "[a-z][a-z0-9\\-]*(\\.[a-z0-9\\-]+)*\\.?")
    String action;

    /** The access basis, e.g. break-glass or self-claimed. */
    @QueryParam("basis")
    @Pattern(regexp = "[a-z]+(-[a-z]+)*")
    String basis;

    @QueryParam("outcome")
    @Pattern(regexp = "[a-z]+(-[a-z]+)*")
    String outcome;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(5000)
    int size;

    AuditSearch search() {
        return new AuditSearch(nhsNumber, personId, userId, orgCode, instant("from", from), instant("to", to), action,
                basis, outcome);
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }
}
