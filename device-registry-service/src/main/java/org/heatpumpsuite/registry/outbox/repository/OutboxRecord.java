package org.heatpumpsuite.registry.outbox.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Kafka record waiting to be published; written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox")
public class OutboxRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    @Column(name = "record_key")
    public String key;
    /** The value; null is a tombstone. */
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
}
