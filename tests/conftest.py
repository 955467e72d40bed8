"""Shared fixtures: one engine for the session, and a `bot` that reads like a transcript."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from advisor import Advisor, Reply


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Before any fixture builds an engine (session scope runs first): a temp home, cache and
    HOME, so no test ever reads or writes the real user's files."""
    home = tmp_path_factory.mktemp("session-home")
    saved = {k: os.environ.get(k) for k in ("ADVISOR_HOME", "ADVISOR_CACHE_DIR", "HOME", "NO_COLOR")}
    os.environ.update(
        ADVISOR_HOME=str(home / "advisor"),
        ADVISOR_CACHE_DIR=str(home / "cache"),
        HOME=str(home),
        NO_COLOR="1",
    )
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user dirs: profile, history and cache go to a temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def engine(_isolated_session: None) -> Advisor:
    os.environ.setdefault("ADVISOR_NO_CACHE", "")
    return Advisor.load()


class Bot:
    """`bot.says("hi", expect="greeting", contains="Hello")` → the Reply."""

    def __init__(self, engine: Advisor) -> None:
        self.conv = engine.conversation()

    def says(
        self,
        text: str,
        expect: str | None = None,
        contains: str | list[str] = (),
        lacks: str | list[str] = (),
    ) -> Reply:
        reply = self.conv.reply(text)
        where = f"{text!r} → {reply.intent} ({reply.confidence:.2f}):\n{reply.text}"
        if expect is not None:
            assert reply.intent == expect, where
        for part in [contains] if isinstance(contains, str) else contains:
            assert part in reply.text, f"missing {part!r} in {where}"
        for part in [lacks] if isinstance(lacks, str) else lacks:
            assert part not in reply.text, f"unexpected {part!r} in {where}"
        return reply


@pytest.fixture
def bot(engine: Advisor) -> Iterator[Bot]:
    yield Bot(engine)
