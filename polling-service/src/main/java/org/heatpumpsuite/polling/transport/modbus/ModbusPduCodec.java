package org.heatpumpsuite.polling.transport.modbus;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import com.ghgande.j2mod.modbus.msg.ExceptionResponse;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterResponse;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * The client side's only use of j2mod (STYLE.md: the class that wraps j2mod is the only one importing it): j2mod's
 * message classes build the request PDUs and parse the response PDUs; the MBAP header around them is written here
 * and read by {@link MbapFrameDecoder}. {@link #decode} never throws: anything unexpected in a reply becomes
 * {@link Decoded.Invalid}.
 */
public final class ModbusPduCodec {

    private ModbusPduCodec() {
    }

    /** What was asked: the reply must match it. {@code count} is the register count for reads and writes. */
    public record Request(int unitId, FunctionCode fc, int address, int count, int[] words) {

        public static Request read(int unitId, FunctionCode fc, int address, int count) {
            return new Request(unitId, fc, address, count, null);
        }

        public static Request write(int unitId, FunctionCode fc, int address, int[] words) {
            return new Request(unitId, fc, address, words.length, words.clone());
        }
    }

    /** A decoded reply. */
    public sealed interface Decoded {
        /** FC03/FC04 data, unsigned words. */
        record Registers(int[] words) implements Decoded {
        }

        /** FC06/FC16 acknowledgement matching the request. */
        record WriteAck() implements Decoded {
        }

        /** An exception reply (function code | 0x80). */
        record Exception(int code) implements Decoded {
        }

        /** Well framed, but not a valid reply to the request; {@code kind} is a frame error kind. */
        record Invalid(String kind, String detail) implements Decoded {
        }
    }

    /** Builds the complete ADU (MBAP header + PDU) of a request. */
    public static byte[] encode(int transactionId, Request request) {
        ModbusRequest msg = switch (request.fc()) {
            case READ_HOLDING_REGISTERS -> new ReadMultipleRegistersRequest(request.address(), request.count());
            case READ_INPUT_REGISTERS -> new ReadInputRegistersRequest(request.address(), request.count());
            case WRITE_SINGLE_REGISTER -> new WriteSingleRegisterRequest(request.address(),
                    new SimpleRegister(request.words()[0]));
            case WRITE_MULTIPLE_REGISTERS -> {
                Register[] regs = new Register[request.words().length];
                for (int i = 0; i < regs.length; i++) {
                    regs[i] = new SimpleRegister(request.words()[i]);
                }
                yield new WriteMultipleRegistersRequest(request.address(), regs);
            }
        };
        byte[] data = msg.getMessage();
        byte[] adu = new byte[MbapFrameDecoder.HEADER_LENGTH + 1 + data.length];
        int length = 2 + data.length; // unit id + function code + data
        adu[0] = (byte) (transactionId >>> 8);
        adu[1] = (byte) transactionId;
        adu[2] = 0;
        adu[3] = 0;
        adu[4] = (byte) (length >>> 8);
        adu[5] = (byte) length;
        adu[6] = (byte) request.unitId();
        adu[7] = (byte) request.fc().code();
        System.arraycopy(data, 0, adu, 8, data.length);
        return adu;
    }

    /** Checks a reply ADU against its request and extracts the data. Never throws. */
    public static Decoded decode(MbapFrameDecoder.Adu adu, Request request) {
        try {
            return decodeUnchecked(adu, request);
        } catch (IOException | RuntimeException e) {
            return new Decoded.Invalid("invalid_pdu", "unparseable reply PDU: " + e);
        }
    }

    private static Decoded decodeUnchecked(MbapFrameDecoder.Adu adu, Request request) throws IOException {
        byte[] pdu = adu.pdu();
        if (pdu.length < 1) {
            return new Decoded.Invalid("invalid_pdu", "empty PDU");
        }
        if (adu.unitId() != request.unitId()) {
            return new Decoded.Invalid("invalid_pdu", "reply from unit " + adu.unitId() + ", asked unit "
                    + request.unitId());
        }
        int fc = pdu[0] & 0xFF;
        int expected = request.fc().code();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(pdu, 1, pdu.length - 1));
        if (fc == (expected | 0x80)) {
            if (pdu.length != 2) {
                return new Decoded.Invalid("invalid_pdu", "exception reply of " + pdu.length + " bytes (must be 2)");
            }
            ExceptionResponse ex = new ExceptionResponse();
            ex.readData(in);
            return new Decoded.Exception(ex.getExceptionCode());
        }
        if (fc != expected) {
            return new Decoded.Invalid("invalid_pdu", String.format("function code 0x%02X in the reply to 0x%02X",
                    fc, expected));
        }
        ModbusResponse response = ModbusResponse.createModbusResponse(fc);
        switch (request.fc()) {
            case READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> {
                int byteCount = pdu.length >= 2 ? pdu[1] & 0xFF : -1;
                if (byteCount != 2 * request.count() || pdu.length != 2 + byteCount) {
                    return new Decoded.Invalid("invalid_pdu", "read reply with byte count " + byteCount + " in a PDU of "
                            + pdu.length + " bytes; asked for " + request.count() + " registers");
                }
                response.readData(in);
                int[] words = new int[request.count()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = (response instanceof ReadMultipleRegistersResponse r ? r.getRegisterValue(i)
                            : ((ReadInputRegistersResponse) response).getRegisterValue(i)) & 0xFFFF;
                }
                return new Decoded.Registers(words);
            }
            case WRITE_SINGLE_REGISTER -> {
                if (pdu.length != 5) {
                    return new Decoded.Invalid("invalid_pdu", "FC06 reply of " + pdu.length + " bytes (must be 5)");
                }
                response.readData(in);
                WriteSingleRegisterResponse r = (WriteSingleRegisterResponse) response;
                if (r.getReference() != request.address() || (r.getRegisterValue() & 0xFFFF) != request.words()[0]) {
                    return new Decoded.Invalid("invalid_pdu", "FC06 reply echoes address " + r.getReference()
                            + " value " + (r.getRegisterValue() & 0xFFFF) + ", sent " + request.address() + " value "
                            + request.words()[0]);
                }
                return new Decoded.WriteAck();
            }
            case WRITE_MULTIPLE_REGISTERS -> {
                if (pdu.length != 5) {
                    return new Decoded.Invalid("invalid_pdu", "FC16 reply of " + pdu.length + " bytes (must be 5)");
                }
                response.readData(in);
                WriteMultipleRegistersResponse r = (WriteMultipleRegistersResponse) response;
                if (r.getReference() != request.address() || r.getWordCount() != request.count()) {
                    return new Decoded.Invalid("invalid_pdu", "FC16 reply echoes address " + r.getReference()
                            + " count " + r.getWordCount() + ", sent " + request.address() + " count "
                            + request.count());
                }
                return new Decoded.WriteAck();
            }
            default -> throw new IllegalStateException();
        }
    }
}
