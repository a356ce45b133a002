"""The layout zoo's seen newsletters, written by someone who never read the reader, yield every fact
written down for them, as text and as the bot reads them (HTML and Markdown included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from zoo import expected, found, newsletters

from bot.ingest.build import build
from bot.knowledge.vocabulary import load_vocabulary


@pytest.mark.parametrize("newsletter", newsletters("seen"), ids=lambda path: path.name)
def test_every_written_down_fact_is_found(newsletter: Path) -> None:
    kb = build([newsletter], load_vocabulary(), None).kb
    assert [(kind, fact) for kind, fact in expected(newsletter) if not found(kind, fact, kb)] == []
