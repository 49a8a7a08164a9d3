package org.heatpumpsuite.ingest.pump.service;

/** Unit and JSON type of a sensor's value ({@code kind}: number, boolean or string). */
public record SensorInfo(String unit, String kind) {

    public static final String NUMBER = "number";
    public static final String BOOLEAN = "boolean";
    public static final String STRING = "string";
}
