package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The one way a page with forms answers (the queues to decide, feed health's replay): the page itself, and after a
 * form, back to the page (303, so a reload sends nothing twice) when it was taken, else the page again with what
 * stopped it (400, its error summary at the top).
 */
final class FormAnswers {

    private FormAnswers() {
    }

    /** The page, with no problem to show. */
    static Uni<Response> show(Uni<TemplateInstance> page) {
        return page.map(shown -> Response.ok(shown).build());
    }

    /**
     * The answer to a form whose outcome is the messages that stopped it (none when it was taken).
     *
     * @param back the page to go back to once it was taken
     * @param page the page, with the given problems in its error summary
     */
    static Uni<Response> answer(Uni<List<String>> outcome, String back,
            Function<List<String>, Uni<TemplateInstance>> page) {
        return outcome.chain(errors -> errors.isEmpty()
                ? Uni.createFrom().item(Response.seeOther(URI.create(back)).build())
                : page.apply(errors).map(shown -> Response.status(400).entity(shown).build()));
    }
}
