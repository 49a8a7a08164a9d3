package org.heatpumpsuite.polling.probe.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.heatpumpsuite.polling.probe.service.ProbeRequest;
import org.heatpumpsuite.polling.probe.service.ProbeService;
import org.heatpumpsuite.polling.rest.Problem;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;

import io.smallrye.mutiny.Uni;

@Path("/api/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    ProbeService probes;

    /**
     * Tests a connection for a pump that is not saved yet (the setup wizard's "test connection"): 200 with the diagnosis,
     * within the request's timeout; 400 problem+json naming the field for an invalid body. Runs on the event loop: the
     * test never blocks a thread.
     */
    @POST
    @RolesAllowed("admin")
    public Uni<Response> probe(@Valid @NotNull ProbeRequest request) {
        List<Problem.FieldError> errors = check(request);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank",
                    "Invalid request", 400, errors.size() + " field(s) are invalid", null, errors)).build());
        }
        return Uni.createFrom().completionStage(() -> probes.probe(request)).map(r -> Response.ok(r).build());
    }

    /** The rules the annotations cannot say: the model belongs to the manufacturer, unit_id only for Modbus makers. */
    static List<Problem.FieldError> check(ProbeRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        HeatpumpDriver driver = Drivers.all().stream().filter(d -> d.manufacturer().equals(r.manufacturer())).findFirst().orElse(null);
        if (driver != null && !driver.serves(r.model())) {
            errors.add(new Problem.FieldError("model", "unknown model of " + r.manufacturer() + " (known: " + driver.models() + ")"));
        }
        boolean luxtronik = "luxtronik".equals(r.manufacturer());
        if (luxtronik && r.unitId() != null) {
            errors.add(new Problem.FieldError("unit_id", "must be null for luxtronik (no unit id in its protocol)"));
        } else if (!luxtronik && r.unitId() == null) {
            errors.add(new Problem.FieldError("unit_id", "required for Modbus devices (the catalogue's default_unit_id, usually 1)"));
        }
        return errors;
    }
}
