/**
 * Ingest's operations API as the portal reads it: feed health per source and dead letters as the platform operator
 * sees them. Counts, times, origins and problem titles only, never a message or anything quoted from one.
 */
package org.kmcr.common.ingest;
