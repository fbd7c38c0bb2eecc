package org.kmcr.portal.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.kmcr.portal.model.DashboardView;

/** The analytics pages' templates (src/main/resources/templates/Analytics/), type-checked at build time. */
@CheckedTemplate(basePath = "Analytics")
public final class AnalyticsPages {

    private AnalyticsPages() {
    }

    public static native TemplateInstance dashboard(DashboardView view);
}
