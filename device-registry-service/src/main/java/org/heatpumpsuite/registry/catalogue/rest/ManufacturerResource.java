package org.heatpumpsuite.registry.catalogue.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.heatpumpsuite.registry.catalogue.service.CatalogueService;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService.Manufacturer;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService.Setup;

import io.smallrye.mutiny.Uni;

@Path("/api/manufacturers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "viewer", "operator", "admin" })
public class ManufacturerResource {

    @Inject
    CatalogueService catalogue;

    /** Every manufacturer the polling service supports, with its models. */
    @GET
    public Uni<List<Manufacturer>> list() {
        return catalogue.manufacturers();
    }

    /** Setup instructions (de/en), defaults and device options of one model, for the setup wizard. */
    @GET
    @Path("/{manufacturer}/models/{model}/setup")
    public Uni<Setup> setup(@PathParam("manufacturer") String manufacturer, @PathParam("model") String model) {
        return catalogue.setup(manufacturer, model);
    }
}
