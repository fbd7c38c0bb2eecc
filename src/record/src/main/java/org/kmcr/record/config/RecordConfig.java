package org.kmcr.record.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Record-query's settings ({@code kmcr.record.*}). */
@ConfigMapping(prefix = "kmcr.record")
public interface RecordConfig {

    /** The most items of one category a summary shows (the most recent); the rest is paged elsewhere. */
    @WithDefault("50")
    int summaryItemsPerCategory();

    /** A source whose feed has sent nothing for longer than this is shown as stale. */
    @WithDefault("P3D")
    Duration staleAfter();

    /** How long the feeds' last contacts are cached (they change by the second; staleness is counted in days). */
    @WithDefault("PT30S")
    Duration freshnessCache();

    /** The timeline page size when the caller asks for none, and the largest one allowed. */
    @WithDefault("20")
    int timelineDefaultLimit();

    @WithDefault("100")
    int timelineMaxLimit();

    /**
     * How long record keeps the national data opt-out list it read from consent before reading it again: a new
     * list applies to analytics within this time.
     */
    @WithDefault("PT1M")
    Duration analyticsOptOutCache();

    /**
     * How long the analytics measure definitions (record.analytics_measure) are kept before they are read again; a
     * code not among them is looked up at once, so a measure just added is found by its first query.
     */
    @WithDefault("PT1M")
    Duration analyticsMeasureCache();

    /**
     * The memory one analytics query may give each of its hash tables and sorts (PostgreSQL's work_mem, set for
     * that query's transaction only), so that counting people once stays in memory.
     */
    @WithDefault("64MB")
    String analyticsWorkMem();

    /** The longest period one analytics table may cover. */
    @WithDefault("P750D")
    Duration analyticsMaxPeriod();
}
