package org.heatpumpsuite.polling.probe.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.heatpumpsuite.polling.probe.service.ProbeResponse.Diagnosis;

/**
 * Tests a connection: resolves the host and opens a TCP connection within the timeout, and explains a failure in
 * terms a user can act on. Reading the model's identifying values over the protocol builds on the vendor layer.
 */
@ApplicationScoped
public class ProbeService {

    /** Blocks for at most the request's timeout: call it off the event loop. */
    public ProbeResponse probe(ProbeRequest request) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            InetSocketAddress address = new InetSocketAddress(request.host(), request.port());
            if (address.isUnresolved()) {
                throw new UnknownHostException(request.host());
            }
            socket.connect(address, request.effectiveTimeoutMs());
            return new ProbeResponse(true, millisSince(start), null, Map.of(), new Diagnosis("ok", null,
                    "Connection to " + request.host() + ":" + request.port() + " accepted.",
                    "Verbindung zu " + request.host() + ":" + request.port() + " angenommen.", null, null));
        } catch (UnknownHostException e) {
            return failed(start, new Diagnosis("dns", null, "The host name " + request.host() + " cannot be resolved.",
                    "Der Hostname " + request.host() + " ist nicht auflösbar.",
                    "Check the spelling, or use the pump's IP address.",
                    "Schreibweise prüfen oder die IP-Adresse der Wärmepumpe verwenden."));
        } catch (ConnectException e) {
            return failed(start, new Diagnosis("refused", null,
                    "The device refused the connection on port " + request.port() + ".",
                    "Das Gerät hat die Verbindung auf Port " + request.port() + " abgelehnt.",
                    refusedHint(request, true), refusedHint(request, false)));
        } catch (SocketTimeoutException e) {
            return failed(start, new Diagnosis("timeout", null,
                    "No answer from " + request.host() + ":" + request.port() + " within "
                            + request.effectiveTimeoutMs() + " ms.",
                    "Keine Antwort von " + request.host() + ":" + request.port() + " innerhalb von "
                            + request.effectiveTimeoutMs() + " ms.",
                    "Check the address, that the pump is on the network, and any firewall between.",
                    "Adresse prüfen, ob die Wärmepumpe im Netz ist, und ob eine Firewall dazwischen blockiert."));
        } catch (IOException e) {
            return failed(start, new Diagnosis("other", null, "Connection failed: " + e.getMessage(),
                    "Verbindung fehlgeschlagen: " + e.getMessage(), null, null));
        }
    }

    private static String refusedHint(ProbeRequest r, boolean english) {
        return switch (r.manufacturer()) {
            case "nibe" -> english ? "Is Modbus TCP enabled (NIBE S: menu 7.5.9)?" : "Ist Modbus TCP aktiviert (NIBE S: Menü 7.5.9)?";
            case "idm" -> english ? "Is Modbus TCP enabled on the Navigator (installer level)?"
                    : "Ist Modbus TCP am Navigator aktiviert (Fachmann-Ebene)?";
            case "luxtronik" -> english ? "Luxtronik listens on port 8889 (8888 on old firmware)."
                    : "Luxtronik antwortet auf Port 8889 (8888 bei alter Firmware).";
            default -> english ? "Is Modbus TCP enabled on the device, and is this the right port?"
                    : "Ist Modbus TCP am Gerät aktiviert, und ist der Port richtig?";
        };
    }

    private static ProbeResponse failed(long start, Diagnosis d) {
        return new ProbeResponse(false, millisSince(start), null, Map.of(), d);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
