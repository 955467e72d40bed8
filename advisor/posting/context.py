"""The field a posting's title names ('PACS' of 'PACS Administrator') is context in its
sentences; these rules say where a piece asks for it as such all the same."""

from __future__ import annotations

from advisor.posting.lexicon import CONNECTORS, Lexicon


def asks_as_such(tokens: list[str], terms: int, lex: Lexicon) -> bool:
    """True when a piece asks for what it names as such: 'knowledge of PACS', or the
    names alone on their line ('PACS (Required)'), not 'experience of a PACS project'."""
    if lex.knowledge_words & set(tokens):
        return True
    return sum(t not in lex.heading_words for t in tokens) <= terms


def named_as_such(tokens: list[str], spans: list[tuple[int, int, str]], lex: Lexicon) -> set[str]:
    """Ids a piece names as things of their own, not as words of another noun: listed
    with another item ('PACS, RIS or a worklist', 'PACS and RIS systems'), or the object of
    a qualification ('experience with a vendor neutral archive (VNA)', 'experience with
    Sectra or Fuji PACS'); not 'experience of PACS procurement' or 'duties of the PACS and
    other systems'."""
    merged: list[tuple[int, int, str]] = []
    for span in spans:  # 'vendor neutral archive (VNA)': one mention
        if merged and merged[-1][2] == span[2] and merged[-1][1] == span[0]:
            span = (merged.pop()[0], span[1], span[2])
        merged.append(span)
    starts, ends = {s: i for s, _, i in merged}, {e: i for _, e, i in merged}
    out = set()
    for start, end, node_id in merged:
        after = end + (end < len(tokens) and tokens[end] in lex.coordinators)
        before = start - (start > 0 and tokens[start - 1] in lex.coordinators)
        listed = starts.get(after, node_id) != node_id or ends.get(before, node_id) != node_id
        head = end == len(tokens) or after > end  # not 'PACS procurement'
        last = end == len(tokens) and bool(lex.qualification_words & set(tokens[:start]))
        if listed or last or head and _object_of_qualification(tokens, start, lex):
            out.add(node_id)
    return out


def _object_of_qualification(tokens: list[str], start: int, lex: Lexicon) -> bool:
    """'experience with a …', 'knowledge of the …': a qualification word just before."""
    j = start - 1
    while j >= 0 and start - j <= 3 and tokens[j] in CONNECTORS:
        j -= 1
    return j >= 0 and tokens[j] in lex.qualification_words
