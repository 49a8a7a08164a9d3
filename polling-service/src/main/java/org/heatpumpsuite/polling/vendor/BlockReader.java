package org.heatpumpsuite.polling.vendor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;

/**
 * Executes the Modbus blocks of a {@link ReadPlan} one after another on a pump's session and collects the raw words.
 *
 * <p>Exception 02 (illegal data address) on a block of several values: the block's values are read singly right away,
 * so one missing register never hides the others. A value that answers 02 on its own is remembered as bad (skipped
 * from then on); if none does, the unrequested addresses the block bridged are remembered as not to be bridged, and if
 * it bridged none, its values are read singly from then on (see {@link BadAddressMemory}). Other Modbus exceptions (01 illegal
 * function, 04, 06 ...) fail the block's values for this poll only. A timeout, refused connection or DNS failure fails
 * the rest of the poll without further requests (a dead device would otherwise cost one timeout per block).
 */
public final class BlockReader {

    private BlockReader() {
    }

    /** State of one poll. */
    private static final class Poll {
        final ModbusSession session;
        final BadAddressMemory memory;
        final RawData raw = RawData.modbus();
        ReadFailure abort;

        Poll(ModbusSession session, BadAddressMemory memory) {
            this.session = session;
            this.memory = memory;
        }
    }

    public static CompletionStage<RawData> read(ModbusSession session, ReadPlan plan, BadAddressMemory memory) {
        Poll poll = new Poll(session, memory);
        for (ReadPlan.Skipped s : plan.skipped()) {
            poll.raw.fail(s.table(), s.span().address(), s.span().count(), ReadFailure.notSupported("register "
                    + range(s.span().address(), s.span().count()) + " (" + s.table().fileName()
                    + ") answered exception 02 (illegal data address) before; not read again"));
        }
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (ReadBlock block : plan.blocks()) {
            chain = chain.thenCompose(v -> poll.abort == null ? readBlock(poll, block) : skipBlock(poll, block));
        }
        return chain.thenApply(v -> poll.raw);
    }

    private static CompletionStage<Void> readBlock(Poll poll, ReadBlock block) {
        return safeRead(poll.session, block.table(), block.address(), block.count()).thenCompose(result -> {
            if (result.words != null) {
                poll.raw.put(block.table(), block.address(), result.words);
                return done();
            }
            Throwable t = result.error;
            if (isIllegalAddress(t) && block.spans().size() > 1) {
                return readSingly(poll, block, 0, false);
            }
            ReadFailure f = ReadFailure.of(t, "reading " + describe(block));
            if (isIllegalAddress(t)) {
                ReadBlock.Span s = block.spans().get(0);
                poll.memory.markBad(block.table(), s.address(), s.count());
            }
            poll.raw.fail(block.table(), block.address(), block.count(), f);
            if (isConnectionLevel(t)) {
                poll.abort = f;
            }
            return done();
        });
    }

    private static CompletionStage<Void> readSingly(Poll poll, ReadBlock block, int i, boolean foundBad) {
        List<ReadBlock.Span> spans = block.spans();
        if (i == spans.size()) {
            if (!foundBad) {
                // Every value reads on its own: blame the addresses the block bridged, or, if it bridged none, the block itself.
                java.util.Set<Integer> gaps = new java.util.TreeSet<>();
                for (int a = block.address(); a <= block.last(); a++) {
                    gaps.add(a);
                }
                for (ReadBlock.Span s : spans) {
                    for (int a = s.address(); a <= s.last(); a++) {
                        gaps.remove(a);
                    }
                }
                if (gaps.isEmpty()) {
                    for (ReadBlock.Span s : spans) {
                        poll.memory.markSingle(block.table(), s.address());
                    }
                } else {
                    gaps.forEach(a -> poll.memory.markNoBridge(block.table(), a));
                }
            }
            return done();
        }
        ReadBlock.Span s = spans.get(i);
        if (poll.abort != null) {
            poll.raw.fail(block.table(), s.address(), s.count(), notRead(poll.abort));
            return readSingly(poll, block, i + 1, true);
        }
        return safeRead(poll.session, block.table(), s.address(), s.count()).thenCompose(result -> {
            boolean bad = foundBad;
            if (result.words != null) {
                poll.raw.put(block.table(), s.address(), result.words);
            } else {
                Throwable t = result.error;
                ReadFailure f = ReadFailure.of(t, "reading " + range(s.address(), s.count()) + " singly after exception 02 on " + describe(block));
                poll.raw.fail(block.table(), s.address(), s.count(), f);
                if (isIllegalAddress(t)) {
                    poll.memory.markBad(block.table(), s.address(), s.count());
                    bad = true;
                } else {
                    bad = true; // not proven harmless: do not flag the block's values as "read singly"
                    if (isConnectionLevel(t)) {
                        poll.abort = f;
                    }
                }
            }
            return readSingly(poll, block, i + 1, bad);
        });
    }

    private static CompletionStage<Void> skipBlock(Poll poll, ReadBlock block) {
        poll.raw.fail(block.table(), block.address(), block.count(), notRead(poll.abort));
        return done();
    }

    private static ReadFailure notRead(ReadFailure cause) {
        return new ReadFailure(cause.kind(), "not read: an earlier request of this poll failed (" + cause.message() + ")",
                cause.modbusExceptionCode());
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private record Result(int[] words, Throwable error) {
    }

    /** Reads and turns every outcome (including a synchronous throw or a short answer) into a Result. */
    private static CompletionStage<Result> safeRead(ModbusSession session, Table table, int address, int count) {
        CompletionStage<int[]> stage;
        try {
            stage = session.read(table.readFunctionCode(), address, count);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Result(null, e));
        }
        return stage.handle((words, err) -> {
            if (err != null) {
                return new Result(null, unwrap(err));
            }
            if (words == null || words.length != count) {
                return new Result(null, new DeviceException(DeviceException.Kind.PROTOCOL, "expected " + count + " registers, got "
                        + (words == null ? "none" : words.length), true, null));
            }
            return new Result(words, null);
        });
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static boolean isIllegalAddress(Throwable t) {
        return t instanceof DeviceException d && d.kind() == DeviceException.Kind.MODBUS_EXCEPTION
                && Integer.valueOf(2).equals(d.modbusExceptionCode());
    }

    private static boolean isConnectionLevel(Throwable t) {
        return t instanceof DeviceException d && (d.kind() == DeviceException.Kind.TIMEOUT || d.kind() == DeviceException.Kind.REFUSED
                || d.kind() == DeviceException.Kind.DNS);
    }

    private static String describe(ReadBlock b) {
        return "registers " + range(b.address(), b.count()) + " (FC" + String.format("%02d", b.functionCode().code()) + ")";
    }

    private static String range(int address, int count) {
        return count == 1 ? String.valueOf(address) : address + ".." + (address + count - 1);
    }
}
