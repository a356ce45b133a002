"""Files that hold personal data (subscribers' chat ids): created readable by the bot's user only,
whatever the umask, because a umask of 022 would make them world-readable."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> None:
    """Create `path` (and missing parents) as 0700; an existing folder is left as it is."""
    missing = [parent for parent in (path, *path.parents) if not parent.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask too


def private_file(path: Path) -> None:
    """Create `path` empty as 0600 if missing; take group and other permissions off an existing one."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE))
    except FileExistsError:
        tighten_if_present(path)


def tighten_if_present(path: Path) -> None:
    """Take group and other permissions off `path` if it exists (a database's -wal and -shm files)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    try:
        _tighten(fd, path)
    finally:
        os.close(fd)


def _tighten(fd: int, path: Path) -> None:
    mode = stat.S_IMODE(os.fstat(fd).st_mode)
    if mode & 0o077:
        os.fchmod(fd, mode & ~0o077)
        log.warning("%s was open to other users (mode %o) and holds personal data: now %o", path, mode, mode & ~0o077)
