package org.heatpumpsuite.polling.vendor;

import java.util.List;

/**
 * The requests of one poll, and the values not requested because their registers answered exception 02 before.
 *
 * @param requests in execution order
 * @param skipped  register ranges that are known bad on this pump; {@link BlockReader} reports them as not supported
 */
public record ReadPlan(List<ReadRequest> requests, List<Skipped> skipped) {

    public record Skipped(Table table, ReadBlock.Span span) {
    }

    public ReadPlan {
        requests = List.copyOf(requests);
        skipped = List.copyOf(skipped);
    }

    /** The Modbus blocks of the plan. */
    public List<ReadBlock> blocks() {
        return requests.stream().filter(ReadBlock.class::isInstance).map(ReadBlock.class::cast).toList();
    }
}
