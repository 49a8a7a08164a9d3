package org.heatpumpsuite.ingest.samples.service;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A checked heatpump.readings or heatpump.anomalies record: labels, sample time and, if asked for, the values as
 * they came on the wire. The write path does not ask: it streams the values straight into the import request, and
 * {@code values} and {@code units} are null. {@code sensorSet} is a fingerprint of the sensor ids (equal sets give
 * equal fingerprints), so the latest-value store can tell "same sensors as last time" cheaply. {@code source} is the
 * Kafka record (dead letters; the latest-value store keeps its value).
 */
public record Reading(String heatpumpId, String manufacturer, String model, long observedAtMs, boolean anomaly,
        List<Value> values, Units units, long sensorSet, ConsumerRecord<byte[], byte[]> source) {

    /**
     * One value; {@code kind} is {@link org.heatpumpsuite.ingest.pump.service.SensorInfo#NUMBER}, BOOLEAN or STRING,
     * {@code text} the number as written on the wire (or normalised if it had an exponent), "true"/"false", or the string.
     */
    public record Value(String sensor, String kind, String text) {
    }

    /** Adds a sensor id to a fingerprint; start with 0. Order does not matter. */
    static long addToSensorSet(long set, String sensor) {
        long h = sensor.hashCode() * 0x9E3779B97F4A7C15L;
        return set + Long.rotateLeft(h, 29) + (h ^ (h >>> 31)) * 31;
    }
}
