package org.kmcr.common.client;

import jakarta.ws.rs.WebApplicationException;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.kmcr.common.problem.ProblemException;

/** How a failed call to another KMCR service becomes an answer to our own caller. */
public final class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    private Downstream() {
    }

    /** Any failure of the named service becomes a 503 whose detail says what could not be done. */
    public static Function<Throwable, Throwable> unavailable(String service, String consequence) {
        return failure -> {
            if (failure instanceof ProblemException) {
                return failure;
            }
            String status = failure instanceof WebApplicationException web
                    ? String.valueOf(web.getResponse().getStatus()) : failure.getClass().getSimpleName();
            LOG.warnf("Call to %s failed: %s", service, status);
            return ProblemException.unavailable("The " + service + " service is unavailable, so " + consequence
                    + ". Try again shortly.");
        };
    }

    /** True when the failure is the other service saying "not found". */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
