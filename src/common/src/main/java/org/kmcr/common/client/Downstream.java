package org.kmcr.common.client;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.kmcr.common.problem.ProblemException;

/** How a failed call to another KMCR service becomes an answer to our own caller. */
public final class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    private Downstream() {
    }

    /**
     * A failure of the named service becomes a 503 (it could not be reached or failed) whose detail says what
     * could not be done, or a 502 when it refused our request: a fault in KMCR, not in the caller's request.
     */
    public static Function<Throwable, Throwable> unavailable(String service, String consequence) {
        return failure -> {
            if (failure instanceof ProblemException) {
                return failure;
            }
            int status = failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
            LOG.warnf("Call to %s failed: %s", service, status == 0 ? failure.getClass().getSimpleName() : status);
            if (status >= 400 && status < 500) {
                return new ProblemException(502, "Bad gateway", "The " + service + " service refused KMCR's request, "
                        + "so " + consequence + ". This is a fault in KMCR; it has been logged.");
            }
            return ProblemException.unavailable("The " + service + " service is unavailable, so " + consequence
                    + ". Try again shortly.");
        };
    }

    /** True when the failure is the other service refusing the end user's request (403). */
    public static boolean isForbidden(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 403;
    }

    /**
     * A 403 problem of the other service, passed on to our caller with its detail: for calls made on an end
     * user's behalf, where the refusal is about the user's request, not a fault in KMCR.
     */
    public static Throwable forbiddenAsIs(Throwable failure) {
        String detail = "Your request was refused";
        if (failure instanceof WebApplicationException web && web.getResponse().hasEntity()) {
            try (JsonReader reader = Json.createReader(new StringReader(web.getResponse().readEntity(String.class)))) {
                detail = reader.readObject().getString("detail", detail);
            } catch (RuntimeException unreadable) {
                // keep the generic detail
            }
        }
        return ProblemException.forbidden(detail);
    }

    /** True when the failure is the other service saying "not found". */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
