"""Only one bot per database: two processes polling one token fight over getUpdates.

The guard is an exclusive flock on `<database>.lock`, held for the life of the process.
The kernel drops the lock when the process exits, however it exits (even on SIGKILL or a
crash), so a stale lock file never blocks a restart.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from bot.failures import EXIT_ALREADY_RUNNING, BadInput, Failure
from bot.private_files import FILE_MODE, private_dir


class AlreadyRunning(Failure):
    """Another process holds the instance lock of the same database."""

    exit_code = EXIT_ALREADY_RUNNING


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """`with InstanceLock(db_path):` or `acquire()` once at start-up and keep the object alive."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        try:
            private_dir(self.path.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
        except OSError as error:
            reason = error.strerror or error
            raise BadInput(f"lock file {self.path}: cannot be created: {reason} (check BOT_DB_PATH)") from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            who = f" (pid {holder})" if holder else ""
            raise AlreadyRunning(
                f"Another instance of the bot is already running{who} with the database {self.db_path} "
                f"(lock file {self.path}). Stop it before starting a new one: two bots polling one "
                "token fight over getUpdates."
            ) from None
        # The pid is only for the message above; the lock itself is what counts.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None
