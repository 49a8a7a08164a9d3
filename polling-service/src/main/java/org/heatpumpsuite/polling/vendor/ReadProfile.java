package org.heatpumpsuite.polling.vendor;

/**
 * What one register table (function code) of a model accepts in one read.
 *
 * @param maxRegisters  registers per request (NIBE MODBUS 40: 2; Modbus spec: 125)
 * @param undefinedGaps whether a block may include addresses the model's map does not define (iDM: no, they answer
 *                      exception 02; Daikin input registers: yes, gerione reads 21..61 in one block)
 * @param maxGap        the longest run of unrequested addresses a block may include
 */
public record ReadProfile(int maxRegisters, boolean undefinedGaps, int maxGap) {
    public ReadProfile {
        if (maxRegisters < 1 || maxRegisters > 125) {
            throw new IllegalArgumentException("max_registers must be 1..125");
        }
        if (maxGap < 0) {
            throw new IllegalArgumentException("max_gap must be >= 0");
        }
    }
}
