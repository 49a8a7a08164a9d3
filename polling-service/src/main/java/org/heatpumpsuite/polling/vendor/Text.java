package org.heatpumpsuite.polling.vendor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * User-visible text as in the contracts' {@code text}: one string for every language, or German and English.
 * Data files write either {@code description: Some text} or {@code description: {de: ..., en: ...}}.
 */
public final class Text {

    private final String de;
    private final String en;

    private Text(String de, String en) {
        this.de = de;
        this.en = en;
    }

    /** The same text in every language. */
    public static Text of(String text) {
        requireText(text);
        return new Text(null, text);
    }

    public static Text of(String de, String en) {
        requireText(de);
        requireText(en);
        return new Text(de, en);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Text fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return of(node.asText());
        }
        if (node.isObject()) {
            JsonNode de = node.get("de");
            JsonNode en = node.get("en");
            if (node.size() == 2 && de != null && en != null && de.isTextual() && en.isTextual()) {
                return of(de.asText(), en.asText());
            }
            if (node.size() == 1 && en != null && en.isTextual()) {
                return of(en.asText());
            }
        }
        throw new IllegalArgumentException("text must be a string or {de: ..., en: ...}, not " + node);
    }

    private static void requireText(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("text must not be empty");
        }
    }

    /** True if German and English differ (both given). */
    public boolean bilingual() {
        return de != null;
    }

    public String en() {
        return en;
    }

    /** German text, or the single text. */
    public String de() {
        return de != null ? de : en;
    }

    /** Appends text to both languages as it is. */
    public Text append(String deSuffix, String enSuffix) {
        if (de == null) {
            return of(en + enSuffix);
        }
        return of(de + deSuffix, en + enSuffix);
    }

    /** Appends a sentence to both languages, closing the current text with a full stop first. */
    public Text appendSentence(String deSentence, String enSentence) {
        return append(stop(de()) + deSentence, stop(en) + enSentence);
    }

    private static String stop(String s) {
        return s.endsWith(".") ? " " : ". ";
    }

    /** The JSON form of the contracts: a string, or {de, en}. */
    @JsonValue
    public Object toJson() {
        if (de == null) {
            return en;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("de", de);
        m.put("en", en);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && Objects.equals(de, t.de) && Objects.equals(en, t.en);
    }

    @Override
    public int hashCode() {
        return Objects.hash(de, en);
    }

    @Override
    public String toString() {
        return de == null ? en : en + " / " + de;
    }
}
