package org.heatpumpsuite.polling.vendor;

/** A value that failed to read or decode in this poll (readings contract {@code errors[]}). */
public record ReadError(String sensor, String kind, String message, Integer modbusExceptionCode) {

    public static ReadError of(String sensor, ReadFailure f) {
        return new ReadError(sensor, f.kind(), f.message(), f.modbusExceptionCode());
    }
}
