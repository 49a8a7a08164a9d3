package org.heatpumpsuite.polling.vendor;

import java.util.List;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;

/**
 * One Modbus read: {@code session.read(functionCode(), address(), count())} executes it directly.
 *
 * @param table        input or holding
 * @param functionCode FC04 or FC03
 * @param address      first PDU address
 * @param count        registers
 * @param spans        the values (register ranges) this block serves; used for the exception-02 fallback
 */
public record ReadBlock(Table table, FunctionCode functionCode, int address, int count, List<Span> spans) implements ReadRequest {

    /** The registers of one value (or of several values sharing them). */
    public record Span(int address, int count) {
        public int last() {
            return address + count - 1;
        }
    }

    public ReadBlock {
        spans = List.copyOf(spans);
        if (count < 1 || count > 125) {
            throw new IllegalArgumentException("a Modbus read covers 1..125 registers, not " + count);
        }
    }

    public int last() {
        return address + count - 1;
    }

    @Override
    public String toString() {
        return "FC" + String.format("%02d", functionCode.code()) + " " + address + (count > 1 ? ".." + last() : "") + " (" + count + ")";
    }
}
