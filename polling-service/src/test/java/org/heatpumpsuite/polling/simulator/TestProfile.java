package org.heatpumpsuite.polling.simulator;

import org.heatpumpsuite.polling.simulator.RegisterLayout.Access;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteDecision;

/**
 * A plain test device: holding 0..99 read/write (FC03, FC06, FC16), holding 100..109 read-only, input 0..99 (FC04);
 * a value above 60000 written to holding 0 is refused with 03. No physics in the registers.
 */
public final class TestProfile implements ModbusDeviceProfile {

    private static final RegisterLayout LAYOUT = build();

    private volatile long replyDelayMillis;

    private static RegisterLayout build() {
        RegisterLayout.Builder b = RegisterLayout.builder();
        b.value(Table.HOLDING, 0, 1, Access.RW, "limited", w -> w[0] > 60000 ? WriteDecision.reject(3)
                : WriteDecision.ACCEPT);
        for (int a = 1; a < 100; a++) {
            b.value(Table.HOLDING, a, 1, Access.RW, "h" + a, null);
        }
        for (int a = 100; a < 110; a++) {
            b.readOnly(Table.HOLDING, a, 1, "r" + a);
        }
        for (int a = 0; a < 100; a++) {
            b.readOnly(Table.INPUT, a, 1, "i" + a);
        }
        return b.build();
    }

    public TestProfile withReplyDelay(long millis) {
        this.replyDelayMillis = millis;
        return this;
    }

    @Override
    public String manufacturer() {
        return "test";
    }

    @Override
    public String model() {
        return "test";
    }

    @Override
    public boolean airSource() {
        return false;
    }

    @Override
    public RegisterLayout layout() {
        return LAYOUT;
    }

    @Override
    public Table table(int functionCode) {
        return switch (functionCode) {
            case 3, 6, 16 -> Table.HOLDING;
            case 4 -> Table.INPUT;
            default -> null;
        };
    }

    @Override
    public void initialise(RegisterImage image) {
        for (int a = 0; a < 100; a++) {
            image.set(Table.HOLDING, a, a);
            image.set(Table.INPUT, a, 1000 + a);
        }
        for (int a = 100; a < 110; a++) {
            image.set(Table.HOLDING, a, a);
        }
    }

    @Override
    public void render(PumpState state, RegisterImage image) {
    }

    @Override
    public long replyDelayMillis(int functionCode, int address, int count) {
        return replyDelayMillis;
    }
}
