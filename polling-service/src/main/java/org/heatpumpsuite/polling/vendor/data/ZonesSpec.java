package org.heatpumpsuite.polling.vendor.data;

import java.util.List;

/**
 * iDM zone modules 1..count: zone base = base + stride * (module - 1); zone value address = zone base + offset. Rooms
 * 1..rooms.count: room base = zone base + rooms.offset + rooms.stride * (room - 1); room value address = room base + offset.
 */
public record ZonesSpec(Integer count, Integer base, Integer stride, List<ValueSpec> values, RoomsSpec rooms) {

    public record RoomsSpec(Integer count, Integer offset, Integer stride, List<ValueSpec> values) {
    }
}
