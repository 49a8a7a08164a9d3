package org.heatpumpsuite.ingest.samples.service;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A decoded heatpump.readings or heatpump.anomalies record: the labels, the sample time and the values as they came
 * on the wire. {@code sensorSet} is a fingerprint of the sensor ids (equal sets give equal fingerprints), so the
 * latest-value store can tell "same sensors as last time" without walking the previous reading. {@code source} is
 * kept for the dead-letter topic.
 */
public record Reading(String heatpumpId, String manufacturer, String model, long observedAtMs, List<Value> values,
        long sensorSet, Units units, ConsumerRecord<byte[], byte[]> source) {

    /**
     * One value; {@code kind} is {@link org.heatpumpsuite.ingest.pump.service.SensorInfo#NUMBER}, BOOLEAN or STRING,
     * {@code text} the number as written on the wire (or normalised if it had an exponent), "true"/"false", or the string.
     */
    public record Value(String sensor, String kind, String text) {
    }

    /** The fingerprint of a set of sensor ids: count, sum and xor of their hashes, mixed; order does not matter. */
    public static long sensorSet(List<Value> values) {
        long sum = 0;
        long xor = 0;
        for (Value v : values) {
            long h = v.sensor().hashCode() * 0x9E3779B97F4A7C15L;
            sum += h;
            xor ^= Long.rotateLeft(h, 31);
        }
        return (sum ^ Long.rotateLeft(xor, 17)) * 31 + values.size();
    }
}
