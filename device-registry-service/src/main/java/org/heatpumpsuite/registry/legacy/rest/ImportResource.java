package org.heatpumpsuite.registry.legacy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.legacy.service.LegacyImportService;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Imports of earlier installations (admin). */
@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ImportResource {

    @Inject
    LegacyImportService legacy;
    @Inject
    JsonWebToken jwt;

    /**
     * Imports the old single-pump logger's export as pump hp-legacy with its alert rules and jobs: 201 with a report
     * listing skipped entries by index; 200 with {@code imported: false} if it was imported before (nothing changes).
     */
    @POST
    @Path("/legacy")
    public Uni<Response> legacy(JsonNode export) {
        return legacy.importExport(export, Actor.of(jwt))
                .map(r -> Response.status(r.imported() ? 201 : 200).entity(r).build());
    }
}
