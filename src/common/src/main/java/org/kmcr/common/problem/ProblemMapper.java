package org.kmcr.common.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: problem+json everywhere, a FHIR OperationOutcome under
 * {@code /fhir}. Stack traces and exception messages of unexpected errors never reach the caller.
 */
public class ProblemMapper {

    /** The detail of a 403 from a role check, as opposed to a refusal by the access rules. */
    public static final String ROLE_REFUSED = "Your role does not allow this operation";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(null, e.title(), e.status(), e.getMessage(), null, e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(null, "Bad request", 400, "The request has invalid fields", null, errors), uri);
    }

    /** A body that does not fit the contract, e.g. a code outside an enum: 400 naming the field and what fits. */
    @ServerExceptionMapper
    public Response unreadable(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(java.util.stream.Collectors.joining("."));
        String message = "has the wrong form";
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(c -> c instanceof Coded coded ? coded.code() : c.toString())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return respond(new Problem(null, "Bad request", 400, "The request has invalid fields", null,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response response = respond(new Problem(null, "Unauthorized", 401,
                "A valid bearer token is required", null, List.of()), uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(null, "Forbidden", 403, ROLE_REFUSED, null, List.of()), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(null, title, status, e.getMessage(), null, List.of()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        // Log the type and where it happened, never the request content or identifiers in the path
        LOG.errorf(e, "Unexpected error on %s", uri.getPath().replaceAll("\\d{6,}", "***"));
        return respond(new Problem(null, "Internal server error", 500,
                "The request could not be completed; the error has been logged", null, List.of()), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        boolean fhir = uri.getPath().startsWith("/fhir");
        Object body = fhir ? OperationOutcomes.of(problem) : problem;
        return Response.status(problem.status())
                .type(fhir ? OperationOutcomes.FHIR_JSON : Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    /** "create.arg0.reason" becomes "reason": callers know fields, not method parameters. */
    static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
