"""Per-conversation state: the user's profile and the dialogue context. Small and JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from advisor.config import MAX_CE_HOURS, MAX_TURNS, MAX_YEARS
from advisor.errors import ProfileError
from advisor.state_schema import check_state

STATE_VERSION = 2
UNDO_LIMIT = 10  # earlier profiles kept for "undo" / "that's wrong"
DEGREE_RANK = {"high-school": 1, "associate": 2, "bachelor": 3, "master": 4}


@dataclass
class Profile:
    degree: str | None = None  # highest: high-school | associate | bachelor | master
    degree_field: str | None = None
    current_role: str | None = None  # a role id from the graph
    background: str | None = None  # a job the graph does not know, as the user said it
    years: float | None = None  # years of work experience
    skills: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    goal: str | None = None  # a role id
    place: str | None = None  # a place id
    ce_hours: float | None = None  # continuing-education hours (the CIIP check)

    def has_background(self) -> bool:
        """True when the user said anything about what they already have."""
        return bool(
            self.degree
            or self.current_role
            or self.background
            or self.years is not None
            or self.skills
            or self.certifications
            or self.ce_hours is not None
        )


@dataclass
class Context:
    role: str | None = None
    other_role: str | None = None  # the second role of the last comparison
    certification: str | None = None
    place: str | None = None
    topic: str | None = None  # last concept / skill / organisation
    seniority: str | None = None
    intent: str | None = None  # last answered intent
    step: str | None = None  # the step the last next-step answer put forward ("skill:dicom")
    pending: dict[str, Any] | None = None  # a "Did you mean …?" waiting for an answer
    last: str | None = None  # what the user named last: role | certification | topic
    changed: int | None = None  # the turn that last changed the profile


@dataclass
class State:
    profile: Profile = field(default_factory=Profile)
    context: Context = field(default_factory=Context)
    turns: int = 0
    undo: list[dict[str, Any]] = field(default_factory=list)  # earlier profiles, newest last

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "turns": self.turns,
            "profile": asdict(self.profile),
            "context": asdict(self.context),
            "undo": [dict(p) for p in self.undo],
        }

    def changed_last_turn(self) -> bool:
        """Did the message before this one change the profile?"""
        return self.context.changed is not None and self.context.changed == self.turns - 1

    def remember_profile(self) -> None:
        """Keep the profile as it is now, so the next change can be undone."""
        self.undo = [*self.undo, asdict(self.profile)][-UNDO_LIMIT:]

    def restore_profile(self) -> bool:
        """Back to the profile before the last change; False when there is none."""
        if not self.undo:
            return False
        self.profile = _build(Profile, self.undo[-1])
        self.undo = self.undo[:-1]
        return True

    @classmethod
    def from_dict(cls, data: Any) -> State:
        """Load a dumped state; older versions are migrated; bad data raises ProfileError."""
        if not isinstance(data, dict):
            raise ProfileError("state must be a JSON object")
        data = migrate(data)
        check_state(data)  # advisor/schema/state.schema.json: types, sizes, finite numbers
        try:
            profile = _build(Profile, data.get("profile") or {})
            context = _build(Context, data.get("context") or {})
            turns = int(data.get("turns", 0))
            undo = data.get("undo") or []
            if not isinstance(undo, list):
                raise TypeError("undo must be a list of profiles")
            undo = [asdict(_build(Profile, p)) for p in undo[-UNDO_LIMIT:]]
        except (TypeError, ValueError) as err:
            raise ProfileError(f"state has a wrong value: {err}") from None
        return cls(profile, context, turns, undo)


def prune(state: State, known: Any) -> list[str]:
    """Drop ids `known` does not contain (knowledge changed since the state was saved).

    Returns the profile's dropped ids (what the user told us); stale context ids go silently.
    """
    p, c = state.profile, state.context
    dropped: list[str] = []
    for holder, names, report in (
        (p, ("current_role", "goal", "place"), dropped),
        (c, ("role", "other_role", "certification", "place", "topic"), []),
    ):
        for name in names:
            value = getattr(holder, name)
            if value and value not in known:
                report.append(value)
                setattr(holder, name, None)
    for name in ("skills", "certifications"):
        values = getattr(p, name)
        dropped += [v for v in values if v not in known]
        setattr(p, name, [v for v in values if v in known])
    if c.pending is not None and not isinstance(c.pending.get("options"), list):
        c.pending = None
    return dropped


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept the profile at the top level with 'experience_years' and 'certs'."""
    version = data.get("version", 1)
    if not isinstance(version, int) or version > STATE_VERSION:
        raise ProfileError(f"unsupported state version {version!r}")
    if version == 1:
        old = {k: v for k, v in data.items() if k not in ("version", "context", "turns")}
        profile = old.get("profile", old)
        if not isinstance(profile, dict):
            raise ProfileError("$.profile: a version 1 profile must be an object")
        profile = dict(profile)
        if "experience_years" in profile:
            profile["years"] = profile.pop("experience_years")
        if "certs" in profile:
            profile["certifications"] = profile.pop("certs")
        data = {
            "version": STATE_VERSION,
            "profile": profile,
            "context": data.get("context", {}),
            "turns": data.get("turns", 0),
        }
    return data


# number fields of the profile → their largest allowed value
NUMBER_LIMITS = {"years": MAX_YEARS, "ce_hours": MAX_CE_HOURS, "changed": MAX_TURNS}


def _check_number(name: str, value: Any, top: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= top:
        raise ValueError(f"{name} must be a number from 0 to {top}")


def _build(kind: Any, raw: Any) -> Any:
    if not isinstance(raw, dict):
        raise TypeError(f"{kind.__name__.lower()} must be an object")
    values = {}
    for f in fields(kind):
        if f.name not in raw:
            continue
        value = raw[f.name]
        if f.name in ("skills", "certifications"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"{f.name} must be a list of ids")
            value = list(dict.fromkeys(value))
        elif f.name in NUMBER_LIMITS:
            _check_number(f.name, value, NUMBER_LIMITS[f.name])
        elif f.name == "pending":
            if value is not None and not isinstance(value, dict):
                raise TypeError("pending must be an object")
        elif value is not None and not isinstance(value, str):
            raise TypeError(f"{f.name} must be text")
        values[f.name] = value
    return kind(**values)
