"""Hostile and broken surroundings: planted caches, stale temp files, private modes.

The slow, numbers-printing version of these checks is bench/reliability.py.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.config import SPELL_MEMO_SIZE
from advisor.converse.session import Session
from advisor.knowledge import model_cache
from advisor.userdirs import sweep_temps

ROOT = Path(__file__).resolve().parents[1]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class _Planted:
    """Unpickling this runs `open(marker, 'w')`: the proof that code from a cache ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    home, cache = tmp_path / "home", tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(cache))
    monkeypatch.delenv("ADVISOR_NO_CACHE", raising=False)
    return home, cache


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("model-*.pickle"))


def test_first_load_makes_private_dirs_key_and_cache(dirs: tuple[Path, Path]) -> None:
    home, cache = dirs
    Advisor.load()
    assert mode(home) == 0o700 and mode(cache) == 0o700
    assert mode(home / "cache.key") == 0o600 and (home / "cache.key").stat().st_size == 32
    (model,) = _cache_files(cache)
    assert mode(model) == 0o600
    assert not (cache / "cache.key").exists()  # the key never sits beside the cache


@pytest.mark.parametrize("how", ["plain pickle", "magic + wrong mac", "right mac, other key"])
def test_a_planted_cache_never_runs(dirs: tuple[Path, Path], tmp_path: Path, how: str) -> None:
    home, cache = dirs
    Advisor.load()
    (model,) = _cache_files(cache)
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_Planted(marker))
    if how == "plain pickle":
        data = payload
    elif how == "magic + wrong mac":
        data = model_cache.MAGIC + b"\0" * 32 + payload
    else:
        key = model.name.removeprefix("model-").removesuffix(".pickle")
        data = model_cache.MAGIC + model_cache._mac(b"k" * 32, key, payload) + payload
    model.write_bytes(data)
    engine = Advisor.load()
    assert not marker.exists()
    assert engine.conversation().reply("hi").intent == "greeting"
    assert model.read_bytes().startswith(model_cache.MAGIC) and model.read_bytes() != data  # rebuilt


def test_an_authentic_cache_missing_a_part_is_rebuilt(dirs: tuple[Path, Path]) -> None:
    home, cache = dirs
    engine = Advisor.load()
    (model,) = _cache_files(cache)
    key = model.name.removeprefix("model-").removesuffix(".pickle")
    parts = {k: v for k, v in engine.__dict__.items() if k != "extractor"}
    model_cache.save_model(key, {"engine": parts})
    assert model_cache.load_model(key) is not None  # authentic, but not a whole engine
    assert Advisor.load().conversation().reply("what is dicom?").intent == "concept_info"


@pytest.mark.parametrize("damage", [b"", b"garbage", b"x" * 100])
def test_damaged_cache_or_key_is_ignored(dirs: tuple[Path, Path], damage: bytes) -> None:
    home, cache = dirs
    Advisor.load()
    (model,) = _cache_files(cache)
    model.write_bytes(model_cache.MAGIC + damage)
    assert Advisor.load().conversation().reply("hi").intent == "greeting"
    (home / "cache.key").write_bytes(damage)
    assert Advisor.load().conversation().reply("hi").intent == "greeting"


def test_a_key_others_can_read_is_not_trusted(dirs: tuple[Path, Path]) -> None:
    home, _ = dirs
    assert model_cache.secret_key() is not None
    os.chmod(home / "cache.key", 0o644)
    assert model_cache.secret_key(create=False) is None


def test_stale_temp_files_are_swept_at_start(dirs: tuple[Path, Path]) -> None:
    home, cache = dirs
    Advisor.load()
    old = time.time() - 3600
    stale = cache / ".model-abc.12345.x.tmp"
    dead = cache / f".model-abc.{2**22 + 7}.y.tmp"  # pid above pid_max: no such writer
    fresh = cache / f".model-abc.{os.getpid()}.z.tmp"
    for temp in (stale, dead, fresh):
        temp.write_bytes(b"x")
    os.utime(stale, (old, old))
    Advisor.load()
    assert not stale.exists() and not dead.exists() and fresh.exists()


def test_sweep_keeps_a_live_writers_fresh_temp(tmp_path: Path) -> None:
    live = tmp_path / f".profile.json.{os.getppid()}.abc.tmp"
    live.write_text("{}")
    assert sweep_temps(tmp_path, ".profile.json.*.tmp") == 0 and live.exists()


# -- two terminals, one profile ------------------------------------------------------------

MERGE_WRITER = """
import copy, sys
from pathlib import Path
from advisor.converse.storage import merge_save
path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
state = {"version": 2, "turns": 0, "profile": {"skills": []}, "context": {}}
base = {"skills": []}
for n in range(count):
    state["profile"]["skills"] = state["profile"]["skills"] + [f"{tag}{n}"]
    state["turns"] = n
    saved = merge_save(path, state, base)
    state, base = copy.deepcopy(saved), saved["profile"]
"""


def test_two_processes_writing_one_profile_lose_no_fact(tmp_path: Path) -> None:
    path, count = tmp_path / "profile.json", 150
    writers = [
        subprocess.Popen([sys.executable, "-c", MERGE_WRITER, str(path), tag, str(count)], cwd=ROOT)
        for tag in ("a", "b")
    ]
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    skills = set(json.loads(path.read_text())["profile"]["skills"])
    assert skills == {f"{tag}{n}" for tag in "ab" for n in range(count)}


def test_two_sessions_keep_each_others_facts(engine: Advisor, dirs: tuple[Path, Path]) -> None:
    home, _ = dirs
    one = Session(engine, home / "profile.json", io.StringIO())
    two = Session(engine, home / "profile.json", io.StringIO())
    two.ask("I know DICOM")
    one.ask("I want to become a PACS administrator")
    three = Session(engine, home / "profile.json", io.StringIO())
    assert three.profile["skills"] == ["dicom"] and three.profile["goal"] == "pacs-administrator"
    two.ask("I also know HL7")
    assert "HL7" in " ".join(one.profile_lines())  # /profile shows the merged state
    two.ask("I want to become a RIS analyst")
    one.ask("I know networking")  # one's goal is not re-set from its older copy
    final = Session(engine, home / "profile.json", io.StringIO()).profile
    assert final["goal"] == "ris-analyst" and set(final["skills"]) == {"dicom", "hl7", "networking"}


# -- bounded memory --------------------------------------------------------------------------


def _unknown_words(count: int) -> list[str]:
    letters = "bcdfghjklmnpqrstvwxz"
    words = []
    for n in range(count):
        word = ""
        while True:
            n, r = divmod(n, len(letters))
            word += letters[r]
            if n == 0:
                break
        words.append("qx" + word.ljust(6, "y"))
    return words


def test_unknown_words_keep_the_spelling_memo_at_its_bound(engine: Advisor) -> None:
    speller = engine.speller
    words = _unknown_words(100_000)
    assert len(set(words)) == len(words)
    for word in words:
        speller.correct(word)
    assert len(speller._cache) == SPELL_MEMO_SIZE
    conv = engine.conversation()
    for word in words[:300]:
        conv.reply(f"what does a {word} make")
    assert len(speller._cache) == SPELL_MEMO_SIZE
    assert speller.correct("salry") == "salary"  # still corrects (and remembers) real typos


# -- other holes ------------------------------------------------------------------------------


def test_a_fresh_home_and_its_parents_are_private(engine: Advisor, tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    session = Session(engine, home / "profile.json", io.StringIO())
    session.ask("I know DICOM")
    assert mode(home) == 0o700 and mode(home.parent) == 0o700
    assert mode(home / "profile.json") == 0o600


def test_the_history_file_never_follows_a_symlink(tmp_path: Path) -> None:
    from advisor.converse.storage import private_file

    target = tmp_path / "target"
    target.write_text("secret")
    os.chmod(target, 0o644)
    link = tmp_path / "home" / "history"
    link.parent.mkdir()
    link.symlink_to(target)
    with pytest.raises(OSError):
        private_file(link)
    assert mode(target) == 0o644 and target.read_text() == "secret"


def test_the_chat_keeps_history_in_memory_when_the_file_is_a_symlink(dirs: tuple[Path, Path]) -> None:
    from prompt_toolkit.history import InMemoryHistory

    from advisor.terminal.repl import open_history

    home, _ = dirs
    home.mkdir()
    (home / "history").symlink_to(home / "elsewhere")
    assert isinstance(open_history(), InMemoryHistory) and not (home / "elsewhere").exists()


def test_an_unreadable_profile_is_reported_not_replaced(
    engine: Advisor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({"version": 2, "profile": {"goal": "pacs-analyst"}}))
    before = path.read_bytes()
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)  # as root, mode 0000 would still be readable
    err = io.StringIO()
    session = Session(engine, path, err)
    session.ask("I know DICOM")
    session.ask("I know HL7")
    monkeypatch.undo()
    assert "Permission denied" in err.getvalue() and "left as it is" in err.getvalue()
    assert err.getvalue().count("could not save") == 1
    assert path.read_bytes() == before and not list(tmp_path.glob("profile.json.bak*"))


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_knowledge_files_that_are_not_regular_files_are_refused(tmp_path: Path, kind: str) -> None:
    import shutil

    from advisor.knowledge.dataset import DEFAULT_KNOWLEDGE, validate

    kdir = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE, kdir)
    (kdir / "roles.json").unlink()
    if kind == "fifo":
        os.mkfifo(kdir / "roles.json")
    else:
        (kdir / "roles.json").symlink_to("/dev/zero")
    problems = validate(kdir)
    assert [p.line() for p in problems if p.file == "roles.json"] == [
        "roles.json: $: this is not a regular file (a pipe or a device?) "
        "(hint: replace it with the JSON file roles.json)"
    ]


def test_validate_guesses_with_bounded_work(tmp_path: Path) -> None:
    import shutil

    from advisor.config import GUESS_BUDGET
    from advisor.knowledge.dataset import DEFAULT_KNOWLEDGE, validate

    kdir = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE, kdir)
    data = json.loads((kdir / "pay.json").read_text())
    fact = data["facts"][0]
    bad = [{**fact, "id": f"x{n}", "role": f"pacs-analystt{n}"} for n in range(GUESS_BUDGET + 50)]
    data["facts"] = [{**fact, "id": "x", "role": "pacs-analystt"}, *bad]
    (kdir / "pay.json").write_text(json.dumps(data))
    lines = [p.line() for p in validate(kdir) if "unknown role 'pacs-analystt" in p.message]
    assert "did you mean 'pacs-analyst'?" in lines[0]
    assert len(lines) == GUESS_BUDGET + 51
    assert sum("did you mean" in line for line in lines) <= GUESS_BUDGET


KILLED_WRITER = """
import sys
from pathlib import Path
from advisor.converse.storage import merge_save
path, n = Path(sys.argv[1]), 0
while True:
    n += 1
    merge_save(path, {"version": 2, "turns": n, "profile": {"years": n % 60}, "context": {}}, {})
"""


def test_kill_9_of_a_writer_leaves_a_valid_profile_and_no_temp_file(tmp_path: Path) -> None:
    import signal

    from advisor.converse.storage import load_state

    path = tmp_path / "profile.json"
    for delay in (0.3, 0.35, 0.4, 0.45, 0.5):
        proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)], cwd=ROOT)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if path.exists():
            state, warning = load_state(path)  # the next start
            assert state is not None and warning == "" and mode(path) == 0o600
        assert not list(tmp_path.glob("*.tmp"))
