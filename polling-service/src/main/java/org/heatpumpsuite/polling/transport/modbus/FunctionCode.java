package org.heatpumpsuite.polling.transport.modbus;

/** The Modbus function codes the suite uses. */
public enum FunctionCode {
    READ_HOLDING_REGISTERS(3), READ_INPUT_REGISTERS(4), WRITE_SINGLE_REGISTER(6), WRITE_MULTIPLE_REGISTERS(16);

    private final int code;

    FunctionCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
