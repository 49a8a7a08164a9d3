package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.junit.jupiter.api.Test;

/** The read-group planner: request counts, per-request caps for every model and configuration, exception-02 fallback. */
class ReadPlannerTest {

    private static final DataDrivenDriver IDM = (DataDrivenDriver) Drivers.forModel("idm", "navigator_2_0");

    private static long polledValues(List<SensorDefinition> sensors) {
        return sensors.stream().filter(SensorDefinition::polled).count();
    }

    @Test
    void idmFullPollNeedsAtMostAFifthOfTheRequestsOfOneRequestPerValue() {
        DeviceConfig cfg = DeviceConfig.idm(List.of("A", "B"), List.of(new DeviceConfig.ZoneModule(1, 8), new DeviceConfig.ZoneModule(2, 8)));
        List<SensorDefinition> sensors = IDM.sensors("navigator_2_0", cfg);
        ReadPlan plan = IDM.readPlan("navigator_2_0", cfg, new BadAddressMemory());
        long perValue = polledValues(sensors);
        int planned = plan.blocks().size();
        System.out.printf("PLANNER iDM full poll (common, circuits A+B, zone modules 1+2 with 8 rooms): %d requests planned vs %d one-per-value"
                + " (ratio %.3f), largest request %d registers%n", planned, perValue, (double) planned / perValue,
                plan.blocks().stream().mapToInt(ReadBlock::count).max().orElse(0));
        assertThat(planned * 5L).isLessThanOrEqualTo(perValue);

        for (DeviceConfig other : List.of(DeviceConfig.idm(List.of("A"), List.of()),
                DeviceConfig.idm(List.of("A", "B"), List.of(new DeviceConfig.ZoneModule(1, 4), new DeviceConfig.ZoneModule(2, 4))),
                DataFilesTest.full("idm"))) {
            ReadPlan p = IDM.readPlan("navigator_2_0", other, new BadAddressMemory());
            System.out.printf("PLANNER iDM circuits=%s zones=%s: %d requests vs %d values%n", other.circuitsOrDefault(),
                    other.zoneModules().stream().map(z -> z.module() + "x" + z.rooms()).toList(), p.blocks().size(),
                    polledValues(IDM.sensors("navigator_2_0", other)));
        }
    }

    @Test
    void noModelEverExceedsItsPerRequestCapForAnyConfiguration() {
        Random random = new Random(20250126);
        for (HeatpumpDriver driver : Drivers.all()) {
            if (!(driver instanceof DataDrivenDriver d) || driver.manufacturer().equals("luxtronik")) {
                continue;
            }
            for (String model : d.models()) {
                int maxSize = 0;
                int minRequests = Integer.MAX_VALUE;
                int maxRequests = 0;
                for (int i = 0; i < 300; i++) {
                    DeviceConfig cfg = randomConfig(random, driver.manufacturer());
                    BadAddressMemory memory = randomMemory(random, d.sensors(model, cfg));
                    ReadPlan plan = d.readPlan(model, cfg, memory);
                    ModelProfile profile = d.profile(model, cfg);
                    Set<String> covered = new HashSet<>();
                    for (ReadBlock b : plan.blocks()) {
                        ReadProfile limits = profile.profile(b.table());
                        assertThat(b.count()).as(model + " " + b).isBetween(1, limits.maxRegisters());
                        assertThat(b.functionCode()).isEqualTo(b.table().readFunctionCode());
                        maxSize = Math.max(maxSize, b.count());
                        for (int a = b.address(); a <= b.last(); a++) {
                            assertThat(memory.isBad(b.table(), a)).as(model + " reads known bad address " + a).isFalse();
                            if (!limits.undefinedGaps()) {
                                assertThat(profile.isDefined(b.table(), a)).as(model + " " + b + " reads undefined address " + a).isTrue();
                            }
                        }
                        for (ReadBlock.Span s : b.spans()) {
                            assertThat(s.address()).isGreaterThanOrEqualTo(b.address());
                            assertThat(s.last()).isLessThanOrEqualTo(b.last());
                            covered.add(b.table() + ":" + s.address() + "+" + s.count());
                        }
                    }
                    plan.skipped().forEach(s -> covered.add(s.table() + ":" + s.span().address() + "+" + s.span().count()));
                    for (SensorDefinition s : d.sensors(model, cfg)) {
                        if (s.polled()) {
                            assertThat(covered).as(model + " " + s.id() + " planned").contains(
                                    s.register().table() + ":" + s.register().address() + "+" + s.register().entries());
                        }
                    }
                    if (model.startsWith("f")) {
                        assertThat(plan.blocks()).allMatch(b -> b.count() <= 2 && b.functionCode() == FunctionCode.READ_HOLDING_REGISTERS);
                    }
                    if (memory.badCount() == 0) {
                        minRequests = Math.min(minRequests, plan.blocks().size());
                        maxRequests = Math.max(maxRequests, plan.blocks().size());
                    }
                }
                System.out.printf("PLANNER %s/%s: largest request %d registers (cap %s), %d..%d requests per poll%n", driver.manufacturer(), model,
                        maxSize, d.profile(model, DeviceConfig.empty()).tables().values().stream().map(p -> String.valueOf(p.maxRegisters())).distinct()
                                .toList(), minRequests, maxRequests);
            }
        }
    }

    private static DeviceConfig randomConfig(Random r, String manufacturer) {
        if (manufacturer.equals("idm")) {
            List<String> circuits = new ArrayList<>();
            for (String c : List.of("A", "B", "C", "D", "E", "F", "G")) {
                if (r.nextInt(3) == 0) {
                    circuits.add(c);
                }
            }
            List<DeviceConfig.ZoneModule> zones = new ArrayList<>();
            for (int m = 1; m <= 10; m++) {
                if (r.nextInt(4) == 0) {
                    zones.add(new DeviceConfig.ZoneModule(m, 1 + r.nextInt(8)));
                }
            }
            return DeviceConfig.idm(circuits, zones);
        }
        if (manufacturer.equals("nibe")) {
            return DeviceConfig.empty().withWordOrder(r.nextBoolean() ? WordOrder.BIG : WordOrder.LITTLE);
        }
        return DeviceConfig.empty();
    }

    private static BadAddressMemory randomMemory(Random r, List<SensorDefinition> sensors) {
        BadAddressMemory m = new BadAddressMemory();
        if (r.nextBoolean()) {
            for (SensorDefinition s : sensors) {
                if (s.polled() && r.nextInt(20) == 0) {
                    if (r.nextBoolean()) {
                        m.markBad(s.register().table(), s.register().address(), s.register().entries());
                    } else {
                        m.markSingle(s.register().table(), s.register().address());
                    }
                }
            }
        }
        return m;
    }

    @Test
    void exception02OnABlockReadsItsValuesSinglyAndTheBadAddressIsSkippedNextTime() {
        DeviceConfig cfg = DeviceConfig.idm(List.of("A"), List.of());
        FakeModbusSession device = new FakeModbusSession().fill(IDM.sensors("navigator_2_0", DataFilesTest.full("idm")), 0);
        device.remove(FunctionCode.READ_INPUT_REGISTERS, 1008).remove(FunctionCode.READ_INPUT_REGISTERS, 1009); // heat storage sensor missing
        device.set(FunctionCode.READ_INPUT_REGISTERS, 1010, 0x0000, 0x41A0); // cold storage 20.0
        BadAddressMemory memory = new BadAddressMemory();

        ReadPlan first = IDM.readPlan("navigator_2_0", cfg, memory);
        ReadBlock block = first.blocks().stream().filter(b -> b.address() <= 1008 && b.last() >= 1009).findFirst().orElseThrow();
        RawData raw = BlockReader.read(device, first, memory).toCompletableFuture().join();
        Reading r1 = IDM.decode("navigator_2_0", cfg, raw);
        assertThat(r1.values()).containsEntry("temp_cold_storage", 20.0).containsKey("temp_hot_water");
        assertThat(r1.errors()).singleElement().satisfies(e -> {
            assertThat(e.sensor()).isEqualTo("temp_heat_storage");
            assertThat(e.modbusExceptionCode()).isEqualTo(2);
        });
        assertThat(device.log).contains("4:" + block.address() + "+" + block.count(), "4:1008+2", "4:1010+2");
        assertThat(memory.isBad(Table.INPUT, 1008)).isTrue();

        device.log.clear();
        ReadPlan second = IDM.readPlan("navigator_2_0", cfg, memory);
        assertThat(second.skipped()).containsExactly(new ReadPlan.Skipped(Table.INPUT, new ReadBlock.Span(1008, 2)));
        assertThat(second.blocks()).noneMatch(b -> b.address() <= 1009 && b.last() >= 1008);
        assertThat(second.blocks().size()).isLessThanOrEqualTo(first.blocks().size() + 1);
        System.out.printf("PLANNER exception 02 at 1008: poll 1 planned %d blocks (+ single reads of the failed block), poll 2 planned %d%n",
                first.blocks().size(), second.blocks().size());
        Reading r2 = IDM.decode("navigator_2_0", cfg, BlockReader.read(device, second, memory).toCompletableFuture().join());
        assertThat(device.log).hasSize(second.blocks().size()); // no exception, no single reads any more
        assertThat(r2.values()).containsEntry("temp_cold_storage", 20.0);
        assertThat(r2.errors()).singleElement().satisfies(e -> {
            assertThat(e.sensor()).isEqualTo("temp_heat_storage");
            assertThat(e.kind()).isEqualTo("not_supported");
        });
    }

    @Test
    void exception02CausedByBridgedGapsStopsTheBridgingNotTheBlocks() {
        // A HomeHub that, unlike gerione's, rejects reads touching undefined input registers (24..29, 34, 39, 46..48).
        DataDrivenDriver daikin = (DataDrivenDriver) Drivers.forModel("daikin", "altherma_3");
        DeviceConfig cfg = DeviceConfig.empty();
        FakeModbusSession device = new FakeModbusSession().fill(daikin.sensors("altherma_3", cfg), 1);
        BadAddressMemory memory = new BadAddressMemory();
        List<Integer> requests = new ArrayList<>();
        for (int poll = 1; poll <= 3; poll++) {
            device.log.clear();
            ReadPlan plan = daikin.readPlan("altherma_3", cfg, memory);
            Reading r = daikin.decode("altherma_3", cfg, BlockReader.read(device, plan, memory).toCompletableFuture().join());
            assertThat(r.errors()).as("poll " + poll).isEmpty();
            requests.add(device.log.size());
        }
        System.out.println("PLANNER daikin, device rejecting undefined gaps: requests in polls 1..3 = " + requests);
        assertThat(memory.badCount()).isZero();
        assertThat(requests.get(1)).isLessThan(requests.get(0)).isEqualTo(requests.get(2));
        long inputValues = daikin.sensors("altherma_3", cfg).stream().filter(s -> s.polled() && s.register().table() == Table.INPUT).count();
        assertThat(daikin.readPlan("altherma_3", cfg, memory).blocks().stream().filter(b -> b.table() == Table.INPUT).count())
                .isLessThan(inputValues);
    }

    @Test
    void exception02OnAContiguousBlockReadsItsValuesSinglyFromThenOn() {
        DataDrivenDriver daikin = (DataDrivenDriver) Drivers.forModel("daikin", "altherma_3");
        DeviceConfig cfg = DeviceConfig.empty();
        FakeModbusSession registers = new FakeModbusSession().fill(daikin.sensors("altherma_3", cfg), 1);
        List<String> log = new ArrayList<>();
        // a device that rejects every FC04 read longer than 1 register although the registers exist
        ModbusSession device = new ModbusSession() {
            @Override
            public CompletionStage<int[]> read(FunctionCode fc, int address, int count) {
                log.add(fc.code() + ":" + address + "+" + count);
                if (fc == FunctionCode.READ_INPUT_REGISTERS && count > 1) {
                    return CompletableFuture.failedFuture(DeviceException.modbus(2, "illegal data address"));
                }
                return registers.read(fc, address, count);
            }

            @Override
            public CompletionStage<Void> write(FunctionCode fc, int address, int[] words) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
        BadAddressMemory memory = new BadAddressMemory();
        for (int poll = 1; poll <= 2; poll++) {
            Reading r = daikin.decode("altherma_3", cfg, BlockReader.read(device, daikin.readPlan("altherma_3", cfg, memory), memory)
                    .toCompletableFuture().join());
            assertThat(r.errors()).as("poll " + poll).isEmpty();
        }
        ReadPlan next = daikin.readPlan("altherma_3", cfg, memory);
        assertThat(next.blocks().stream().filter(b -> b.table() == Table.INPUT)).allMatch(b -> b.count() == 1);
        log.clear();
        BlockReader.read(device, next, memory).toCompletableFuture().join();
        assertThat(log).noneMatch(l -> l.startsWith("4:") && !l.endsWith("+1"));
        assertThat(memory.badCount()).isZero();
    }

    @Test
    void aTimeoutEndsThePollWithoutFurtherRequests() {
        DeviceConfig cfg = DeviceConfig.idm(List.of("A"), List.of());
        FakeModbusSession device = new FakeModbusSession().fill(IDM.sensors("navigator_2_0", cfg), 0).timeoutAt(74);
        BadAddressMemory memory = new BadAddressMemory();
        ReadPlan plan = IDM.readPlan("navigator_2_0", cfg, memory);
        Reading r = IDM.decode("navigator_2_0", cfg, BlockReader.read(device, plan, memory).toCompletableFuture().join());
        assertThat(device.log).hasSize(1);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).allMatch(e -> e.kind().equals("timeout"));
        assertThat(r.errors()).extracting(ReadError::sensor).contains("temp_outside", "circuit_a_temp_flow");
        assertThat(memory.badCount()).isZero();
    }
}
