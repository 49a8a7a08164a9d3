package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Where and how one value is stored on the device.
 *
 * @param table        Modbus register kind (input/holding) or Luxtronik array
 * @param address      PDU address on the wire (vendor offsets already applied) or Luxtronik array index
 * @param type         wire data type
 * @param entries      registers (Modbus) or array entries (Luxtronik) the value occupies
 * @param divisor      engineering value = raw / divisor (units normalised here: seconds to hours, W to kW, ...)
 * @param wordOrder    order of 32-bit values (already resolved from the device config)
 * @param notAvailable raw values that mean "not available"; such a value is left out, never sent as a number
 * @param enumLabels   raw code to normalised text, for coded values
 */
public record RegisterDefinition(Table table, int address, DataType type, int entries, BigDecimal divisor, WordOrder wordOrder,
        List<Double> notAvailable, Map<Long, String> enumLabels) {

    public RegisterDefinition {
        notAvailable = notAvailable == null ? List.of() : List.copyOf(notAvailable);
        enumLabels = enumLabels == null ? Map.of() : Map.copyOf(enumLabels);
        if (divisor == null || divisor.signum() <= 0) {
            throw new IllegalArgumentException("divisor must be positive");
        }
    }

    /** Last address the value occupies. */
    public int lastAddress() {
        return address + entries - 1;
    }

    /** Modbus function code that reads the value; null for Luxtronik. */
    public org.heatpumpsuite.polling.transport.modbus.FunctionCode readFunctionCode() {
        return table.readFunctionCode();
    }
}
