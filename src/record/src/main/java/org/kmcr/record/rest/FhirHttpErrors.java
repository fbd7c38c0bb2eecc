package org.kmcr.record.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.List;
import org.kmcr.common.problem.OperationOutcomes;
import org.kmcr.common.problem.Problem;

/**
 * The answers the HTTP layer gives itself under {@code /fhir}, before or after the REST layer, as OperationOutcomes
 * like every other FHIR error: a path no resource serves (404) and a failure of the request itself, such as a body
 * over the size limit (413, when its Content-Length says so; a chunked body over the limit still gets the HTTP
 * layer's empty 413). The REST layer's own errors (405, 406, 415, ...) go through the problem mapper.
 */
@ApplicationScoped
public class FhirHttpErrors {

    private final ObjectMapper json;
    private final long maxBodyBytes;

    FhirHttpErrors(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void routes(@Observes Router router) {
        // the REST layer would answer a declared body over the limit with an empty 413
        router.route("/fhir/*").order(-1000).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBodyBytes) {
                answer(context, 413, "The request is larger than this server accepts (" + maxBodyBytes + " bytes)");
            } else {
                context.next();
            }
        });
        router.route("/fhir/*").order(Integer.MAX_VALUE).handler(context -> answer(context, 404,
                "No FHIR endpoint is served at this path; the base is /fhir/r4 (see /fhir/r4/metadata)"));
        router.route("/fhir/*").failureHandler(context -> {
            int status = context.statusCode() >= 400 ? context.statusCode() : 500;
            answer(context, status, switch (status) {
                case 413 -> "The request is larger than this server accepts";
                case 400 -> "The request could not be read";
                default -> "The request could not be completed; the error has been logged";
            });
        });
    }

    private void answer(RoutingContext context, int status, String detail) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        Problem problem = new Problem(null, known == null ? "Error" : known.getReasonPhrase(), status, detail, null,
                List.of());
        try {
            var response = context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, OperationOutcomes.FHIR_JSON);
            if (status == 413) {
                // the body is not read: close the connection rather than wait for it
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
            response.end(json.writeValueAsString(OperationOutcomes.of(problem))).onComplete(done -> {
                if (status == 413) {
                    context.request().connection().close();
                }
            });
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
