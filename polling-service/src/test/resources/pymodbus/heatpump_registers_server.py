#!/usr/bin/env python3
"""An independent Modbus TCP peer for the suite's client tests: Debian's python3-pymodbus (3.0) serving registers
hand-encoded from reference/test-vectors.md for three pumps, each on its own port (unit id 1):

  idm     iDM Navigator 2.0: FC03 and FC04 read the same addresses (PDU address = iDM address)
  nibe    NIBE S-series: input registers (FC04) and holding registers (FC03/FC16) at the export's numbers
  daikin  Daikin Altherma 3 / HomeHub: register n at PDU address n - 1

Binds 127.0.0.1 on free ports and prints one line "READY idm=<port> nibe=<port> daikin=<port>", then serves until
killed. Every value below is written out by hand as the bytes of the test vector, not computed.
"""
import asyncio
import logging
import sys

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext, ModbusSparseDataBlock
from pymodbus.server.async_io import ModbusTcpServer

logging.basicConfig(level=logging.ERROR)


def idm():
    regs = {
        # §1 #1: 1000 = -5.5 (0xC0B00000), 1002 = 12.3 (0x4144CCCD); FLOAT low word first
        1000: 0x0000, 1001: 0xC0B0, 1002: 0xCCCD, 1003: 0x4144,
        # §1 #5: DHW target 48 °C
        1032: 0x0030,
        # §1 #7: compressor 2 state not available; §1 #6: charge pump -1 (off)
        1101: 0xFFFF, 1104: 0xFFFF,
        # §1 #4: room target heating normal circuit A, written by the test with FC16
        1401: 0x0000, 1402: 0x0000,
        # §1 #3: heating curve circuit A = 0.6
        1429: 0x999A, 1430: 0x3F19,
        # §1 #10: GLT default -1.0
        1716: 0x0000, 1717: 0xBF80,
    }
    # iDM answers FC03 and FC04 on the same addresses: two blocks with the same content
    return ModbusSlaveContext(hr=ModbusSparseDataBlock(dict(regs)), ir=ModbusSparseDataBlock(dict(regs)),
                              zero_mode=True)


def nibe():
    inputs = {
        # §2 #2: BT1 input 1 = 21.0 °C
        1: 0x00D2,
        # §2 #7: compressor starts input 1534..1535 = 100000 (u32, low word first)
        1534: 0x86A0, 1535: 0x0001,
    }
    holdings = {
        # §2 #8: degree minutes holding 11..12 = -600 raw (s32, low word first)
        11: 0xFDA8, 12: 0xFFFF,
        # heating offset climate system 1 (s8), written -10 by the test (§2 #10: sent as 0xFFF6)
        30: 0x0000,
    }
    return ModbusSlaveContext(hr=ModbusSparseDataBlock(holdings), ir=ModbusSparseDataBlock(inputs), zero_mode=True)


def daikin():
    inputs = {pdu: 0x0000 for pdu in range(20, 61)}  # registers 21..61 (§4 #10 block read)
    inputs.update({
        43: 0xFE0C,  # §4 #1: register 44 outdoor -5.00 °C
        42: 0x1194,  # §4 #2: register 43 DHW 45.00 °C
        21: 0x5538,  # §4 #3: register 22 "U8"
        22: 0x7FFE,  # §4 #4: register 23 = 32766, no error
        50: 0x00FA,  # §4 #5: register 51 power 2.50 kW
        48: 0x07D0,  # §4 #6: register 49 flow 20.00 l/min
    })
    holdings = {
        0: 0x0023,   # §4 #9: register 1 = 35 °C
        55: 0x0000,  # register 56 smart-grid mode, written 1 by the test (§4 #7)
        57: 0x0000,  # register 58 power limit, written 0x015E by the test (§4 #8)
    }
    return ModbusSlaveContext(hr=ModbusSparseDataBlock(holdings), ir=ModbusSparseDataBlock(inputs), zero_mode=True)


async def main():
    servers = {
        name: ModbusTcpServer(ModbusServerContext(slaves={1: ctx()}, single=False), address=("127.0.0.1", 0),
                              allow_reuse_address=True)
        for name, ctx in (("idm", idm), ("nibe", nibe), ("daikin", daikin))
    }
    tasks = [asyncio.create_task(s.serve_forever()) for s in servers.values()]
    await asyncio.gather(*(s.serving for s in servers.values()))
    ports = {name: s.server.sockets[0].getsockname()[1] for name, s in servers.items()}
    print("READY " + " ".join(f"{n}={p}" for n, p in ports.items()), flush=True)
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
