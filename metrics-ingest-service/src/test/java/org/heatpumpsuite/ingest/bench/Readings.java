package org.heatpumpsuite.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Readings as the polling service will produce them (docs/contracts/readings.schema.json): 17 written values per
 * reading (15 numbers, a boolean, operating_mode) plus error_code, a free string that is counted, not written.
 */
final class Readings {

    static final int SAMPLES_PER_READING = 17;
    static final String[] MODES = { "heating", "hot_water", "standby", "defrost" };
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Readings() {
    }

    static String pumpId(int i) {
        return "hp-%08x".formatted(0xbe000000 + i);
    }

    static byte[] reading(int pump, long observedAtMs, Random rnd) {
        String id = pumpId(pump);
        double out = -5 + rnd.nextInt(100) / 10.0;
        double flow = 30 + rnd.nextInt(150) / 10.0;
        StringBuilder sb = new StringBuilder(900);
        sb.append("{\"schema_version\":1,\"heatpump_id\":\"").append(id)
                .append("\",\"manufacturer\":\"nibe\",\"model\":\"s1255\",\"observed_at\":\"")
                .append(TIME.format(Instant.ofEpochMilli(observedAtMs))).append("\",\"poll_duration_ms\":")
                .append(100 + rnd.nextInt(400)).append(",\"values\":{")
                .append("\"temp_outside\":").append(out)
                .append(",\"temp_flow\":").append(flow)
                .append(",\"temp_return\":").append(flow - 5 + rnd.nextInt(20) / 10.0)
                .append(",\"temp_hot_water\":").append(45 + rnd.nextInt(80) / 10.0)
                .append(",\"temp_source_in\":").append(4 + rnd.nextInt(40) / 10.0)
                .append(",\"temp_source_out\":").append(1 + rnd.nextInt(40) / 10.0)
                .append(",\"temp_suction\":").append(-2 + rnd.nextInt(30) / 10.0)
                .append(",\"temp_hot_gas\":").append(60 + rnd.nextInt(200) / 10.0)
                .append(",\"compressor_running\":").append(rnd.nextInt(4) != 0)
                .append(",\"compressor_frequency\":").append(20 + rnd.nextInt(800) / 10.0)
                .append(",\"compressor_starts_total\":").append(10000 + pump)
                .append(",\"compressor_hours_total\":").append(15000 + pump / 10.0)
                .append(",\"power_electric\":").append(rnd.nextInt(400) / 100.0)
                .append(",\"power_thermal\":").append(rnd.nextInt(1200) / 100.0)
                .append(",\"energy_thermal_total\":").append(40000 + observedAtMs % 100000 / 10.0)
                .append(",\"energy_electric_total\":").append(10000 + observedAtMs % 100000 / 40.0)
                .append(",\"operating_mode\":\"").append(MODES[rnd.nextInt(MODES.length)]).append('"')
                .append(",\"error_code\":\"").append(rnd.nextInt(50) == 0 ? "E" + rnd.nextInt(200) : "none").append('"')
                .append("},\"units\":{\"temp_outside\":\"°C\",\"temp_flow\":\"°C\",\"temp_return\":\"°C\",")
                .append("\"temp_hot_water\":\"°C\",\"temp_source_in\":\"°C\",\"temp_source_out\":\"°C\",")
                .append("\"temp_suction\":\"°C\",\"temp_hot_gas\":\"°C\",\"compressor_running\":\"none\",")
                .append("\"compressor_frequency\":\"Hz\",\"compressor_starts_total\":\"count\",")
                .append("\"compressor_hours_total\":\"h\",\"power_electric\":\"kW\",\"power_thermal\":\"kW\",")
                .append("\"energy_thermal_total\":\"kWh\",\"energy_electric_total\":\"kWh\",")
                .append("\"operating_mode\":\"none\",\"error_code\":\"none\"},\"errors\":[]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
