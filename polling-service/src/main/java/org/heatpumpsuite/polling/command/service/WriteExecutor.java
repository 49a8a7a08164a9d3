package org.heatpumpsuite.polling.command.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.heatpumpsuite.polling.poll.service.PumpLink;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.Reading;
import org.heatpumpsuite.polling.vendor.RegisterDefinition;
import org.heatpumpsuite.polling.vendor.SensorDefinition;
import org.heatpumpsuite.polling.vendor.Table;
import org.heatpumpsuite.polling.vendor.ValueDecoder;
import org.heatpumpsuite.polling.vendor.Write;

/**
 * The device side of a write: read one value, write the encoded words, decode written words for comparison. Runs on
 * the pump's own Modbus session (requests queue there behind the poll's, one in flight) or the Luxtronik client (one
 * operation per controller at a time; a write on a fresh connection); never blocks.
 */
final class WriteExecutor {

    private WriteExecutor() {
    }

    /** Whether the value can be read back at all. */
    static boolean readable(SensorDefinition s) {
        return s.register() != null && s.access().readable();
    }

    /** Reads and decodes one value; completes with null when the device reports it as not available. */
    static CompletionStage<Object> read(PumpLink link, SensorDefinition s) {
        RegisterDefinition r = s.register();
        try {
            if (link.session() != null) {
                return link.session().read(r.readFunctionCode(), r.address(), r.entries())
                        .thenApply(words -> decode(s, RawData.modbus().put(r.table(), r.address(), words)));
            }
            return link.luxtronik().readParameters(link.endpoint()).thenApply(params -> decode(s,
                    r.table() == Table.PARAMETERS ? RawData.luxtronik(null, params, null) : RawData.luxtronik(params, null, null)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Puts the encoded words on the wire. */
    static CompletionStage<Void> write(PumpLink link, Write w) {
        try {
            if (link.session() != null) {
                return link.session().write(w.functionCode(), w.address(), w.words());
            }
            int[] words = w.words(); // 3002, id, raw
            return link.luxtronik().writeParameter(link.endpoint(), words[1], words[2]).thenApply(ack -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The value the written words stand for, decoded as a read of them would be (the value at its resolution). */
    static Object written(SensorDefinition s, Write w) {
        RegisterDefinition r = s.register();
        if (w.functionCode() != null) {
            return decode(s, RawData.modbus().put(r.table(), r.address(), w.words()));
        }
        int[] array = new int[r.address() + r.entries()];
        array[r.address()] = w.words()[2];
        return decode(s, RawData.luxtronik(null, array, null));
    }

    private static Object decode(SensorDefinition s, RawData raw) {
        Reading reading = ValueDecoder.decode(List.of(s), raw);
        return reading.values().get(s.id());
    }

    /** True if a failed write may still have reached the device unnoticed (no acknowledgement). */
    static boolean maybeApplied(Throwable t) {
        return unwrap(t) instanceof DeviceException d && d.kind() == DeviceException.Kind.TIMEOUT;
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable t) {
        Throwable u = unwrap(t);
        return u.getMessage() == null || u.getMessage().isBlank() ? u.getClass().getSimpleName() : u.getMessage();
    }
}
