package org.heatpumpsuite.polling.transport;

/**
 * A failed exchange with a device. {@link #retryable()} says whether trying again later can help (I/O, timeout,
 * busy device) or not (illegal address, illegal function: the request itself is wrong for this device).
 */
public class DeviceException extends Exception {

    /** The kinds of the status and readings contracts ({@code last_error.kind}, {@code errors[].kind}). */
    public enum Kind {
        DNS("dns"), REFUSED("refused"), TIMEOUT("timeout"), MODBUS_EXCEPTION("modbus_exception"), PROTOCOL("protocol"),
        OTHER("other");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The value used on the wire (contracts). */
        public String wire() {
            return wire;
        }
    }

    private final Kind kind;
    private final Integer modbusExceptionCode;
    private final boolean retryable;

    public DeviceException(Kind kind, String message, boolean retryable, Throwable cause) {
        this(kind, null, message, retryable, cause);
    }

    public DeviceException(Kind kind, Integer modbusExceptionCode, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.modbusExceptionCode = modbusExceptionCode;
        this.retryable = retryable;
    }

    /** A Modbus exception reply: codes 1 (illegal function), 2 (illegal address), 3 (illegal value) are permanent. */
    public static DeviceException modbus(int code, String message) {
        boolean retryable = !(code == 1 || code == 2 || code == 3);
        return new DeviceException(Kind.MODBUS_EXCEPTION, code, message, retryable, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The Modbus exception code for {@link Kind#MODBUS_EXCEPTION}, else null. */
    public Integer modbusExceptionCode() {
        return modbusExceptionCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
