package org.heatpumpsuite.polling.vendor.data;

import java.math.BigDecimal;
import java.util.List;

/** Write rules of a value in a data file. */
public record WriteSpec(BigDecimal min, BigDecimal max, BigDecimal step, String persistence, Integer resendIntervalS, Boolean oneShot,
        Boolean optIn, List<Long> options, String note, Integer dailyBudget, Integer minIntervalS) {
}
