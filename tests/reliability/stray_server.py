"""A loopback HTTP/1.1 server that sometimes sends a stray extra response (run as a script).

Used by ``test_stray_responses.py``, in a process of its own so that its writes race the
client's reads as a real server's do. It answers every API request with a customer whose
``id`` is the one in the request's path. After about one answer in twenty it also sends a
stray: a complete response whose customer id starts with ``STRAY_PREFIX`` (no call asked for
it), in one of four ways (``WAYS``):

* ``with`` -- in the same write as the answer: both arrive in one read;
* ``split`` -- the answer's last byte and the stray in one write, after the rest of the answer;
* ``soon`` -- in a write of its own right after the answer: it arrives while the connection
  is idle, or waits unread in the socket when the client takes the connection again;
* ``turn`` and ``ms`` -- in a write of its own one turn of the server's event loop, or a
  millisecond, after the answer, unless the next request has arrived by then (the stray is
  then sent as ``after``): whether it reaches the client before its next request goes out
  depends on how soon the client reuses the connection;
* ``after`` -- only once the next request on the connection has arrived, in one write with
  that request's answer: a stray arriving after a request went out, which HTTP/1.1 cannot tell
  from the answer. Every client takes it; none may then take the answer behind it.

``GET /_strays`` answers (and resets) how many strays were sent each way. Token requests are
answered normally. It listens on 127.0.0.1 (port 0), prints the port, and stops when its
standard input closes or after ``--seconds``.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import random
import sys
from pathlib import Path

SEED = Path(__file__).parents[1] / "fixtures" / "seed_examples" / "create_customer_201.json"
STRAY_PREFIX = "eeeeeeee-eeee-4eee-8eee-"
TOKEN = json.dumps({"access_token": "tok_secret_stray", "expires_in": 3600}).encode()
WAYS = ("with", "split", "soon", "turn", "ms", "after", "late")


def response(body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
    return head.encode() + b"\r\n\r\n" + body


class Server:
    def __init__(
        self, stray_rate: float, seed: int, ways: tuple[str, ...] = WAYS, late: float = 0.002
    ) -> None:
        self.customer = json.loads(SEED.read_bytes())
        self.stray_rate = stray_rate
        self.ways = ways
        self.late = late
        self.random = random.Random(seed)
        self.strays = 0
        self.sent: collections.Counter[str] = collections.Counter()

    def answer(self, customer_id: str) -> bytes:
        return response(json.dumps({**self.customer, "id": customer_id}).encode())

    def stray(self, way: str) -> bytes:
        """A stray response; its id tells how it was sent (``WAYS`` index, then a counter)."""
        self.strays += 1
        self.sent[way] += 1
        return self.answer(f"{STRAY_PREFIX}{WAYS.index(way)}{self.strays:011d}")

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        stray_before_next = False
        try:
            for _ in range(100_000):  # bounded; the client closes its connections first
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length:
                    await reader.readexactly(length)
                target = head.split(b" ", 2)[1].decode()
                if target == "/_strays":
                    writer.write(response(json.dumps(self.sent).encode()))
                    self.sent.clear()
                    continue
                if "/oauth2/token/" in target:
                    writer.write(response(TOKEN))
                    continue
                answer = self.answer(target.rstrip("/").rsplit("/", 1)[-1])
                if stray_before_next:
                    stray_before_next = False
                    answer = self.stray("after") + answer
                if self.random.random() >= self.stray_rate:
                    writer.write(answer)
                    continue
                way = self.random.choice(self.ways)
                if way == "with":
                    writer.write(answer + self.stray(way))
                elif way == "split":
                    writer.write(answer[:-1])
                    await writer.drain()
                    await asyncio.sleep(0)  # the client reads all but the last byte
                    writer.write(answer[-1:] + self.stray(way))
                elif way == "soon":
                    writer.write(answer)
                    writer.write(self.stray(way))
                elif way in ("turn", "ms"):
                    writer.write(answer)
                    await writer.drain()
                    await asyncio.sleep(0 if way == "turn" else 0.001)
                    if b"\r\n\r\n" in getattr(reader, "_buffer", b""):
                        # The next request is here: a stray now would come after it went out,
                        # and the answer behind it in a write of its own.
                        stray_before_next = True
                    else:
                        writer.write(self.stray(way))
                elif way == "late":
                    writer.write(answer)
                    stray = self.stray(way)
                    asyncio.get_running_loop().call_later(
                        self.random.uniform(0.0, self.late), _write_unless_closed, writer, stray
                    )
                else:
                    writer.write(answer)
                    stray_before_next = True
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()


def _write_unless_closed(writer: asyncio.StreamWriter, data: bytes) -> None:
    if not writer.is_closing():
        writer.write(data)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stray-rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ways", default=",".join(WAYS))
    parser.add_argument("--late-ms", type=float, default=2.0)
    options = parser.parse_args()
    ways = tuple(options.ways.split(","))
    handler = Server(options.stray_rate, options.seed, ways, options.late_ms / 1000)
    server = await asyncio.start_server(handler.serve, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stdin_closed, options.seconds)
    server.close()
    os._exit(0)  # the thread reading stdin may still be blocked in it


if __name__ == "__main__":
    asyncio.run(main())
