package org.kmcr.common.config;

import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.Config;

/** When the start guards apply: a packaged service in production, unless a local run allows the exception. */
final class ProductionStart {

    private ProductionStart() {
    }

    /** True when the guard must check: normal launch mode and the given allow setting not true. */
    static boolean guarded(Config config, String allowSetting) {
        return LaunchMode.current() == LaunchMode.NORMAL
                && !config.getOptionalValue(allowSetting, Boolean.class).orElse(false);
    }
}
