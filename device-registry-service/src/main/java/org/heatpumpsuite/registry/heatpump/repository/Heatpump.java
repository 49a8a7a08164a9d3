package org.heatpumpsuite.registry.heatpump.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A heat pump as stored (PLAN.md 1.2); connection and device options are JSON. */
@Entity
@Table(name = "heatpumps")
public class Heatpump {

    @Id
    public String id;
    public String name;
    public String manufacturer;
    public String model;
    @Column(name = "connection_config")
    public String connectionConfig;
    @Column(name = "device_config")
    public String deviceConfig;
    @Column(name = "poll_interval_s")
    public int pollIntervalS;
    public boolean enabled;
    @Column(name = "share_data")
    public boolean shareData;
    public boolean demo;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
