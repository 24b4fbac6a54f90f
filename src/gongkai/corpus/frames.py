"""Length-prefixed pickle frames over a pipe: how the sandbox and its parent talk.

Both ends are gongkai processes started by the same user, so pickle is safe here; nothing
from a report file is ever unpickled — the file's bytes travel inside a frame as ``bytes``.
"""

from __future__ import annotations

import os
import pickle
import struct
from typing import IO, Any

_HEAD = struct.Struct(">Q")


def send(stream: IO[bytes], message: Any) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEAD.pack(len(body)) + body)
    stream.flush()


def recv(fd: int) -> Any | None:
    """The next message, or None when the other end has gone (end of file)."""
    head = _read_exactly(fd, _HEAD.size)
    if head is None:
        return None
    body = _read_exactly(fd, _HEAD.unpack(head)[0])
    return None if body is None else pickle.loads(body)


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
