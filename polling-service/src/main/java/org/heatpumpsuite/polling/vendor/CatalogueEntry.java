package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** One model's record on heatpump.catalogue (docs/contracts/catalogue.schema.json, schema_version 1). */
@JsonPropertyOrder({ "schema_version", "manufacturer", "manufacturer_name", "model", "display_name", "protocol", "default_port",
        "default_unit_id", "default_poll_interval_s", "min_poll_interval_s", "capabilities", "device_config_schema", "sensors", "writables",
        "setup_instructions", "dashboard_template" })
public record CatalogueEntry(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("manufacturer") String manufacturer,
        @JsonProperty("manufacturer_name") String manufacturerName,
        @JsonProperty("model") String model,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("protocol") String protocol,
        @JsonProperty("default_port") int defaultPort,
        @JsonProperty("default_unit_id") @JsonInclude(JsonInclude.Include.ALWAYS) Integer defaultUnitId,
        @JsonProperty("default_poll_interval_s") int defaultPollIntervalS,
        @JsonProperty("min_poll_interval_s") int minPollIntervalS,
        @JsonProperty("capabilities") List<String> capabilities,
        @JsonProperty("device_config_schema") JsonNode deviceConfigSchema,
        @JsonProperty("sensors") List<Sensor> sensors,
        @JsonProperty("writables") List<Writable> writables,
        @JsonProperty("setup_instructions") Text setupInstructions,
        @JsonProperty("dashboard_template") JsonNode dashboardTemplate) {

    /** Kafka key of the record: manufacturer/model. */
    public String key() {
        return manufacturer + "/" + model;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "unit", "kind", "canonical", "description", "scope", "per" })
    public record Sensor(
            @JsonProperty("id") String id,
            @JsonProperty("unit") String unit,
            @JsonProperty("kind") String kind,
            @JsonProperty("canonical") boolean canonical,
            @JsonProperty("description") Text description,
            @JsonProperty("scope") String scope,
            @JsonProperty("per") String per) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "unit", "kind", "min", "max", "step", "options", "persistence", "resend_interval_s", "daily_budget",
            "min_interval_s", "description", "per" })
    public record Writable(
            @JsonProperty("id") String id,
            @JsonProperty("unit") String unit,
            @JsonProperty("kind") String kind,
            @JsonProperty("min") @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal min,
            @JsonProperty("max") @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal max,
            @JsonProperty("step") @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal step,
            @JsonProperty("options") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options,
            @JsonProperty("persistence") String persistence,
            @JsonProperty("resend_interval_s") Integer resendIntervalS,
            @JsonProperty("daily_budget") Integer dailyBudget,
            @JsonProperty("min_interval_s") Integer minIntervalS,
            @JsonProperty("description") Text description,
            @JsonProperty("per") String per) {
    }
}
