package org.kmcr.record.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.kmcr.common.problem.OperationOutcomes;
import org.kmcr.common.problem.Problem;

/**
 * The answers the HTTP layer gives itself under {@code /fhir}, before or after the REST layer, as OperationOutcomes
 * like every other FHIR error: a path no resource serves (404) and a failure of the request itself, such as a body
 * over the size limit (413). The REST layer's own errors (405, 406, 415, ...) go through the problem mapper.
 */
@ApplicationScoped
public class FhirHttpErrors {

    private final ObjectMapper json;

    FhirHttpErrors(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
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
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, OperationOutcomes.FHIR_JSON)
                    .end(json.writeValueAsString(OperationOutcomes.of(problem)));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
