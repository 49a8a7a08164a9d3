package org.heatpumpsuite.polling.vendor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;

/**
 * In-memory ModbusSession for tests: answers reads from a register map per function code; a read that touches an
 * address not in the map answers exception 02 (as the iDM does, protocol-notes 2.2); a function code can be made to
 * answer another exception; every request is logged.
 */
public final class FakeModbusSession implements ModbusSession {

    private final Map<FunctionCode, Map<Integer, Integer>> registers = new HashMap<>();
    private final Map<FunctionCode, DeviceException> failing = new HashMap<>();
    private final Set<Integer> timeouts = new HashSet<>();
    public final List<String> log = new ArrayList<>();
    public final List<int[]> requests = new ArrayList<>();

    public FakeModbusSession set(FunctionCode fc, int address, int... words) {
        Map<Integer, Integer> m = registers.computeIfAbsent(fc, f -> new HashMap<>());
        for (int i = 0; i < words.length; i++) {
            m.put(address + i, words[i] & 0xFFFF);
        }
        return this;
    }

    public FakeModbusSession remove(FunctionCode fc, int address) {
        registers.getOrDefault(fc, new HashMap<>()).remove(address);
        return this;
    }

    public FakeModbusSession failAll(FunctionCode fc, DeviceException e) {
        failing.put(fc, e);
        return this;
    }

    public FakeModbusSession timeoutAt(int address) {
        timeouts.add(address);
        return this;
    }

    @Override
    public CompletionStage<int[]> read(FunctionCode fc, int address, int count) {
        log.add(fc.code() + ":" + address + "+" + count);
        requests.add(new int[] { fc.code(), address, count });
        if (failing.containsKey(fc)) {
            return CompletableFuture.failedFuture(failing.get(fc));
        }
        Map<Integer, Integer> m = registers.getOrDefault(fc, Map.of());
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            if (timeouts.contains(address + i)) {
                return CompletableFuture.failedFuture(new DeviceException(DeviceException.Kind.TIMEOUT, "no answer", true, null));
            }
            Integer w = m.get(address + i);
            if (w == null) {
                return CompletableFuture.failedFuture(DeviceException.modbus(2, "illegal data address " + (address + i)));
            }
            out[i] = w;
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<Void> write(FunctionCode fc, int address, int[] words) {
        log.add("W" + fc.code() + ":" + address + "+" + words.length);
        FunctionCode read = FunctionCode.READ_HOLDING_REGISTERS;
        set(read, address, words);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }

    /** Fills every polled register of the sensors with a value (FC by table). */
    public FakeModbusSession fill(List<SensorDefinition> sensors, int word) {
        for (SensorDefinition s : sensors) {
            if (s.polled()) {
                FunctionCode fc = s.register().table().readFunctionCode();
                for (int a = s.register().address(); a <= s.register().lastAddress(); a++) {
                    set(fc, a, word);
                }
            }
        }
        return this;
    }
}
