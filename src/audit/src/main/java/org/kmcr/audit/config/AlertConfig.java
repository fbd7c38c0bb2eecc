package org.kmcr.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** Privacy-officer alerts on access patterns found in the log. */
@ConfigMapping(prefix = "kmcr.audit.alerts")
public interface AlertConfig {

    /** How often new entries are scanned. */
    @WithDefault("30s")
    Duration scanInterval();

    /** How many different people's records one user may open within an hour before an alert is raised. */
    @WithDefault("30")
    int recordsPerHour();

    /** Working hours, in {@link #zone()}; a record opened outside them raises an alert. */
    @WithDefault("07:00")
    LocalTime workdayStart();

    @WithDefault("19:00")
    LocalTime workdayEnd();

    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> workdays();

    @WithDefault("Europe/London")
    ZoneId zone();
}
