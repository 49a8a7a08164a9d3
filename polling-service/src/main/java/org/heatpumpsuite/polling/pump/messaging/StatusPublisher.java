package org.heatpumpsuite.polling.pump.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.Record;

/** The one producer of heatpump.status (key heatpump_id; null value = tombstone of a removed pump). */
@ApplicationScoped
public class StatusPublisher {

    public static final String STATUS = "status";

    @Inject
    @Channel(STATUS)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<Record<String, String>> status;
    @Inject
    ObjectMapper mapper;

    public void publish(StatusRecord record) {
        try {
            send(record.heatpumpId(), mapper.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void tombstone(String heatpumpId) {
        send(heatpumpId, null);
    }

    private void send(String key, String value) {
        status.send(Record.of(key, value)).whenComplete((v, err) -> {
            if (err != null) {
                Log.warnf("status of %s not published: %s", key, err.getMessage());
            }
        });
    }
}
