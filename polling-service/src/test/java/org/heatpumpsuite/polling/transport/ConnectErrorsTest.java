package org.heatpumpsuite.polling.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.transport.DeviceException.Kind;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** Connect failures map to the contract kinds: unknown host → dns, refused → refused, timeout → timeout. */
class ConnectErrorsTest {

    @Test
    void classifiesByCause() {
        assertThat(ConnectErrors.classify(new UnknownHostException("x"), "x", 502).kind()).isEqualTo(Kind.DNS);
        assertThat(ConnectErrors.classify(new RuntimeException(new UnknownHostException("x")), "x", 502).kind())
                .isEqualTo(Kind.DNS);
        assertThat(ConnectErrors.classify(new ConnectException("Connection refused"), "h", 502).kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(ConnectErrors.classify(new io.netty.channel.ConnectTimeoutException("t"), "h", 502).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(ConnectErrors.classify(new SocketTimeoutException("t"), "h", 502).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(ConnectErrors.classify(new IllegalStateException("?"), "h", 502).kind()).isEqualTo(Kind.OTHER);
        assertThat(ConnectErrors.classify(new ConnectException("Connection refused"), "h", 502).retryable()).isTrue();
    }

    @Test
    void unresolvableHostIsADnsError() {
        Vertx vertx = TestSupport.vertx(1);
        try (ModbusTcpTransport t = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults()
                .withConnectTimeout(Duration.ofSeconds(2)))) {
            DeviceException e = TestSupport.failure(t.open("hp-0d0d0d0d", "no-such-pump.invalid", 502, 1)
                    .read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1));
            assertThat(e.kind()).isEqualTo(Kind.DNS);
            assertThat(e.retryable()).isTrue();
        } finally {
            TestSupport.close(vertx);
        }
    }

    @Test
    void connectTimeoutIsATimeout() throws Exception {
        // A listener whose accept queue is full and never drained: Linux drops further SYNs, the connect hangs
        Vertx vertx = TestSupport.vertx(1);
        java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ModbusTcpTransport t = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults()
                        .withConnectTimeout(Duration.ofMillis(300)))) {
            for (int i = 0; i < 4; i++) {
                java.net.Socket f = new java.net.Socket();
                try {
                    f.connect(full.getLocalSocketAddress(), 200);
                } catch (java.io.IOException queueFull) {
                    // expected once the queue is full
                }
                fillers.add(f);
            }
            DeviceException e = TestSupport.failure(t.open("hp-0e0e0e0e", "127.0.0.1", full.getLocalPort(), 1)
                    .read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1));
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
        } finally {
            for (java.net.Socket f : fillers) {
                f.close();
            }
            TestSupport.close(vertx);
        }
    }
}
