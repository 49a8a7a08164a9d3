package org.heatpumpsuite.polling.vendor;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The driver contract of the plan (Phase 2.2) in Java idiom: one driver per manufacturer, serving a family of model ids.
 * Everything model-specific comes from data files; every method is pure apart from loading those files, so drivers
 * are thread-safe and cheap to share.
 *
 * <p>A poll: {@link #readPlan} (Modbus blocks or Luxtronik array reads) → execute (Modbus: {@link BlockReader}) →
 * {@link #decode}. A write: {@link #encodeWrite} → execute → read back.
 */
public interface HeatpumpDriver {

    /** Manufacturer id (idm, nibe, daikin, luxtronik). */
    String manufacturer();

    /** Display name of the manufacturer. */
    String manufacturerName();

    /** Model ids this driver serves, in catalogue order. */
    List<String> models();

    default boolean serves(String model) {
        return models().contains(model);
    }

    /** The model's catalogue record (contract docs/contracts/catalogue.schema.json). */
    CatalogueEntry catalogue(String model);

    /** Capabilities of the model (heating, cooling, hot_water, circuits, zones, pool, solar, smart_grid). */
    default List<String> capabilities(String model) {
        return catalogue(model).capabilities();
    }

    /**
     * Every value of the model for this device configuration: register values (including write-only ones, which are
     * never polled) and derived values, with concrete ids (circuit_b_..., zone_2_room_3_...) and addresses.
     *
     * @throws IllegalArgumentException if the configuration does not fit the model (unknown circuit, bad override file)
     */
    List<SensorDefinition> sensors(String model, DeviceConfig cfg);

    /** The requests of one poll, planned with what {@code memory} learnt about this pump. */
    ReadPlan readPlan(String model, DeviceConfig cfg, BadAddressMemory memory);

    /** Decodes one poll's raw data; never throws for any raw input. */
    Reading decode(String model, DeviceConfig cfg, RawData raw);

    /**
     * Validates and encodes a write of {@code value} (Number, numeric String, Boolean for boolean values, or an option
     * label) to the value {@code sensor}.
     *
     * @throws WriteRejectedException naming min/max/step if the value may not be written
     */
    Write encodeWrite(String model, String sensor, Object value, DeviceConfig cfg);

    /** The words of {@link #encodeWrite} (Modbus registers; Luxtronik: 3002, id, raw). */
    default int[] encode(String model, String sensor, Object value, DeviceConfig cfg) {
        return encodeWrite(model, sensor, value, cfg).words();
    }

    /** Default dashboard created with a new pump of this model (dashboard contract, id and heatpump_id null). */
    default JsonNode dashboardTemplate(String model) {
        return catalogue(model).dashboardTemplate();
    }

    /** Setup instructions (Markdown, German and English) shown before the connection test. */
    default Text setupInstructions(String model) {
        return catalogue(model).setupInstructions();
    }
}
