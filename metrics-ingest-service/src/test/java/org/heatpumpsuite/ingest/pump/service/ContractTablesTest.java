package org.heatpumpsuite.ingest.pump.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.heatpumpsuite.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's copies of contract tables equal docs/contracts/readings.schema.json. */
class ContractTablesTest {

    static JsonNode readings() throws IOException {
        return new ObjectMapper().readTree(Contracts.directory().resolve("readings.schema.json").toFile());
    }

    @Test
    void operatingModeCodesAreTheContractsCodes() throws IOException {
        Map<String, Integer> contract = new HashMap<>();
        readings().at("/$defs/operating_mode_codes/const").fields()
                .forEachRemaining(e -> contract.put(e.getKey(), e.getValue().asInt()));
        assertThat(contract).isNotEmpty();
        assertThat(OperatingModes.codes()).isEqualTo(contract);
        contract.forEach((mode, code) -> assertThat(OperatingModes.name(code)).isEqualTo(mode));
    }

    @Test
    void canonicalSensorsHaveTheContractsUnitsAndTypes() throws IOException {
        JsonNode schema = readings();
        Map<String, SensorInfo> contract = new HashMap<>();
        schema.at("/properties/units/properties").fields().forEachRemaining(e -> {
            JsonNode value = schema.at("/$defs/values/properties/" + e.getKey());
            String type = value.has("$ref") ? "string" : value.get("type").asText();
            contract.put(e.getKey(), new SensorInfo(e.getValue().get("const").asText(),
                    type.equals("integer") ? SensorInfo.NUMBER : type));
        });
        assertThat(CanonicalSensors.readings()).isEqualTo(contract);
    }
}
