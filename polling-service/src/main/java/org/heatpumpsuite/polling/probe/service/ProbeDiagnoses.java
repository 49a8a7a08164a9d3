package org.heatpumpsuite.polling.probe.service;

import org.heatpumpsuite.polling.probe.service.ProbeResponse.Diagnosis;

/**
 * The diagnoses of a connection test, in English and German, with hints that use the model's facts
 * (shared/reference/protocol-notes.md): where Modbus TCP is switched on, the default port and unit id, what exception 02
 * means for the model. Pure functions of the {@link Target}: unit-tested without a device.
 */
public final class ProbeDiagnoses {

    /**
     * What was tested.
     *
     * @param displayName   the model's catalogue display name
     * @param defaultPort   the model's default port
     * @param defaultUnitId the model's default unit id; null for Luxtronik
     * @param unitId        the unit id asked for; null for Luxtronik
     */
    public record Target(String manufacturer, String model, String displayName, String host, int port, Integer unitId,
            int defaultPort, Integer defaultUnitId, int timeoutMs) {

        boolean luxtronik() {
            return "luxtronik".equals(manufacturer);
        }

        boolean nibeS() {
            return "nibe".equals(manufacturer) && model.startsWith("s");
        }

        boolean nibeF() {
            return "nibe".equals(manufacturer) && model.startsWith("f");
        }

        String where() {
            return host + ":" + port;
        }
    }

    private ProbeDiagnoses() {
    }

    public static Diagnosis ok(Target t, int values) {
        return new Diagnosis("ok", null,
                "Connected to the " + t.displayName() + " at " + t.where() + " and read " + values + " value" + (values == 1 ? "" : "s") + ".",
                "Verbindung zu " + t.displayName() + " unter " + t.where() + " hergestellt, " + values + " Wert" + (values == 1 ? "" : "e")
                        + " gelesen.",
                null, null);
    }

    public static Diagnosis dns(Target t) {
        return new Diagnosis("dns", null, "The host name " + t.host() + " cannot be resolved.",
                "Der Hostname " + t.host() + " ist nicht auflösbar.", "Check the spelling, or use the pump's IP address.",
                "Schreibweise prüfen oder die IP-Adresse der Wärmepumpe verwenden.");
    }

    public static Diagnosis refused(Target t) {
        String en;
        String de;
        switch (t.manufacturer()) {
            case "nibe" -> {
                if (t.nibeF()) {
                    en = "NIBE F-series: MODBUS 40 speaks Modbus RTU; is its RTU-to-TCP gateway listening on this port?";
                    de = "NIBE F-Serie: MODBUS 40 spricht Modbus RTU; lauscht das RTU-TCP-Gateway auf diesem Port?";
                } else {
                    en = "Is Modbus TCP enabled (NIBE S: menu 7.5.9)?";
                    de = "Ist Modbus TCP eingeschaltet (NIBE S: Menü 7.5.9)?";
                }
            }
            case "idm" -> {
                en = "Is Modbus TCP enabled on the Navigator (service/installer level)? The web UI answers even when it is off.";
                de = "Ist Modbus TCP am Navigator eingeschaltet (Service-/Fachmannebene)? Die Weboberfläche antwortet auch, wenn es aus ist.";
            }
            case "daikin" -> {
                en = "Is the HomeHub set to use case 3 (Altherma) with connection type TCP/IP? Port 502, or 802 with TLS.";
                de = "Ist am HomeHub Anwendungsfall 3 (Altherma) mit Verbindungsart TCP/IP eingestellt? Port 502, oder 802 mit TLS.";
            }
            case "luxtronik" -> {
                en = "Luxtronik listens on port 8889 (8888 on some older 2.0 firmware).";
                de = "Luxtronik antwortet auf Port 8889 (8888 bei manchen älteren 2.0-Firmwares).";
            }
            default -> {
                en = "Is Modbus TCP enabled on the device?";
                de = "Ist Modbus TCP am Gerät eingeschaltet?";
            }
        }
        if (!t.luxtronik() && t.port() != t.defaultPort()) {
            en += " Check the port (" + t.defaultPort() + ").";
            de += " Prüfen Sie den Port (" + t.defaultPort() + ").";
        }
        return new Diagnosis("refused", null, "The device at " + t.host() + " refused the connection on port " + t.port() + ".",
                "Das Gerät unter " + t.host() + " hat die Verbindung auf Port " + t.port() + " abgelehnt.", en, de);
    }

    /** The TCP connection was not established in time. */
    public static Diagnosis connectTimeout(Target t) {
        return new Diagnosis("timeout", null, "No answer from " + t.where() + " within " + t.timeoutMs() + " ms.",
                "Keine Antwort von " + t.where() + " innerhalb von " + t.timeoutMs() + " ms.",
                "Check the IP address and that the device is switched on and in the same network." + idmRestart(true),
                "Prüfen Sie die IP-Adresse und ob das Gerät eingeschaltet und im selben Netz ist." + idmRestart(false));
    }

    private static String idmRestart(boolean en) {
        return en ? " If an iDM Navigator stopped answering, restarting the Navigator usually helps."
                : " Antwortet ein iDM Navigator nicht mehr, hilft meist ein Neustart des Navigators.";
    }

    /** The TCP connection works, but no reply came in time (and no other unit id was shown to answer). */
    public static Diagnosis noReply(Target t) {
        if (t.luxtronik()) {
            return new Diagnosis("timeout", null,
                    "The device at " + t.where() + " accepted the connection but sent no Luxtronik answer within " + t.timeoutMs() + " ms.",
                    "Das Gerät unter " + t.where() + " hat die Verbindung angenommen, aber innerhalb von " + t.timeoutMs()
                            + " ms keine Luxtronik-Antwort gesendet.",
                    "Is this the Luxtronik port (8889; 8888 on some older 2.0 firmware)? Never run two clients at once.",
                    "Ist das der Luxtronik-Port (8889; 8888 bei manchen älteren 2.0-Firmwares)? Nie zwei Clients gleichzeitig betreiben.");
        }
        String en = "Check the unit id (default " + t.defaultUnitId() + " for this model" + (t.nibeF() ? "; the MODBUS 40 slave address" : "")
                + ") and that the device behind this port speaks Modbus TCP.";
        String de = "Prüfen Sie die Unit-ID (Standard " + t.defaultUnitId() + " für dieses Modell" + (t.nibeF() ? "; die Slave-Adresse des MODBUS 40" : "")
                + ") und ob hinter diesem Port ein Modbus-TCP-Gerät antwortet.";
        if ("idm".equals(t.manufacturer())) {
            en += idmRestart(true);
            de += idmRestart(false);
        }
        return new Diagnosis("timeout", null,
                "The device at " + t.where() + " accepted the connection but sent no Modbus reply for unit id " + t.unitId() + " within "
                        + t.timeoutMs() + " ms.",
                "Das Gerät unter " + t.where() + " hat die Verbindung angenommen, aber innerhalb von " + t.timeoutMs()
                        + " ms keine Modbus-Antwort für Unit-ID " + t.unitId() + " gesendet.",
                en, de);
    }

    /** Nothing answers for the unit id, while the model's default unit id does. */
    public static Diagnosis wrongUnitIdDefaultAnswers(Target t) {
        return wrongUnitId(t, null, "Nothing answers for unit id " + t.unitId() + " at " + t.where() + ", but the device answers for unit id "
                + t.defaultUnitId() + ".",
                "Für Unit-ID " + t.unitId() + " antwortet unter " + t.where() + " nichts, für Unit-ID " + t.defaultUnitId()
                        + " antwortet das Gerät.");
    }

    /** A Modbus TCP gateway reports that it cannot reach the unit id (exception 0x0A or 0x0B). */
    public static Diagnosis wrongUnitIdGateway(Target t, int code) {
        String name = code == 0x0A ? "gateway path unavailable" : "gateway target device failed to respond";
        String nameDe = code == 0x0A ? "Gateway-Pfad nicht verfügbar" : "Zielgerät des Gateways antwortet nicht";
        return wrongUnitId(t, code,
                "The Modbus gateway at " + t.where() + " answered exception " + hex(code) + " (" + name + ") for unit id " + t.unitId() + ".",
                "Das Modbus-Gateway unter " + t.where() + " antwortete mit der Ausnahme " + hex(code) + " (" + nameDe + ") für Unit-ID "
                        + t.unitId() + ".");
    }

    /** The device answered, but as another unit id. */
    public static Diagnosis wrongUnitIdOtherUnit(Target t) {
        return wrongUnitId(t, null, "The device at " + t.where() + " answered, but not as unit id " + t.unitId() + ".",
                "Das Gerät unter " + t.where() + " antwortete, aber nicht als Unit-ID " + t.unitId() + ".");
    }

    private static Diagnosis wrongUnitId(Target t, Integer code, String en, String de) {
        return new Diagnosis("wrong_unit_id", code, en, de,
                "Check the unit id (default " + t.defaultUnitId() + " for this model" + (t.nibeF() ? "; the MODBUS 40 slave address" : "") + ").",
                "Prüfen Sie die Unit-ID (Standard " + t.defaultUnitId() + " für dieses Modell" + (t.nibeF() ? "; die Slave-Adresse des MODBUS 40" : "")
                        + ").");
    }

    /** The device answered a Modbus exception (other than the gateway ones). */
    public static Diagnosis modbusException(Target t, int code) {
        String hintEn;
        String hintDe;
        String en;
        String de;
        switch (code) {
            case 2 -> {
                en = "The device answered with Modbus exception 02 (illegal data address) for registers the " + t.displayName() + " should have.";
                de = "Das Gerät antwortete mit der Modbus-Ausnahme 02 (unzulässige Datenadresse) für Register, die ein " + t.displayName()
                        + " haben sollte.";
                hintEn = "Wrong model or firmware?";
                hintDe = "Falsches Modell oder falsche Firmware?";
                if ("idm".equals(t.manufacturer())) {
                    hintEn += " A Navigator 1.7 answers only registers below 74 and 1000..1089.";
                    hintDe += " Ein Navigator 1.7 beantwortet nur Register unter 74 und 1000..1089.";
                } else if (t.nibeS()) {
                    hintEn += " S-series register numbers change with the firmware: use the pump's own register export (register_map_override).";
                    hintDe += " Die Registernummern der S-Serie ändern sich mit der Firmware: die eigene Registerliste der Pumpe verwenden (register_map_override).";
                }
            }
            case 1 -> {
                en = "The device answered with Modbus exception 01 (illegal function) to the reads of the " + t.displayName() + ".";
                de = "Das Gerät antwortete mit der Modbus-Ausnahme 01 (unzulässige Funktion) auf die Lesebefehle eines " + t.displayName() + ".";
                hintEn = "Wrong model?";
                hintDe = "Falsches Modell?";
                if (t.nibeS()) {
                    hintEn += " An S1255 answered 01 during set-up and it cleared by itself: try again later.";
                    hintDe += " Eine S1255 antwortete bei der Einrichtung mit 01, das verschwand von selbst: später erneut versuchen.";
                }
            }
            default -> {
                en = "The device answered with Modbus exception " + hex(code) + " (" + name(code, true) + ").";
                de = "Das Gerät antwortete mit der Modbus-Ausnahme " + hex(code) + " (" + name(code, false) + ").";
                hintEn = code == 4 || code == 6 ? "The device is busy or failed for the moment: try again in a minute." : "Wrong model?";
                hintDe = code == 4 || code == 6 ? "Das Gerät ist beschäftigt oder gestört: in einer Minute erneut versuchen." : "Falsches Modell?";
            }
        }
        return new Diagnosis("modbus_exception", code, en, de, hintEn, hintDe);
    }

    /** Malformed or unexpected answer. */
    public static Diagnosis protocol(Target t) {
        if (t.luxtronik()) {
            return new Diagnosis("protocol", null, "The device at " + t.where() + " answered, but not with a valid Luxtronik reply.",
                    "Das Gerät unter " + t.where() + " antwortete, aber nicht mit einer gültigen Luxtronik-Antwort.",
                    "Is this the Luxtronik port (8889; 8888 on some older 2.0 firmware)?",
                    "Ist das der Luxtronik-Port (8889; 8888 bei manchen älteren 2.0-Firmwares)?");
        }
        return new Diagnosis("protocol", null, "The device at " + t.where() + " answered, but not with a valid Modbus TCP reply.",
                "Das Gerät unter " + t.where() + " antwortete, aber nicht mit einer gültigen Modbus-TCP-Antwort.",
                "Is this the device's Modbus TCP port (" + t.defaultPort() + ")?",
                "Ist das der Modbus-TCP-Port des Geräts (" + t.defaultPort() + ")?");
    }

    /** Anything else (no route, connection closed without an answer, ...); {@code detail} is our own English text. */
    public static Diagnosis other(Target t, String detail) {
        String hintEn = t.luxtronik() ? "Never run two clients at once on a Luxtronik controller; try again in a minute." : null;
        String hintDe = t.luxtronik() ? "Nie zwei Clients gleichzeitig an einem Luxtronik-Regler betreiben; in einer Minute erneut versuchen." : null;
        return new Diagnosis("other", null, "Connection test failed: " + detail, "Verbindungstest fehlgeschlagen: " + detail, hintEn, hintDe);
    }

    static String hex(int code) {
        return String.format("%02X", code);
    }

    private static String name(int code, boolean en) {
        return switch (code) {
            case 3 -> en ? "illegal data value" : "unzulässiger Datenwert";
            case 4 -> en ? "server device failure" : "Gerätefehler";
            case 5 -> en ? "acknowledge" : "Bestätigung";
            case 6 -> en ? "server device busy" : "Gerät beschäftigt";
            default -> en ? "unknown code" : "unbekannter Code";
        };
    }
}
