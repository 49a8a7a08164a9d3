package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;

/**
 * Where a value lives on the device. Modbus: {@link #INPUT} registers (read with FC04) and {@link #HOLDING} registers
 * (read with FC03). Luxtronik binary protocol: the three arrays {@link #CALCULATIONS} (command 3004),
 * {@link #PARAMETERS} (3003, written with 3002) and {@link #VISIBILITIES} (3005).
 */
public enum Table {
    INPUT(FunctionCode.READ_INPUT_REGISTERS, 0),
    HOLDING(FunctionCode.READ_HOLDING_REGISTERS, 0),
    CALCULATIONS(null, 3004),
    PARAMETERS(null, 3003),
    VISIBILITIES(null, 3005);

    private final FunctionCode readFunctionCode;
    private final int luxtronikCommand;

    Table(FunctionCode readFunctionCode, int luxtronikCommand) {
        this.readFunctionCode = readFunctionCode;
        this.luxtronikCommand = luxtronikCommand;
    }

    /** The Modbus function code that reads this table; null for the Luxtronik arrays. */
    public FunctionCode readFunctionCode() {
        return readFunctionCode;
    }

    /** The Luxtronik read command of this array (3003, 3004, 3005); 0 for Modbus tables. */
    public int luxtronikCommand() {
        return luxtronikCommand;
    }

    public boolean isModbus() {
        return readFunctionCode != null;
    }

    /** The name used in the data files ({@code input}, {@code holding}, {@code calculations}, ...). */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Table fromFile(String name) {
        for (Table t : values()) {
            if (t.fileName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown table '" + name + "' (input, holding, calculations, parameters, visibilities)");
    }
}
