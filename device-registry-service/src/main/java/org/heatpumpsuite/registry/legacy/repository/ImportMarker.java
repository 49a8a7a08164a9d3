package org.heatpumpsuite.registry.legacy.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time import or registration that happened (legacy export, a demo pump); its row makes it happen once. */
@Entity
@Table(name = "imports")
public class ImportMarker {

    @Id
    public String name;
    @Column(name = "imported_at")
    public Instant importedAt;
    public String report;
}
