package org.heatpumpsuite.polling.command.service;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user's value of a cyclic writable that the owning replica keeps re-sending until a new command replaces it or the
 * pump is removed.
 *
 * @param sensor      the writable
 * @param value       the value as the command asked for it (engineering unit or option code)
 * @param commandId   the command that set it; every re-send reports it
 * @param requestedBy who asked
 * @param setAt       when it was accepted
 */
public record StandingValue(String sensor, JsonNode value, String commandId, String requestedBy, Instant setAt) {
}
