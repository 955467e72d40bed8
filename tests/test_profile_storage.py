"""Profile storage: atomic writes, mode 0600, bad files moved aside (never overwritten),
old versions migrated, and crashes or kills while saving never lose the profile."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor
from advisor.converse.session import Session
from advisor.converse.storage import (
    data_dir,
    default_profile_path,
    load_state,
    private_file,
    save_state,
)
from advisor.state import State

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "home"


@pytest.fixture(scope="module")
def engine() -> Advisor:
    return Advisor.load()


def a_state(**profile: Any) -> dict[str, Any]:
    state = State().to_dict()
    state["profile"].update(profile)
    return state


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def moved_warning(path: Path, reason: str, backup: str = ".bak") -> str:
    return (
        f"warning: your profile could not be read ({reason}); it was moved to "
        f"{path}{backup} and a new one started"
    )


# -- where, and how it is written -----------------------------------------------------------
def test_advisor_home_decides_where_data_lives(home: Path) -> None:
    assert data_dir() == home
    assert default_profile_path() == home / "profile.json"


def test_roundtrip(home: Path) -> None:
    path = home / "profile.json"
    state = a_state(goal="pacs-analyst", years=3.5, skills=["dicom", "hl7"])
    save_state(path, state)
    assert load_state(path) == (state, "")


def test_saved_file_and_folder_are_private(home: Path) -> None:
    path = home / "deeper" / "profile.json"
    old = os.umask(0o022)
    try:
        save_state(path, a_state())
    finally:
        os.umask(old)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_saving_over_a_world_readable_file_makes_it_private(home: Path) -> None:
    path = home / "profile.json"
    home.mkdir()
    path.write_text(json.dumps(a_state()), "utf-8")
    path.chmod(0o644)
    save_state(path, a_state(goal="pacs-analyst"))
    assert mode(path) == 0o600


def test_private_file_fixes_the_mode(tmp_path: Path) -> None:
    history = tmp_path / "history"
    history.write_text("+hi\n", "utf-8")
    history.chmod(0o666)
    assert mode(private_file(history)) == 0o600
    assert history.read_text("utf-8") == "+hi\n"


def test_missing_file_is_a_fresh_start(home: Path) -> None:
    assert load_state(home / "profile.json") == (None, "")


# -- bad files are moved aside, never overwritten -------------------------------------------
BAD_FILES = {
    "corrupt JSON": (b'{"version": 2, "profile": {', "it is not valid JSON"),
    "empty file": (b"", "it is not valid JSON"),
    "binary garbage": (bytes(range(256)) * 4, "it is not UTF-8 text"),
    "not an object": (b"[1, 2, 3]", "state must be a JSON object"),
    "years as text": (
        b'{"version": 2, "profile": {"years": "three"}}',
        '$.profile.years: "three" is not a number',
    ),
    "skills not a list": (
        b'{"version": 2, "profile": {"skills": "dicom"}}',
        '$.profile.skills: "dicom" is not a list',
    ),
    "profile a list": (
        b'{"version": 2, "profile": ["x"]}',
        "$.profile: a list is not an object",
    ),
    "goal a number": (
        b'{"version": 2, "profile": {"goal": 7}}',
        "$.profile.goal: 7 is not text",
    ),
    "future version": (b'{"version": 99}', "unsupported state version 99"),
}


@pytest.mark.parametrize(("content", "reason"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_is_moved_aside_with_a_warning(home: Path, content: bytes, reason: str) -> None:
    path = home / "profile.json"
    home.mkdir()
    path.write_bytes(content)
    assert load_state(path) == (None, moved_warning(path, reason))
    assert not path.exists()
    assert (home / "profile.json.bak").read_bytes() == content


def test_an_older_backup_is_never_overwritten(home: Path) -> None:
    path = home / "profile.json"
    home.mkdir()
    for n, content in enumerate([b"first", b"second", b"third"]):
        path.write_bytes(content)
        backup = ".bak" if n == 0 else f".bak{n}"
        assert load_state(path) == (None, moved_warning(path, "it is not valid JSON", backup))
    assert [(home / f"profile.json{b}").read_bytes() for b in (".bak", ".bak1", ".bak2")] == [
        b"first",
        b"second",
        b"third",
    ]


def test_a_folder_in_the_way_is_left_alone(home: Path) -> None:
    path = home / "profile.json"
    path.mkdir(parents=True)
    assert load_state(path) == (
        None,
        f"warning: could not read your profile {path} (it is not a regular file); starting fresh",
    )
    assert path.is_dir()


def test_session_warns_once_and_starts_fresh(engine: Advisor, home: Path) -> None:
    path = home / "profile.json"
    home.mkdir()
    path.write_text("{oops", "utf-8")
    stderr = io.StringIO()
    session = Session(engine, None, stderr)
    assert stderr.getvalue() == moved_warning(path, "it is not valid JSON") + "\n"
    assert session.first_run
    session.ask("I live in Boston")
    assert load_state(path)[0]["profile"]["place"] == "boston"  # type: ignore[index]
    assert (home / "profile.json.bak").read_text("utf-8") == "{oops"


# -- older versions ---------------------------------------------------------------------------
VERSION_1 = {
    "version": 1,
    "experience_years": 3,
    "certs": ["ciip"],
    "goal": "pacs-analyst",
    "current_role": "radiologic-technologist",
}


def test_version_1_is_migrated(home: Path) -> None:
    path = home / "profile.json"
    home.mkdir()
    path.write_text(json.dumps(VERSION_1), "utf-8")
    state, warning = load_state(path)
    assert warning == ""
    assert state is not None and state["version"] == 2
    assert state["profile"] == {
        **State().to_dict()["profile"],
        "years": 3,
        "certifications": ["ciip"],
        "goal": "pacs-analyst",
        "current_role": "radiologic-technologist",
    }


def test_version_1_profile_works_in_a_session(engine: Advisor, home: Path) -> None:
    home.mkdir()
    (home / "profile.json").write_text(json.dumps(VERSION_1), "utf-8")
    session = Session(engine, None, io.StringIO())
    assert session.goal() == "PACS Analyst"
    assert session.ask("what should I learn next?").text.startswith("Next step toward PACS Analyst")


def test_ids_the_knowledge_no_longer_has_are_dropped(engine: Advisor, home: Path) -> None:
    save_state(home / "profile.json", a_state(goal="retired-role", skills=["dicom", "gone"]))
    stderr = io.StringIO()
    session = Session(engine, None, stderr)
    assert stderr.getvalue() == (
        "warning: your profile mentions things I no longer know; forgot: retired-role, gone\n"
    )
    assert session.profile["goal"] is None
    assert session.profile["skills"] == ["dicom"]
    assert session.ask("what should I learn next?").intent == "next_step"


# -- crashes and kills while saving ---------------------------------------------------------
def test_failed_rename_keeps_the_old_profile(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = home / "profile.json"
    old = a_state(goal="pacs-analyst")
    save_state(path, old)

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_state(path, a_state(goal="pacs-manager"))
    monkeypatch.undo()
    assert load_state(path) == (old, "")
    assert sorted(p.name for p in home.iterdir()) == ["profile.json"]  # no temp file left


def test_session_reports_a_failed_save(engine: Advisor, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    session = Session(engine, None, stderr)

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    session.ask("I live in Boston")
    assert stderr.getvalue() == (
        f"warning: could not save your profile to {home / 'profile.json'}: No space left on device\n"
    )


CRASH_IN_SAVE = """
import os, sys
from pathlib import Path
from advisor.converse.storage import save_state
os.replace = lambda src, dst: os._exit(9)  # die after the temp file is written and synced
save_state(Path(sys.argv[1]), {"version": 2, "profile": {"goal": "pacs-manager"}})
"""


def test_process_dying_inside_save_keeps_the_old_profile(home: Path) -> None:
    path = home / "profile.json"
    old = a_state(goal="pacs-analyst")
    save_state(path, old)
    done = subprocess.run([sys.executable, "-c", CRASH_IN_SAVE, str(path)], cwd=ROOT, timeout=120)
    assert done.returncode == 9
    leftovers = [p.name for p in home.iterdir() if p.name.startswith(".profile.json.")]
    assert len(leftovers) == 1  # the dead writer's temp file ...
    assert load_state(path) == (old, "")
    assert not [p for p in home.iterdir() if p.name.startswith(".profile.json.")]  # ... swept


def test_stale_temp_files_are_swept_on_load(home: Path) -> None:
    path = home / "profile.json"
    save_state(path, a_state())
    stale, fresh = home / ".profile.json.old.tmp", home / ".profile.json.new.tmp"
    stale.write_text("{", "utf-8")
    fresh.write_text("{", "utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    assert load_state(path) == (a_state(), "")
    assert not stale.exists()
    assert fresh.exists()  # it may be another process's save in progress


WRITER_LOOP = """
import sys
from pathlib import Path
from advisor.converse.storage import save_state
path, n = Path(sys.argv[1]), 0
print("ready", flush=True)
while True:
    n += 1
    save_state(path, {"version": 2, "turns": n, "profile": {"skills": ["dicom"] * (n % 500)},
                      "context": {}})
"""


def test_killing_a_writer_never_leaves_a_broken_profile(home: Path) -> None:
    path = home / "profile.json"
    save_state(path, a_state())
    turns_seen = set()
    for attempt in range(25):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER_LOOP, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(0.005 * (attempt % 7))  # kill at different points of the loop
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=60)
        writer.stdout.close()
        state, warning = load_state(path)
        assert warning == ""
        assert state is not None
        turns_seen.add(state["turns"])
    assert len(turns_seen) > 1  # the writer really was writing when it was killed
    assert not list(home.glob("profile.json.bak*"))
