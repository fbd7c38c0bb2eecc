/**
 * The population analytics API of record (issue 13): measures, published tables and hot spots. Only aggregates:
 * every figure is after the national data opt-out exclusion, small-count suppression and rounding.
 */
package org.kmcr.common.analytics;
