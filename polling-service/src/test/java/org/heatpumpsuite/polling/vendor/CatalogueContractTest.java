package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Every catalogue record validates against docs/contracts/catalogue.schema.json (and its dashboard template against
 * dashboard.schema.json); the catalogue covers exactly the manufacturer/model ids of ARCHITECTURE.md.
 */
class CatalogueContractTest {

    private static final String ID_BASE = "https://heatpump-suite.org/contracts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path contracts;
    private static SchemaRegistry registry;

    @BeforeAll
    static void locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/contracts/catalogue.schema.json"))) {
                contracts = p.resolve("docs/contracts");
                break;
            }
        }
        Assumptions.assumeTrue(contracts != null, "docs/contracts/catalogue.schema.json not found");
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(iri -> {
                    if (iri == null || !iri.startsWith(ID_BASE)) {
                        return null;
                    }
                    String rel = iri.substring(ID_BASE.length()).replaceAll("#.*$", "");
                    try {
                        return Files.readString(contracts.resolve(rel));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private static List<String> violations(String contract, String json) {
        Schema schema = registry.getSchema(SchemaLocation.of(ID_BASE + contract + ".schema.json"));
        List<String> out = new ArrayList<>();
        schema.validate(json, InputFormat.JSON).forEach(e -> out.add(e.toString()));
        return out;
    }

    @Test
    void everyCatalogueRecordSatisfiesTheContract() throws IOException {
        assertThat(violations("catalogue", "{\"schema_version\": 1}")).as("the validator rejects an incomplete record").isNotEmpty();
        Set<String> keys = new HashSet<>();
        for (CatalogueEntry e : Catalogue.entries()) {
            String json = Catalogue.json(e);
            assertThat(violations("catalogue", json)).as(e.key() + ": " + json).isEmpty();
            assertThat(violations("dashboard", JSON.writeValueAsString(e.dashboardTemplate()))).as(e.key() + " dashboard").isEmpty();
            keys.add(e.key());
        }
        assertThat(keys).containsExactlyInAnyOrder("idm/navigator_2_0", "nibe/s1155", "nibe/s1255", "nibe/s2125", "nibe/f1145", "nibe/f1245",
                "nibe/f1155", "nibe/f1255", "nibe/f750", "nibe/f730", "daikin/altherma_3", "luxtronik/luxtronik_2_1");
    }

    @Test
    void theContractsOwnExamplesAreUsableWithTheDrivers() throws IOException {
        // device_config of every config example parses, and its write_ranges name writables of its model
        Path dir = contracts.resolve("examples/config");
        Assumptions.assumeTrue(Files.isDirectory(dir));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode cfg = JSON.readTree(f.toFile());
                HeatpumpDriver d = Drivers.forModel(cfg.get("manufacturer").asText(), cfg.get("model").asText());
                JsonNode deviceConfig = ((com.fasterxml.jackson.databind.node.ObjectNode) cfg.get("device_config").deepCopy())
                        .without("register_map_override");
                DeviceConfig parsed = DeviceConfig.fromJson(deviceConfig);
                Set<String> writable = new HashSet<>();
                d.sensors(cfg.get("model").asText(), parsed).stream().filter(s -> s.writable() != null).forEach(s -> writable.add(s.id()));
                assertThat(writable).as(f.getFileName().toString()).containsAll(parsed.writeRanges().keySet());
            }
        }
    }

    @Test
    void perInstanceValuesAreListedOnceUnderTheFirstInstance() {
        CatalogueEntry idm = Drivers.forModel("idm", "navigator_2_0").catalogue("navigator_2_0");
        assertThat(idm.sensors()).filteredOn(s -> "circuit".equals(s.per())).extracting(CatalogueEntry.Sensor::id)
                .allMatch(id -> id.startsWith("circuit_a_")).contains("circuit_a_temp_flow", "circuit_a_heating_curve");
        assertThat(idm.sensors()).filteredOn(s -> "zone_room".equals(s.per())).extracting(CatalogueEntry.Sensor::id)
                .containsExactlyInAnyOrder("zone_1_room_1_temp", "zone_1_room_1_target", "zone_1_room_1_humidity", "zone_1_room_1_mode",
                        "zone_1_room_1_relay");
        assertThat(idm.sensors()).extracting(CatalogueEntry.Sensor::id).noneMatch(id -> id.startsWith("circuit_b_"));
        assertThat(idm.deviceConfigSchema().at("/properties/circuits/items/enum")).hasSize(7);
        CatalogueEntry daikin = Drivers.forModel("daikin", "altherma_3").catalogue("altherma_3");
        assertThat(daikin.deviceConfigSchema().has("properties")).isFalse();
        assertThat(daikin.sensors()).filteredOn(s -> s.id().equals("power_electric")).singleElement()
                .satisfies(s -> assertThat(s.scope()).isEqualTo("unit"));
    }
}
