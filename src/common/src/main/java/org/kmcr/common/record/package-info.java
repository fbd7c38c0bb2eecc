/**
 * The record-query contract: what {@code src/record} answers at {@code /api/records/{nhsNumber}/...} and what its
 * callers (the portal) read. Defined once here; record builds these, callers deserialise them.
 */
package org.kmcr.common.record;
