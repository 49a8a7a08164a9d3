package org.heatpumpsuite.polling.vendor;

import org.heatpumpsuite.polling.transport.DeviceException;

/**
 * Why registers could not be read; becomes a readings {@code errors[]} entry for every value on them.
 *
 * @param kind                a readings error kind: timeout, refused, dns, modbus_exception, protocol, not_supported, other
 * @param message             English detail
 * @param modbusExceptionCode the exception code for kind modbus_exception, else null
 */
public record ReadFailure(String kind, String message, Integer modbusExceptionCode) {

    public ReadFailure {
        if ("modbus_exception".equals(kind) != (modbusExceptionCode != null)) {
            throw new IllegalArgumentException("modbus_exception_code goes with kind modbus_exception only");
        }
    }

    public static ReadFailure notSupported(String message) {
        return new ReadFailure("not_supported", message, null);
    }

    public static ReadFailure of(Throwable t, String what) {
        if (t instanceof DeviceException d) {
            if (d.kind() == DeviceException.Kind.MODBUS_EXCEPTION && d.modbusExceptionCode() != null) {
                return new ReadFailure("modbus_exception", what + ": " + d.getMessage(), d.modbusExceptionCode());
            }
            String kind = d.kind() == DeviceException.Kind.MODBUS_EXCEPTION ? "protocol" : d.kind().wire();
            return new ReadFailure(kind, what + ": " + d.getMessage(), null);
        }
        return new ReadFailure("other", what + ": " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), null);
    }
}
