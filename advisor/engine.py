"""The engine: loaded once, immutable, shared by every conversation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from advisor.config import EVERYDAY_WORDS
from advisor.converse.conversation import Conversation
from advisor.knowledge.dataset import DEFAULT_INTENTS, DEFAULT_KNOWLEDGE, DataSet, data_paths, load
from advisor.knowledge.graph import Graph
from advisor.knowledge.loading import files_digest
from advisor.knowledge.model_cache import load_model, model_key, save_model
from advisor.posting.lexicon import build as build_lexicon
from advisor.state import State, prune
from advisor.text import normalize, tokenize
from advisor.understand.entities import EntityExtractor
from advisor.understand.intents import OUT_OF_SCOPE, IntentClassifier
from advisor.understand.lexicon import Lexicon
from advisor.understand.spelling import Speller, english_words, everyday_words


class Advisor:
    """Knowledge graph, intent catalog, entity extractor and classifier."""

    def __init__(self, data: DataSet) -> None:
        self.graph = data.graph
        self.catalog = {i.name: i for i in data.intents}
        self.slots = data.slots
        self.posting = build_lexicon(data.posting, data.slots, data.graph)
        self.common_words = frozenset(data.slots["known_words"])
        self.lexicon = Lexicon.from_data(data.slots.get("lexicon"))
        self._build(data)

    def _build(self, data: DataSet) -> None:
        vocab: Counter[str] = Counter()
        trusted: set[str] = set()
        said: dict[str, list[str]] = {}  # each example's tokens: normalised once, parsed once below
        for key in self.graph.aliases:
            trusted.update(key)
        for name in self.graph.places_without_figures:  # never "corrected" into another word
            trusted.update(name.split())
        for intent in data.intents:
            for text in (*intent.keywords, *intent.topics):
                trusted.update(tokenize(normalize(text)))
            for text in intent.examples:
                said[text] = said.get(text) or tokenize(normalize(text))
                vocab.update(said[text])
        for words in (
            *data.slots["degree"].values(),
            *data.slots["seniority"].values(),
            data.slots["fields"],
            data.slots["known_words"],
        ):
            for phrase in words:
                trusted.update(phrase.split())
        for phrases in self.lexicon.acts.values():  # cue words the rules read are words we know
            for phrase in phrases:
                trusted.update(w for w in phrase.split() if w.isalpha())
        vocab.update({word: 3 for word in trusted})
        self.speller = Speller(vocab, frozenset(trusted), english_words())
        self.everyday = everyday_words(EVERYDAY_WORDS)
        oos = next((i for i in data.intents if i.name == OUT_OF_SCOPE), None)
        other_careers = (
            frozenset(" ".join(tokenize(normalize(t))) for t in oos.topics) if oos else frozenset()
        )
        self.extractor = EntityExtractor(self.graph, data.slots, self.speller, other_careers)
        parsed = {text: self.extractor.parse(tokens, repair=False) for text, tokens in said.items()}
        self.classifier = IntentClassifier(data.intents, self.extractor, self.graph.career_ids, parsed)

    @classmethod
    def load(cls, knowledge_dir: str | Path | None = None, intents_dir: str | Path | None = None) -> Advisor:
        """Load and check the data (raises DataError listing every problem).

        A data set whose exact files were loaded (and so checked) before comes from the
        engine cache without parsing anything: start-up then costs a hash and an unpickle.
        """
        kdir = Path(knowledge_dir) if knowledge_dir else DEFAULT_KNOWLEDGE
        idir = Path(intents_dir) if intents_dir else DEFAULT_INTENTS
        paths = data_paths(kdir, idir)
        digest = files_digest(paths) if paths else ""
        key = model_key(digest) if digest else ""
        cached = load_model(key) if key else None
        if cached is not None and _whole(cached.get("engine")):
            engine = cls.__new__(cls)
            engine.__dict__.update(cached["engine"])
            return engine
        engine = cls(load(kdir, idir, digest))
        if key:
            save_model(key, {"engine": dict(engine.__dict__)})
        return engine

    def conversation(self, state: dict[str, Any] | None = None) -> Conversation:
        """A new conversation, or one resumed from `Conversation.state_dict()` output."""
        if state is None:
            return Conversation(self, State())
        loaded = State.from_dict(state)
        prune(loaded, self.graph.nodes)  # ids the knowledge no longer has are forgotten
        return Conversation(self, loaded)


# every part a built engine has, and its type: a cache that lacks one is rebuilt
_PARTS: dict[str, type] = {
    "graph": Graph,
    "catalog": dict,
    "slots": dict,
    "common_words": frozenset,
    "everyday": frozenset,
    "speller": Speller,
    "extractor": EntityExtractor,
    "classifier": IntentClassifier,
}


def _whole(parts: Any) -> bool:
    """True when a cached engine has every part, each of the right type."""
    return isinstance(parts, dict) and all(isinstance(parts.get(n), t) for n, t in _PARTS.items())
