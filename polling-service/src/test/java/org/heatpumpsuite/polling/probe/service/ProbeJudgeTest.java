package org.heatpumpsuite.polling.probe.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.probe.service.ProbeDiagnoses.Target;
import org.heatpumpsuite.polling.probe.service.ProbeService.Judgement;
import org.heatpumpsuite.polling.vendor.DataDrivenDriver;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.ProbeValues;
import org.heatpumpsuite.polling.vendor.ReadError;
import org.heatpumpsuite.polling.vendor.Reading;
import org.junit.jupiter.api.Test;

/** How a read of the probe values becomes a diagnosis: every kind of the contract, with the model's facts in the hints. */
class ProbeJudgeTest {

    static final Target IDM = new Target("idm", "navigator_2_0", "iDM Navigator 2.0", "10.0.0.5", 502, 1, 502, 1, 5000);
    static final Target NIBE_S = new Target("nibe", "s1255", "NIBE S1255", "10.0.0.6", 502, 1, 502, 1, 5000);
    static final Target NIBE_F = new Target("nibe", "f1155", "NIBE F1155", "10.0.0.7", 502, 4, 502, 1, 5000);
    static final Target LUX = new Target("luxtronik", "luxtronik_2_1", "Luxtronik 2.0/2.1", "10.0.0.8", 8889, null, 8889, null, 5000);

    static ProbeValues values(String manufacturer, String model) {
        return ((DataDrivenDriver) Drivers.forModel(manufacturer, model)).probeValues(model);
    }

    static Reading reading(Map<String, Object> values, ReadError... errors) {
        return new Reading(values, Map.of(), List.of(errors));
    }

    static Judgement judge(Target t, Reading r, boolean answered) {
        return ProbeService.judge(t, values(t.manufacturer(), t.model()), r, answered);
    }

    @Test
    void aCompleteReadIsOkWithOnlyTheProbeValues() {
        Judgement j = judge(IDM, reading(Map.of("temp_outside", -5.5, "temp_flow", 35.0, "temp_hot_water", 48.0, "temp_return", 30.0)), true);
        assertThat(j.diagnosis().kind()).isEqualTo("ok");
        assertThat(j.values()).containsOnlyKeys("temp_outside", "temp_flow", "temp_hot_water");
        assertThat(j.detected()).isNull();
        assertThat(j.diagnosis().messageEn()).isEqualTo("Connected to the iDM Navigator 2.0 at 10.0.0.5:502 and read 3 values.");
        assertThat(j.diagnosis().hintEn()).isNull();
    }

    @Test
    void luxtronikRevealsItsFirmware() {
        Judgement j = judge(LUX, reading(Map.of("temp_outside", -5.0, "firmware_version", "V3.92.0")), true);
        assertThat(j.diagnosis().kind()).isEqualTo("ok");
        assertThat(j.detected()).isEqualTo(new ProbeResponse.Detected(null, "V3.92.0", null));
        assertThat(j.values()).containsOnlyKeys("temp_outside");
    }

    @Test
    void illegalAddressMeansWrongModelOrFirmwareWithTheModelsFacts() {
        Judgement j = judge(IDM, reading(Map.of("temp_outside", -5.5),
                new ReadError("temp_flow", "modbus_exception", "reading registers 1050..1051", 2)), true);
        assertThat(j.diagnosis().kind()).isEqualTo("modbus_exception");
        assertThat(j.diagnosis().modbusExceptionCode()).isEqualTo(2);
        assertThat(j.diagnosis().hintEn()).isEqualTo("Wrong model or firmware? A Navigator 1.7 answers only registers below 74 and 1000..1089.");
        assertThat(j.diagnosis().hintDe()).startsWith("Falsches Modell oder falsche Firmware?");
        assertThat(j.values()).containsEntry("temp_outside", -5.5);
        assertThat(judge(NIBE_S, reading(Map.of(), new ReadError("temp_outside", "modbus_exception", "x", 2)), true).diagnosis().hintEn())
                .contains("register_map_override");
    }

    @Test
    void gatewayExceptionsAndForeignRepliesAreWrongUnitIds() {
        for (int code : new int[] { 0x0A, 0x0B }) {
            Judgement j = judge(NIBE_F, reading(Map.of(), new ReadError("temp_outside", "modbus_exception", "x", code)), true);
            assertThat(j.diagnosis().kind()).isEqualTo("wrong_unit_id");
            assertThat(j.diagnosis().modbusExceptionCode()).isEqualTo(code);
            assertThat(j.diagnosis().hintEn()).isEqualTo("Check the unit id (default 1 for this model; the MODBUS 40 slave address).");
        }
        Judgement foreign = judge(IDM, reading(Map.of(), new ReadError("temp_outside", "protocol",
                "Invalid reply from probe to FC04 at 1000 x2 (unit 1): reply from unit 3, asked unit 1", null)), true);
        assertThat(foreign.diagnosis().kind()).isEqualTo("wrong_unit_id");
        assertThat(foreign.diagnosis().modbusExceptionCode()).isNull();
    }

    @Test
    void silenceAsksForTheDefaultUnitIdOnlyIfNothingAnswered() {
        Judgement silent = judge(IDM, reading(Map.of(), new ReadError("temp_outside", "timeout", "No reply", null)), false);
        assertThat(silent.diagnosis().kind()).isEqualTo("timeout");
        assertThat(silent.unitCheck()).isTrue();
        assertThat(silent.diagnosis().hintEn()).contains("Check the unit id (default 1 for this model)");
        Judgement late = judge(IDM, reading(Map.of("temp_outside", 1.0), new ReadError("temp_flow", "timeout", "No reply", null)), true);
        assertThat(late.diagnosis().kind()).isEqualTo("timeout");
        assertThat(late.unitCheck()).isFalse();
        assertThat(judge(LUX, reading(Map.of(), new ReadError("temp_outside", "timeout", "x", null)), false).unitCheck()).isFalse();
    }

    @Test
    void malformedAnswersAreProtocolErrorsAndExceptionsWinOverThem() {
        assertThat(judge(IDM, reading(Map.of(), new ReadError("temp_outside", "protocol", "garbage", null)), true).diagnosis().kind())
                .isEqualTo("protocol");
        Judgement both = judge(IDM, reading(Map.of(), new ReadError("temp_outside", "protocol", "garbage", null),
                new ReadError("temp_flow", "modbus_exception", "x", 1)), true);
        assertThat(both.diagnosis().kind()).isEqualTo("modbus_exception");
        assertThat(both.diagnosis().modbusExceptionCode()).isEqualTo(1);
    }

    @Test
    void valuesTheDeviceDoesNotSupportDoNotFailTheTest() {
        Judgement j = judge(LUX, reading(Map.of("temp_outside", 2.0), new ReadError("operating_mode_raw", "not_supported", "beyond", null)),
                true);
        assertThat(j.diagnosis().kind()).isEqualTo("ok");
    }

    @Test
    void connectFailuresAreNamed() {
        assertThat(ProbeService.connectFailure(NIBE_S, new ConnectException("Connection refused")).hintEn())
                .isEqualTo("Is Modbus TCP enabled (NIBE S: menu 7.5.9)?");
        assertThat(ProbeService.connectFailure(new Target("nibe", "s1255", "NIBE S1255", "h", 5020, 1, 502, 1, 5000),
                new ConnectException("Connection refused")).hintEn()).isEqualTo("Is Modbus TCP enabled (NIBE S: menu 7.5.9)? Check the port (502).");
        assertThat(ProbeService.connectFailure(LUX, new UnknownHostException("x")).kind()).isEqualTo("dns");
        assertThat(ProbeService.connectFailure(IDM, new java.net.SocketTimeoutException("t")).hintEn()).contains("restarting the Navigator");
    }

    @Test
    void everyShippedModelNamesProbeValuesItHas() {
        for (var d : Drivers.all()) {
            for (String m : d.models()) {
                ProbeValues p = ((DataDrivenDriver) d).probeValues(m);
                assertThat(p.values()).as(m).contains("temp_outside");
                assertThat(p.sensors()).as(m).extracting(s -> s.id()).containsAll(p.values());
                if ("luxtronik".equals(d.manufacturer())) {
                    assertThat(p.detected()).containsEntry("firmware", "firmware_version");
                    assertThat(p.sensors()).extracting(s -> s.id()).contains("operating_mode_raw"); // source of operating_mode
                } else {
                    assertThat(p.plan().blocks()).as(m).isNotEmpty();
                }
            }
        }
    }
}
