package org.heatpumpsuite.ingest.pump.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Unit and type of every sensor of every supported model, copied from heatpump.catalogue; used for sensors whose
 * latest reading this replica has not seen (after a restart, or pumps read by another replica).
 */
@ApplicationScoped
public class SensorCatalogue {

    private static final Pattern CIRCUIT = Pattern.compile("^circuit_[a-g]_");
    private static final Pattern ZONE_ROOM = Pattern.compile("^zone_[0-9]+_room_[0-9]+_");

    /** manufacturer/model -> sensor id -> info; entries "per" circuit or zone room are stored under their first id. */
    private final Map<String, Map<String, SensorInfo>> models = new ConcurrentHashMap<>();

    public void put(String manufacturer, String model, Map<String, SensorInfo> sensors) {
        models.put(manufacturer + "/" + model, Map.copyOf(sensors));
    }

    public void remove(String manufacturerSlashModel) {
        models.remove(manufacturerSlashModel);
    }

    /** Unit and type of a model's sensor from the catalogue, else of the canonical id, else null. */
    public SensorInfo lookup(String manufacturer, String model, String sensor) {
        Map<String, SensorInfo> sensors = models.get(manufacturer + "/" + model);
        if (sensors != null) {
            SensorInfo info = sensors.get(sensor);
            if (info == null && CIRCUIT.matcher(sensor).find()) {
                info = sensors.get(CIRCUIT.matcher(sensor).replaceFirst("circuit_a_"));
            }
            if (info == null && ZONE_ROOM.matcher(sensor).find()) {
                info = sensors.get(ZONE_ROOM.matcher(sensor).replaceFirst("zone_1_room_1_"));
            }
            if (info != null) {
                return info;
            }
        }
        return CanonicalSensors.any(sensor);
    }
}
