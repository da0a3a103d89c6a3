"""A stray extra response on a kept-alive connection never becomes another call's answer.

A server or proxy may send one response too many. The bytes of the stray sit on the
connection; a client that reuses it reads them as the answer to its next request, and from
then on every answer on that connection is one request late: other callers' data, which may
belong to another business. The server here (``stray_server.py``, a process of its own on
127.0.0.1, so its writes race the client's reads) echoes each request's customer id and,
after about one answer in twenty, sends a stray response carrying an id no call asked for, in
one of the ways ``stray_server.WAYS`` lists. Thousands of concurrent calls across businesses
run on every transport:

* no call gets another call's data;
* no stray the client could tell from an answer is taken as one: a stray that came with its
  response, behind its last byte, or right after it (while the connection was idle, or waiting
  unread in its socket when the connection was taken again);
* a stray that arrives after the next request went out cannot be told from the answer in
  HTTP/1.1 (docs/architecture.md). httpx and aiohttp take each of those sent with the answer
  behind it (``after``); the native transport sees the two responses arrive before it hands
  one over and fails the call with ``RemoteProtocolError`` (retried, like any failure of a
  request that may be repeated), and no answer answers another call;
* the native transport takes a stray as an answer no more often than httpx in the same run.

The strays sent one server turn, a millisecond, or up to a few milliseconds (``late``: in a
write of their own, whatever the client sent meanwhile) after their response are taken or not
depending on how soon a client reuses the connection: their counts are printed per transport
and compared, native against httpx, not asserted one by one.
"""

from __future__ import annotations

import asyncio
import collections
import json
import random
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from thredfi_client import APIConnectionError, RetryPolicy, ThredfiClient, ThredfiError

from ..support import API_KEY, PARTNER_ID, TRANSPORTS

SERVER = Path(__file__).with_name("stray_server.py")
#: As in stray_server.py (not imported: it is a script, run in a process of its own).
STRAY_PREFIX = "eeeeeeee-eeee-4eee-8eee-"
WAYS = ("with", "split", "soon", "turn", "ms", "after", "late")
#: The ways a client can tell the stray from an answer (nothing of it was there before).
TELLABLE = ("with", "split", "soon")
CALLS = 2_500
BUSINESSES = [str(uuid.UUID(int=random.Random(n).getrandbits(128), version=4)) for n in range(20)]


@pytest.fixture(scope="module")
def stray_server() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, str(SERVER), "--stray-rate", "0.05", "--seconds", "120", "--late-ms", "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _strays_sent(base_url: str) -> dict[str, int]:
    """How many strays the server sent each way since it was last asked."""
    port = int(base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET /_strays HTTP/1.1\r\nHost: x\r\n\r\n")
        received = b""
        while b"\r\n\r\n" not in received or not received.endswith(b"}"):
            chunk = sock.recv(4096)
            assert chunk, "the stray server closed the connection"
            received += chunk
    sent: dict[str, int] = json.loads(received.partition(b"\r\n\r\n")[2])
    return sent


class _Tally:
    def __init__(self) -> None:
        self.wrong = 0  # answers carrying another call's customer
        self.doubled = 0  # calls failed because two responses came for them
        self.errors = 0  # any other failure
        self.strays: collections.Counter[str] = collections.Counter()  # taken, by way sent
        self.sent: dict[str, int] = {}  # strays the server sent, by way


async def _calls(base_url: str, transport: str, calls: int = CALLS) -> _Tally:
    """``calls`` concurrent gets, each for a customer id of its own, across BUSINESSES."""
    tally = _Tally()
    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        transport=transport,  # type: ignore[arg-type]
        timeout=10.0,
        max_retries=0,
        retry_policy=RetryPolicy(backoff_base=0.0),
    ) as client:

        async def one(n: int) -> None:
            wanted = str(uuid.UUID(int=n + 1, version=4))
            try:
                customer = await client.customers.get(BUSINESSES[n % len(BUSINESSES)], wanted)
            except APIConnectionError as exc:
                if "second response" in str(exc):
                    tally.doubled += 1
                else:
                    tally.errors += 1
                return
            except ThredfiError:
                tally.errors += 1
                return
            got = str(customer.id)
            if got.startswith(STRAY_PREFIX):
                tally.strays[WAYS[int(got[len(STRAY_PREFIX)])]] += 1
            elif got != wanted:
                tally.wrong += 1

        await asyncio.gather(*(one(n) for n in range(calls)))
    return tally


@pytest.fixture(scope="module")
def tallies(stray_server: str) -> dict[str, _Tally]:
    """One run of CALLS calls per transport, one after the other, against the same server."""
    tallies = {}
    _strays_sent(stray_server)  # counted from here
    for transport in TRANSPORTS:
        tally = tallies[transport] = asyncio.run(_calls(stray_server, transport))
        tally.sent = _strays_sent(stray_server)
        print(
            f"\n{transport}: {tally.wrong} wrong answers, {tally.doubled} calls answered twice, "
            f"{tally.errors} other errors, strays taken {dict(tally.strays)} of those sent "
            f"{tally.sent}"
        )
    return tallies


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_no_call_ever_gets_another_calls_data(tallies: dict[str, _Tally], transport: str) -> None:
    tally, sent = tallies[transport], tallies[transport].sent

    assert tally.wrong == 0
    assert {way: tally.strays[way] for way in TELLABLE} == dict.fromkeys(TELLABLE, 0)
    if transport == "native":  # it sees both responses: neither is used
        assert tally.strays["after"] == 0
        assert tally.doubled >= sent.get("after", 0) > 0
    elif transport == "httpx":  # as any HTTP/1.1 client that reuses the connection
        assert tally.strays["after"] == sent.get("after", 0) > 0
        assert tally.doubled == 0
    else:  # aiohttp: after the first stray, one request per connection (no "after" then)
        assert tally.strays["after"] <= sent.get("after", 0) <= 5
        assert tally.doubled == 0
    assert sum(sent.get(way, 0) for way in TELLABLE) > 30  # the server did send them
    assert tally.doubled <= sum(sent.values())  # only calls a stray came for
    assert tally.errors == 0


@pytest.mark.parametrize("transport", ["native", "aiohttp"])
def test_a_stray_is_taken_no_more_often_than_httpx_takes_one(
    tallies: dict[str, _Tally], transport: str
) -> None:
    ours, httpx = tallies[transport], tallies["httpx"]
    assert sum(ours.strays.values()) <= sum(httpx.strays.values())
    assert ours.sent.get("late", 0) > 10  # late strays were sent to it too
