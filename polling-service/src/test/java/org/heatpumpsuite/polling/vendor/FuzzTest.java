package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikFrames;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: at least 100,000 random inputs per decoder (every codec, every driver's decode, every Luxtronik frame
 * parser). No input may raise an uncaught exception; decoded values keep their contract types; malformed Luxtronik
 * frames raise only DeviceException(PROTOCOL).
 */
class FuzzTest {

    private static final int N = 100_000;
    private static final int[] SPECIAL = { 0, 1, 0xFFFF, 0x8000, 0x7FFF, 0x7FFE, 0x00FF, 0xFF00, 0xBF80, 0x7FC0, 0x7F80, 0xFF80 };

    private static int word(Random r) {
        return r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextInt(0x10000);
    }

    @Test
    void codecs() {
        Random r = new Random(1);
        for (DataType t : List.of(DataType.U8, DataType.S8, DataType.U16, DataType.S16, DataType.U32, DataType.S32)) {
            for (int i = 0; i < N; i++) {
                int[] w = { word(r), word(r) };
                WordOrder o = r.nextBoolean() ? WordOrder.BIG : WordOrder.LITTLE;
                long v = Codecs.decodeInteger(t, w, 0, o);
                int[] back = Codecs.encodeInteger(t, v, o); // throws if v is outside the type's range
                if (Codecs.decodeInteger(t, back, 0, o) != v) {
                    throw new AssertionError(t + " round trip of " + v);
                }
            }
        }
        for (int i = 0; i < N; i++) {
            int a = word(r);
            int b = word(r);
            float f = Codecs.float32(a, b, WordOrder.LITTLE);
            if (!Float.isNaN(f)) {
                int[] back = Codecs.encodeFloat32(f, WordOrder.LITTLE);
                if (back[0] != a || back[1] != b || (float) Codecs.floatToDecimal(f) != f) {
                    throw new AssertionError("float round trip " + a + "," + b);
                }
            }
            int x = r.nextInt();
            int[] chars = { r.nextInt(), r.nextInt(128), r.nextInt(128), 0 };
            if (Codecs.text16(a).length() > 2 || Codecs.ipv4(x).split("\\.").length != 4
                    || Codecs.decodeInteger(DataType.INT32, new int[] { x }, 0, WordOrder.BIG) != x
                    || Codecs.decodeInteger(DataType.UINT32, new int[] { x }, 0, WordOrder.BIG) != Integer.toUnsignedLong(x)
                    || Codecs.int32BigEndian(Codecs.int32BigEndian(x), 0) != x || Codecs.chars(chars, 0, chars.length).length() > 4) {
                throw new AssertionError("codec check failed for " + a + " " + x);
            }
        }
    }

    private static final java.util.Set<String> ERROR_KINDS = java.util.Set.of("timeout", "refused", "dns", "modbus_exception", "protocol",
            "not_supported", "other");

    /** Plain checks (no AssertJ in the hot loop): every value has its declared JSON type, a unit, and is finite. */
    private static void checkReading(String what, Map<String, ValueKind> kinds, Reading reading) {
        for (Map.Entry<String, Object> e : reading.values().entrySet()) {
            ValueKind kind = kinds.get(e.getKey());
            Object v = e.getValue();
            boolean ok = switch (kind) {
                case NUMBER -> v instanceof Number n && Double.isFinite(n.doubleValue());
                case STRING -> v instanceof String;
                case BOOLEAN -> v instanceof Boolean;
            };
            if (!ok || !reading.units().containsKey(e.getKey())) {
                throw new AssertionError(what + " " + e.getKey() + " = " + v + " is not a valid " + kind);
            }
        }
        Object mode = reading.values().get("operating_mode");
        if (mode != null && !CanonicalIds.OPERATING_MODES.contains(mode)) {
            throw new AssertionError(what + " operating_mode " + mode);
        }
        for (ReadError err : reading.errors()) {
            if (!ERROR_KINDS.contains(err.kind())) {
                throw new AssertionError(what + " error kind " + err.kind());
            }
        }
    }

    private static Map<String, ValueKind> kinds(List<SensorDefinition> sensors) {
        Map<String, ValueKind> m = new java.util.HashMap<>();
        sensors.forEach(s -> m.put(s.id(), s.kind()));
        return m;
    }

    private static void fuzzModbus(String manufacturer, String model, DeviceConfig cfg, int n, long seed) {
        HeatpumpDriver d = Drivers.forModel(manufacturer, model);
        List<SensorDefinition> sensors = d.sensors(model, cfg);
        List<SensorDefinition> polled = sensors.stream().filter(SensorDefinition::polled).toList();
        Map<String, ValueKind> kinds = kinds(sensors);
        ReadFailure[] failures = { new ReadFailure("timeout", "t", null), new ReadFailure("modbus_exception", "e", 2),
                ReadFailure.notSupported("n") };
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            RawData raw = RawData.modbus();
            for (SensorDefinition s : polled) {
                RegisterDefinition reg = s.register();
                int dice = r.nextInt(20);
                if (dice == 0) {
                    continue; // not read
                }
                if (dice == 1) {
                    raw.fail(reg.table(), reg.address(), reg.entries(), failures[r.nextInt(failures.length)]);
                    continue;
                }
                int[] w = new int[reg.entries()];
                for (int k = 0; k < w.length; k++) {
                    w[k] = word(r);
                }
                raw.put(reg.table(), reg.address(), w);
            }
            checkReading(model, kinds, d.decode(model, cfg, raw));
        }
    }

    @Test
    void idmDecode() {
        fuzzModbus("idm", "navigator_2_0", DeviceConfig.idm(List.of("A", "G"), List.of(new DeviceConfig.ZoneModule(1, 2))), N, 2);
    }

    @Test
    void nibeDecode() {
        fuzzModbus("nibe", "s1255", DeviceConfig.empty(), N, 3);
        fuzzModbus("nibe", "f750", DeviceConfig.empty().withWordOrder(WordOrder.BIG), N, 4);
        for (String m : List.of("s1155", "s2125", "f1145", "f1245", "f1155", "f1255", "f730")) {
            fuzzModbus("nibe", m, DeviceConfig.empty(), N / 10, m.hashCode());
        }
    }

    @Test
    void daikinDecode() {
        fuzzModbus("daikin", "altherma_3", DeviceConfig.empty(), N, 5);
    }

    @Test
    void luxtronikDecode() {
        HeatpumpDriver d = Drivers.forModel("luxtronik", "luxtronik_2_1");
        List<SensorDefinition> sensors = d.sensors("luxtronik_2_1", DeviceConfig.empty());
        Map<String, ValueKind> kinds = kinds(sensors);
        List<int[]> read = new ArrayList<>(); // {0 calculations / 1 parameters, first index, entries}
        sensors.stream().filter(SensorDefinition::polled).forEach(s -> read.add(new int[] {
                s.register().table() == Table.CALCULATIONS ? 0 : 1, s.register().address(), s.register().entries() }));
        Random r = new Random(6);
        int[] specials = { 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x56, 7, 80 };
        for (int i = 0; i < N; i++) {
            int[] calcs = new int[r.nextInt(8) == 0 ? r.nextInt(300) : 260 + r.nextInt(9)];
            int[] params = new int[r.nextInt(8) == 0 ? r.nextInt(1200) : 1140 + r.nextInt(20)];
            for (int[] v : read) {
                int[] a = v[0] == 0 ? calcs : params;
                for (int k = v[1]; k < v[1] + v[2] && k < a.length; k++) {
                    a[k] = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : r.nextInt();
                }
            }
            byte[] vis = new byte[r.nextInt(400)];
            r.nextBytes(vis);
            RawData raw = RawData.luxtronik(r.nextInt(50) == 0 ? null : calcs, r.nextInt(50) == 0 ? null : params, vis);
            checkReading("luxtronik", kinds, d.decode("luxtronik_2_1", DeviceConfig.empty(), raw));
        }
    }

    @FunctionalInterface
    private interface Parser {
        Object parse(byte[] b) throws DeviceException;
    }

    @Test
    void luxtronikFrameParsers() {
        Map<String, Parser> parsers = Map.of("3004", LuxtronikFrames::parseCalculations, "3003", LuxtronikFrames::parseParameters, "3005",
                LuxtronikFrames::parseVisibilities, "3002", LuxtronikFrames::parseWriteAnswer, "length3004",
                b -> LuxtronikFrames.answerLength(3004, b), "length3005", b -> LuxtronikFrames.answerLength(3005, b));
        Random r = new Random(7);
        for (Map.Entry<String, Parser> p : parsers.entrySet()) {
            int parsed = 0;
            for (int i = 0; i < N; i++) {
                byte[] b = randomFrame(r);
                try {
                    if (p.getValue().parse(b) == null) {
                        throw new AssertionError("null result");
                    }
                    parsed++;
                } catch (DeviceException e) {
                    if (e.kind() != DeviceException.Kind.PROTOCOL) {
                        throw new AssertionError("unexpected kind " + e.kind());
                    }
                }
            }
            System.out.println("FUZZ luxtronik parser " + p.getKey() + ": " + N + " inputs, " + parsed + " parsed as valid frames");
        }
    }

    /** Random bytes, often shaped like a frame (right command, plausible count, right or wrong length). */
    private static byte[] randomFrame(Random r) {
        int kind = r.nextInt(4);
        if (kind == 0) {
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            return r.nextInt(20) == 0 ? null : b;
        }
        int command = new int[] { 3002, 3003, 3004, 3005 }[r.nextInt(4)];
        int count = r.nextInt(10) == 0 ? r.nextInt() : r.nextInt(30);
        int header = command == 3004 ? 12 : 8;
        int size = command == 3005 ? 1 : 4;
        long exact = header + (long) Math.max(0, Math.min(count, 1000)) * size;
        int length = (int) (kind == 1 ? exact : Math.max(0, exact + r.nextInt(9) - 4));
        byte[] b = new byte[Math.min(length, 5000)];
        r.nextBytes(b);
        if (b.length >= 4) {
            System.arraycopy(Codecs.int32BigEndian(command), 0, b, 0, 4);
        }
        if (b.length >= header) {
            System.arraycopy(Codecs.int32BigEndian(count), 0, b, header - 4, 4);
        }
        return b;
    }

    @Test
    void blockReaderWithAnErraticDevice() {
        Random r = new Random(8);
        DataDrivenDriver idm = (DataDrivenDriver) Drivers.forModel("idm", "navigator_2_0");
        DeviceConfig cfg = DeviceConfig.idm(List.of("A", "B"), List.of(new DeviceConfig.ZoneModule(1, 3)));
        BadAddressMemory memory = new BadAddressMemory();
        ModbusSession erratic = new ModbusSession() {
            @Override
            public CompletionStage<int[]> read(FunctionCode fc, int address, int count) {
                int dice = r.nextInt(12);
                if (dice == 0) {
                    throw new IllegalStateException("session closed");
                }
                if (dice == 1) {
                    return CompletableFuture.failedFuture(DeviceException.modbus(1 + r.nextInt(6), "exception"));
                }
                if (dice == 2) {
                    return CompletableFuture.completedFuture(new int[r.nextInt(count + 2)]);
                }
                if (dice == 3) {
                    return CompletableFuture.completedFuture(null);
                }
                int[] w = new int[count];
                for (int i = 0; i < count; i++) {
                    w[i] = word(r);
                }
                return CompletableFuture.completedFuture(w);
            }

            @Override
            public CompletionStage<Void> write(FunctionCode fc, int address, int[] words) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
        List<Integer> errors = new ArrayList<>();
        Map<String, ValueKind> kinds = kinds(idm.sensors("navigator_2_0", cfg));
        for (int i = 0; i < 2_000; i++) {
            if (i % 100 == 0) {
                memory.clear();
            }
            ReadPlan plan = idm.readPlan("navigator_2_0", cfg, memory);
            Reading reading = idm.decode("navigator_2_0", cfg, BlockReader.read(erratic, plan, memory).toCompletableFuture().join());
            checkReading("erratic", kinds, reading);
            errors.add(reading.errors().size());
        }
        assertThat(errors).anyMatch(e -> e > 0);
    }
}
