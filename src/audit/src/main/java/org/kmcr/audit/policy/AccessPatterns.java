package org.kmcr.audit.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The patterns that raise a privacy-officer alert, as pure functions of what the log holds: a record opened outside
 * working hours, and one user opening more than a set number of different people's records within an hour.
 *
 * @param recordsPerHour the most different people's records one user may open within an hour without an alert
 */
public record AccessPatterns(int recordsPerHour, LocalTime workdayStart, LocalTime workdayEnd,
        Set<DayOfWeek> workdays, ZoneId zone) {

    public static final String OUT_OF_HOURS = "out-of-hours";
    public static final String MANY_RECORDS = "many-records-in-an-hour";

    /** Whether an access at this time is outside working hours (start inclusive, end exclusive). */
    public boolean outsideWorkingHours(Instant when) {
        ZonedDateTime local = when.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !workdays.contains(local.getDayOfWeek()) || time.isBefore(workdayStart) || !time.isBefore(workdayEnd);
    }

    /** Whether opening this many different people's records within an hour is too many. */
    public boolean tooManyRecords(long distinctPeopleInAnHour) {
        return distinctPeopleInAnHour > recordsPerHour;
    }

    /** Only disclosures of records count: a permitted {@code record.*} action. */
    public static boolean isRecordOpened(String action, String outcome) {
        return action.startsWith("record.") && "permitted".equals(outcome);
    }
}
