package org.heatpumpsuite.registry.catalogue.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One model of the catalogue as last published on heatpump.catalogue; {@code document} is the record as received. */
@Entity
@Table(name = "model_catalogue")
public class CatalogueModel {

    @Id
    public String id;
    public String manufacturer;
    public String model;
    @Column(name = "manufacturer_name")
    public String manufacturerName;
    @Column(name = "display_name")
    public String displayName;
    public String document;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
