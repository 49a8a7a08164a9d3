package org.heatpumpsuite.ingest.pump.service;

/** A configured heat pump as the read API needs it: its id and the labels of its series. */
public record Pump(String heatpumpId, String manufacturer, String model) {
}
