package org.heatpumpsuite.polling.vendor;

import java.util.List;
import java.util.Map;

/**
 * One rule of a derived value; the rules of a value are tried in order and the first that yields a result wins.
 * Sources are other value ids of the same model (their raw codes for bits/map/when, their decoded numbers for
 * positive/sum).
 */
public sealed interface DerivationRule {

    /** Every source id the rule reads. */
    List<String> sources();

    /** Bit flags (iDM 1090): the first flag whose mask is set gives the label; a raw 0 gives {@code zero}. */
    record Bits(String source, List<Map.Entry<Long, String>> flags, String zero) implements DerivationRule {
        public List<String> sources() {
            return List.of(source);
        }
    }

    /** Code table: the label of the raw code; no result for codes not in the table. */
    record MapCodes(String source, Map<Long, String> values) implements DerivationRule {
        public List<String> sources() {
            return List.of(source);
        }
    }

    /** Condition: {@code value} if the raw code of {@code source} equals {@code equals}, else no result (next rule). */
    record When(String source, long equals, String value) implements DerivationRule {
        public List<String> sources() {
            return List.of(source);
        }
    }

    /** Boolean: the decoded number of {@code source} is greater than 0 (compressor running from frequency). */
    record Positive(String source) implements DerivationRule {
        public List<String> sources() {
            return List.of(source);
        }
    }

    /** Number: the sum of the decoded numbers of all sources (absent if any is absent). */
    record Sum(List<String> sources) implements DerivationRule {
    }
}
