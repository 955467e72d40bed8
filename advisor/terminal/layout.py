"""Fit a reply to the terminal: bar charts re-scaled to the width, other lines wrapped.

Replies are made for config.REPLY_WIDTH columns; here the chart's label column and bar
scale adapt to the real width (labels shortened with '…' only when the bar is already at
its minimum), and every other line wraps with its indentation kept (bullets hang).
"""

from __future__ import annotations

import re
import shutil
import textwrap
from typing import TextIO

from advisor.config import MAX_BAR, MIN_BAR, RE, REPLY_WIDTH

_EIGHTHS = " ▏▎▍▌▋▊▉"
CHART_LINE = re.compile(r"^(?P<indent> *)(?P<label>\S.*?) +(?P<bar>█*[▏▎▍▌▋▊▉]?) (?P<value>\S+)$")
MIN_LABEL = 8
_GLUE = "\ue000"  # stands for a space inside a source tag while wrapping (private use)


def width_of(stream: TextIO) -> int:
    """The terminal's width, or REPLY_WIDTH when the output is piped or a file."""
    try:
        if stream.isatty():
            return shutil.get_terminal_size((REPLY_WIDTH, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return REPLY_WIDTH


def fit(text: str, width: int) -> str:
    """The reply laid out for `width` columns."""
    out: list[str] = []
    chart: list[re.Match[str]] = []
    for line in text.split("\n"):
        match = CHART_LINE.match(line) if "█" in line or any(c in line for c in _EIGHTHS[1:]) else None
        if match:
            chart.append(match)
            continue
        if chart:
            out += _chart(chart, width)
            chart = []
        out.append(wrap(line, width))
    if chart:
        out += _chart(chart, width)
    return "\n".join(out)


def _eighths(bar: str) -> int:
    full = bar.count("█")
    tail = bar[full:]
    return full * 8 + (_EIGHTHS.index(tail) if tail else 0)


def _chart(rows: list[re.Match[str]], width: int) -> list[str]:
    """Re-draw a block of chart rows for `width`: same proportions, labels shortened last."""
    indent = min(len(r["indent"]) for r in rows)
    labels = [r["label"].rstrip() for r in rows]
    values = [r["value"] for r in rows]
    sizes = [_eighths(r["bar"]) for r in rows]
    room = width - indent - 2 - max(map(len, values))
    column = max(MIN_LABEL, min(max(map(len, labels)), room - MIN_BAR))
    cells = max(1, min(MAX_BAR, room - column))
    top = max(sizes) or 1
    lines = []
    for label, value, size in zip(labels, values, sizes, strict=True):
        shown = label if len(label) <= column else label[: column - 1] + "…"
        eighths = round(size / top * cells * 8)
        bar = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
        lines.append(f"{' ' * indent}{shown.ljust(column)} {bar} {value}")
    return lines


def wrap(text: str, width: int) -> str:
    """Wrap each line to the width, keeping its indentation (bullets and numbers hang).

    A source tag is one unit: "[PACS Boot Camp]" moves to the next line whole.

    >>> print(wrap("  • Average salary: $73,321 a year [PACS Boot Camp]", 40))
      • Average salary: $73,321 a year
        [PACS Boot Camp]
    """
    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        marker = RE.LIST_MARKER.match(stripped)
        glued = RE.SOURCE_TAG.sub(lambda m: m.group().replace(" ", _GLUE), line)
        filled = textwrap.fill(
            glued,
            width=max(20, width),
            subsequent_indent=indent + " " * (len(marker.group()) if marker else 0),
            break_on_hyphens=False,
            break_long_words=False,
        )
        out.append(filled.replace(_GLUE, " ") if stripped else "")
    return "\n".join(out)


def toolbar(goal: str, profile: str, width: int) -> str:
    """The chat's bottom line, shortened to fit: the /help hint goes first, then the labels,
    then the profile summary's last items (a '…' says some are hidden), then a hard cut."""
    room = max(10, width - 1)
    for line in (f" goal: {goal} │ profile: {profile} │ /help", f" goal: {goal} │ profile: {profile}"):
        if len(line) <= room:
            return line
    items = profile.split(", ")
    while True:
        line = f" {goal} │ {', '.join(items)}" + ("" if ", ".join(items) == profile else ", …")
        if len(line) <= room or len(items) == 1:
            break
        items.pop()
    return line if len(line) <= room else line[: room - 1] + "…"
