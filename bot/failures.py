"""The exit-code policy shared by every command, and the failures that carry it.

A command raises a `Failure` (or a subclass) for anything foreseeable; `bot.cli` prints its
message as one line on stderr and exits with its code. systemd restarts on 1 but not on 2 or 3.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1  # the job was tried and failed (a backup that could not be written, an unhealthy bot)
EXIT_BAD_INPUT = 2  # bad input or configuration: running again unchanged will fail again
EXIT_ALREADY_RUNNING = 3  # another instance holds the database


class Failure(Exception):
    """A foreseeable failure; its message is the one line the operator reads."""

    exit_code = EXIT_FAILED


class BadInput(Failure):
    """A file, setting or argument the command cannot use; the message names it."""

    exit_code = EXIT_BAD_INPUT
