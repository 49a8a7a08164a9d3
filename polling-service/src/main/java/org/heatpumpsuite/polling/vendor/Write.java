package org.heatpumpsuite.polling.vendor;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;

/**
 * An encoded, validated write.
 *
 * @param sensor       value id
 * @param table        holding registers (Modbus) or {@link Table#PARAMETERS} (Luxtronik 3002)
 * @param functionCode FC06 or FC16 for Modbus ({@code session.write(functionCode, address, words)}); null for Luxtronik
 * @param address      PDU address, or the Luxtronik parameter id
 * @param words        Modbus: the register words; Luxtronik: the three int32 of the 3002 request (3002, id, raw)
 * @param writable     the value's write rules (persistence, resend interval, one-shot) for the write governor
 */
public record Write(String sensor, Table table, FunctionCode functionCode, int address, int[] words, WritableDefinition writable) {
}
