"""The faster paths give what the plain definitions give, and their memos stay bounded."""

from __future__ import annotations

import gc
import io
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import Advisor
from advisor.config import PARSE_MEMO_SIZE, RE
from advisor.terminal.cli import run
from advisor.text import count, normalize, tokenize
from advisor.understand.entities import PLACEHOLDER, Entity, EntityExtractor, Parsed
from advisor.understand.intents import IntentClassifier, features, stem
from advisor.understand.lexicon import ACT_LISTS, Lexicon
from advisor.understand.numbers import find_years

# words from every cue list plus a few others, so phrases occur often in random messages
LEX = Lexicon.from_data(
    {
        "acts": {
            "question_phrases": ["my question is", "i was wondering", "question"],
            "question_pairs": ["how do", "what is", "can i"],
            "goodbye_words": ["bye", "see you", "see you later"],
        }
    }
)
WORDS = [
    "my",
    "question",
    "is",
    "i",
    "was",
    "wondering",
    "how",
    "do",
    "what",
    "can",
    "bye",
    "see",
    "you",
    "later",
    "x",
]


def _plain_find(lex: Lexicon, name: str, tokens: list[str], start: int) -> int | None:
    """The definition: the first index where a phrase of the list starts."""
    return next((i for i in range(start, len(tokens)) if lex.starts(name, tokens[i:])), None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.integers(0, 4))
def test_find_is_the_first_phrase_start(tokens: list[str], start: int) -> None:
    for name in ("question_phrases", "question_pairs", "goodbye_words", "small_talk"):
        assert LEX.find(name, tokens, start) == _plain_find(LEX, name, tokens, start)
        assert LEX.has(name, tokens) == (_plain_find(LEX, name, tokens, 0) is not None)
        assert LEX.find(name, tuple(tokens), start) == _plain_find(LEX, name, tokens, start)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_find_on_the_shipped_cue_lists(engine: Advisor, data: st.DataObject) -> None:
    lex = engine.lexicon
    words = sorted({w for table in lex.phrases.values() for ps in table.values() for p in ps for w in p})
    said = data.draw(st.lists(st.sampled_from([*words, "pacs", "x"]), max_size=15))
    for name in ACT_LISTS:
        for start in (0, 1, 2):
            assert lex.find(name, said, start) == _plain_find(lex, name, said, start), name


@pytest.mark.parametrize(
    "text", ["how much does a pacs admin make in boston", "i have 3 years as a rad tech", "anlyst salry"]
)
def test_a_remembered_parse_is_the_parse(engine: Advisor, text: str) -> None:
    tokens = text.split()
    first = engine.extractor.parse(tokens)
    assert engine.extractor.parse(list(tokens)) is first
    assert first == engine.extractor._parse(tokens)


def test_the_parse_memo_is_bounded(engine: Advisor) -> None:
    for n in range(5 * PARSE_MEMO_SIZE):
        engine.extractor.parse(["pacs", "analyst", str(n)])
    assert len(engine.extractor._recent) <= PARSE_MEMO_SIZE


# a cached start answers a plain question without these (each costs milliseconds to import)
NOT_AT_A_CACHED_START = (
    "wordfreq",
    "jsonschema",
    "prompt_toolkit",
    "rapidfuzz",
    "advisor.posting.extract",
    "tempfile",
)


def test_a_cached_start_imports_only_what_it_needs(tmp_path: Path) -> None:
    env = {**os.environ, "ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ADVISOR_NO_CACHE", None)
    ask = [sys.executable, "-m", "advisor", "ask", "hi"]
    subprocess.run(ask, env=env, check=True, capture_output=True)  # builds the engine cache
    probe = (
        "import sys, json\n"
        "from advisor.terminal.cli import main\n"
        "import gc\n"
        "code = main(['ask', 'how much does a PACS admin make?'])\n"
        "print(json.dumps([code, sorted(sys.modules), gc.isenabled(), gc.get_freeze_count()]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True)
    code, modules, collecting, frozen = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0
    assert collecting and frozen > 10_000  # the engine was made with gc paused, then frozen
    assert [
        m for m in modules if m.split(".")[0] in NOT_AT_A_CACHED_START or m in NOT_AT_A_CACHED_START
    ] == []


def test_run_alone_leaves_the_garbage_collector_alone() -> None:
    frozen = gc.get_freeze_count()
    out, err = io.StringIO(), io.StringIO()
    assert run(["ask", "hi"], io.StringIO(), out, err) == 0
    assert "Hello" in out.getvalue()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def _plain_keyword_hits(engine: Advisor, parsed: Parsed) -> dict[str, int]:
    """The definition: every intent's single keywords among the tokens, phrases in the text."""
    stems = [stem(t) for t in parsed.tokens]
    joined = f" {' '.join(stems)} "
    hits = {}
    for name, (singles, phrases) in engine.classifier.keywords.items():
        count = len(singles & set(stems)) + sum(1 for p in phrases if p in joined)
        if count:
            hits[name] = count
    return hits


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_keyword_hits_are_every_intents_keywords_found(engine: Advisor, data: st.DataObject) -> None:
    words = sorted({w for singles, phrases in engine.classifier.keywords.values() for w in singles})
    words += sorted(
        {w for _, phrases in engine.classifier.keywords.values() for p in phrases for w in p.split()}
    )
    said = data.draw(st.lists(st.sampled_from([*words, "pacs", "x"]), max_size=14))
    parsed = engine.extractor.parse(said)
    hits = engine.classifier._keyword_hits(parsed)
    assert hits == _plain_keyword_hits(engine, parsed)
    assert list(hits) == list(_plain_keyword_hits(engine, parsed))  # the same order: it orders features


def _plain_nearest(
    classifier: IntentClassifier, query: dict[str, float]
) -> dict[str, tuple[float, float, int]]:
    """The definition: dots in the order the query reaches the examples; per intent the
    best, the second best, and the first example reaching the best."""
    dots: dict[int, float] = defaultdict(float)
    for feat, weight in query.items():
        for index, doc_weight in classifier.postings.get(feat, ()):
            dots[index] += weight * doc_weight
    best: dict[str, tuple[float, float, int]] = {}
    for index, dot in dots.items():
        name = classifier.doc_intent[index]
        first, second, at = best.get(name, (0.0, 0.0, -1))
        if dot > first:
            best[name] = (dot, first, index)
        elif dot > second:
            best[name] = (first, dot, at)
    return best


def test_nearest_examples_of_every_intent_example(engine: Advisor) -> None:
    classifier, ties = engine.classifier, 0
    for intent in classifier.intents.values():
        for example in intent.examples:
            query = classifier._weigh(features(engine.extractor.parse(tokenize(normalize(example))).delex))
            assert classifier._nearest(query) == _plain_nearest(classifier, query), example
            ties += any(first == second for first, second, _ in classifier._nearest(query).values())
    assert ties  # the tie rule (the example reached first) was exercised


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_nearest_examples_of_random_messages(engine: Advisor, data: st.DataObject) -> None:
    words = sorted({w for f in engine.classifier.postings for w in f.split() if w.isalpha()})
    said = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=60))
    query = engine.classifier._weigh(features(said))
    assert engine.classifier._nearest(query) == _plain_nearest(engine.classifier, query)


def _plain_match(
    extractor: EntityExtractor, tokens: list[str], i: int
) -> tuple[int, tuple[str, str, str]] | None:
    """The definition: grow the n-gram from token i while it can still become an alias."""
    best, gram = None, ()
    for n in range(1, len(tokens) - i + 1):
        gram += (tokens[i + n - 1],)
        hit = extractor.table.get(gram)
        last = gram[-1]
        if hit is None and len(last) > 3 and last.endswith("s"):
            hit = extractor.table.get(gram[:-1] + (last[:-1],))
        if hit is not None:
            best = (i + n, hit)
        if gram not in extractor.prefixes:
            break
    return best


def _plain_parse(extractor: EntityExtractor, tokens: list[str]) -> Parsed:
    """The definition of a parse (as it was before the fast paths): an alias tried at every word."""
    speller = extractor.speller
    corrections, fixed, unknown = [], [], []
    for token in tokens:
        better = speller.correct(token) or extractor._alias_typo(token)  # the repair is not a fast path
        if better:
            corrections.append((token, better))
            fixed.append(better)
        else:
            fixed.append(token)
            if not speller.is_word(token) and not RE.NUMBER_WORDS.match(token):
                unknown.append(token)
    entities: list[Entity] = []
    delex: list[str] = []
    i, years = 0, find_years(fixed)
    while i < len(fixed):
        if i in years:
            span = years[i]
            if span.usable:
                text = " ".join(tokens[i : span.end])
                entities.append(
                    Entity("years", str(span.value), count(span.value, "year"), text, i, span.end)
                )
            delex.append(PLACEHOLDER["years"])
            i = span.end
            continue
        hit = _plain_match(extractor, fixed, i)
        if hit is None:
            delex.append("<num>" if RE.NUMBER_WORDS.match(fixed[i]) else fixed[i])
            i += 1
            continue
        end, (kind, node_id, name) = hit
        if kind == "role" and extractor._elsewhere(fixed, i, end):  # not a fast path
            delex.append(fixed[i])
            i += 1
            continue
        if kind == "degree" and not extractor._degree_in_context(fixed, i, end):
            delex.append(fixed[i])
            i += 1
            continue
        fuzzy = fixed[i:end] != tokens[i:end]
        entities.append(Entity(kind, node_id, name, " ".join(tokens[i:end]), i, end, fuzzy))
        delex.extend(extractor._placeholder(kind, node_id, fixed[i:end]))
        i = end
    return Parsed(tuple(fixed), tuple(entities), tuple(delex), tuple(unknown), tuple(corrections))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_parse_is_the_plain_parse(engine: Advisor, data: st.DataObject) -> None:
    extractor = engine.extractor
    words = sorted({w for key in extractor.table for w in key})
    pool = [
        *words,
        *(w + "s" for w in words[:300]),
        "x",
        "3",
        "-2",
        "4.5",
        "\u0663",
        "years",
        "a",
        "bs",
        "in",
    ]
    said = data.draw(st.lists(st.sampled_from(pool), max_size=25))
    assert extractor._parse(said) == _plain_parse(extractor, said)


def test_every_example_parses_as_the_plain_parse(engine: Advisor) -> None:
    for intent in engine.classifier.intents.values():
        for example in intent.examples:
            said = tokenize(normalize(example))
            assert engine.extractor._parse(said) == _plain_parse(engine.extractor, said), example
