"""Write a file so that readers see the old content or the new, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes, *, durable: bool = True) -> None:
    """Write `content` to a temporary file beside `path`, flush it to disk, then rename.

    `durable=False` skips the fsync: still atomic for readers, but a power cut may leave an
    empty or partial file, so only for files whose readers verify a checksum (the cache).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        # mkstemp makes the file private (0600); a report is for everyone who may read the folder.
        os.chmod(temporary, _PUBLIC & ~_UMASK)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_PUBLIC = 0o666


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# Read once: os.umask can only be read by setting it, which races with other threads.
_UMASK = _umask()
