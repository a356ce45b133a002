"""`python -m bot backup PATH`: a consistent copy of the database, safe while the bot runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bot.commands.options import add_db_argument, db_path
from bot.ops.backup import BackupError, backup
from bot.private_files import private_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="file to write, or a directory (existing, or ending in /) for a time-stamped file")
    add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    source = db_path(args)
    target = Path(args.path)
    try:
        if args.path.endswith(("/", os.sep)):
            private_dir(target)
        written = backup(source, target)
    except OSError as error:
        raise BackupError(f"backup of {source} to {target} failed: {error}") from error
    print(f"Backup of {source} written to {written}")
    return 0
