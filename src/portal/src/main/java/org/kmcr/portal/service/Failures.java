package org.kmcr.portal.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** What a service's refusal or failure said (its problem+json), for the page that tells the user. */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /** The HTTP status the service answered, 0 when it could not be reached. */
    public static int status(Throwable failure) {
        return failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
    }

    public static boolean is(Throwable failure, int status) {
        return status(failure) == status;
    }

    /** The problem's detail and its field errors, or the fallback when the answer carries none. */
    public static List<String> messages(Throwable failure, String fallback) {
        List<String> messages = new ArrayList<>();
        if (failure instanceof WebApplicationException web && web.getResponse().hasEntity()) {
            try (JsonReader reader = Json.createReader(new StringReader(web.getResponse().readEntity(String.class)))) {
                JsonObject problem = reader.readObject();
                if (problem.containsKey("errors")) {
                    problem.getJsonArray("errors").getValuesAs(JsonObject.class)
                            .forEach(error -> messages.add(error.getString("message", error.toString())));
                }
                if (messages.isEmpty() && problem.containsKey("detail")) {
                    messages.add(problem.getString("detail"));
                }
            } catch (RuntimeException unreadable) {
                // keep the fallback
            }
        }
        if (messages.isEmpty()) {
            messages.add(fallback);
        }
        return messages;
    }

    /** A failure that is not a refusal of the user's request becomes the "service unavailable" page. */
    public static PortalException unavailable(String service, Throwable failure) {
        if (failure instanceof PortalException portal) {
            return portal;
        }
        LOG.warnf("Call to %s failed: %s", service, status(failure) == 0 ? failure.getClass().getSimpleName()
                : String.valueOf(status(failure)));
        return new PortalException(503, "Sorry, there is a problem with the service",
                "The " + service + " service did not answer, so this page cannot be shown. Try again in a few minutes.");
    }
}
