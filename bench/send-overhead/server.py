#!/usr/bin/env python3
"""A tiny HTTP/1.1 server for the benchmark: answers every request with the same small JSON at once, written in
one piece (Python's http.server writes headers and body separately and adds tens of milliseconds of delayed-ACK
latency, which would hide the clients' own cost). Prints its port, then serves until killed."""
import asyncio
import sys

BODY = b'{"id": 42, "name": "tokenbench", "tags": ["api", "bench"], "ok": true}\n'
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
