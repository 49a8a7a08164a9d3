package org.heatpumpsuite.polling.vendor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The model catalogue: every model of every driver as a heatpump.catalogue record (docs/contracts/catalogue.schema.json).
 * The polling service publishes these, keyed {@code manufacturer/model}.
 */
public final class Catalogue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Catalogue() {
    }

    /** Every model of every driver of {@link Drivers#all()}. */
    public static List<CatalogueEntry> entries() {
        List<CatalogueEntry> out = new ArrayList<>();
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                out.add(d.catalogue(m));
            }
        }
        return out;
    }

    /** The record as JSON text. */
    public static String json(CatalogueEntry e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Builds the record of one model. */
    static CatalogueEntry entry(ModelData data) {
        var file = data.file();
        var spec = data.spec();
        List<CatalogueEntry.Sensor> sensors = new ArrayList<>();
        List<CatalogueEntry.Writable> writables = new ArrayList<>();
        Set<String> readableIds = new LinkedHashSet<>();
        for (SensorDefinition s : data.catalogueSensors()) {
            Text description = describe(s);
            String per = s.per() == null || s.per() == Per.ZONE ? null : s.per().wire();
            if (s.readable()) {
                readableIds.add(s.id());
                sensors.add(new CatalogueEntry.Sensor(s.id(), s.unit(), s.kind().wire(), s.canonical(), description,
                        s.scope() == null ? null : s.scope().wire(), per));
            }
            WritableDefinition w = s.writable();
            if (w != null) {
                Map<String, String> options = new LinkedHashMap<>();
                w.options().forEach((code, label) -> options.put(String.valueOf(code), label));
                writables.add(new CatalogueEntry.Writable(s.id(), s.unit(), s.kind() == ValueKind.BOOLEAN ? "boolean" : null,
                        w.optIn() ? null : w.min(), w.optIn() ? null : w.max(), w.step(), options, w.persistence().wire(),
                        w.resendIntervalS(), w.dailyBudget(), w.minIntervalS(), writeDescription(description, w), per));
            }
        }
        if (file.setupInstructions() == null || !file.setupInstructions().bilingual()) {
            throw new IllegalArgumentException(data.fileName() + ": setup_instructions need de and en");
        }
        return new CatalogueEntry(1, file.manufacturer(), file.manufacturerName(), spec.id(), spec.displayName(), file.protocol(),
                file.defaultPort(), file.defaultUnitId(), file.defaultPollIntervalS(), file.minPollIntervalS(),
                List.copyOf(spec.capabilities()), DeviceConfigSchemas.forOptions(spec.deviceOptions()), sensors, writables,
                file.setupInstructions(), DashboardTemplates.forModel(spec.displayName(), readableIds));
    }

    private static Text describe(SensorDefinition s) {
        Text d = s.description();
        if (s.per() == Per.ZONE) {
            String generic = s.id().replaceFirst("^zone_1_", "zone_<n>_");
            d = d.append(" (einer je Zonenmodul: " + generic + ")", " (one per zone module: " + generic + ")");
        }
        if (s.unverified()) {
            d = d.appendSentence("Bedeutung/Skalierung nicht bestätigt.", "Meaning/scale not confirmed.");
        }
        return d;
    }

    private static Text writeDescription(Text d, WritableDefinition w) {
        if (w.oneShot()) {
            d = d.appendSentence("Einmal-Befehl: wird nie wiederholt oder zyklisch geschrieben.", "One-shot command: never re-applied or written on a timer.");
        }
        if (w.optIn()) {
            d = d.appendSentence("Nur in manchen Anlagen schreibbar: erst mit write_ranges des Installateurs.",
                    "Writable only in some installations: enabled by the installer's write_ranges.");
        }
        if (w.note() != null) {
            d = d.appendSentence(w.note(), w.note());
        }
        return d;
    }
}
