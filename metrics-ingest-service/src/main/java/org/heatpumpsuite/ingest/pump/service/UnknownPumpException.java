package org.heatpumpsuite.ingest.pump.service;

import java.util.List;

/** The pumps are not (or no longer) configured on heatpump.config: 404 problem+json. */
public class UnknownPumpException extends RuntimeException {

    private final transient List<String> heatpumpIds;

    public UnknownPumpException(List<String> heatpumpIds) {
        super("unknown heat pump(s): " + String.join(", ", heatpumpIds));
        this.heatpumpIds = List.copyOf(heatpumpIds);
    }

    public List<String> heatpumpIds() {
        return heatpumpIds;
    }
}
