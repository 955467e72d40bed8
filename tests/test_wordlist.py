"""The English word lists read straight from wordfreq's data file are wordfreq's own."""

from __future__ import annotations

import gzip
from pathlib import Path

import msgpack
import pytest
from wordfreq import top_n_list

from advisor.config import ENGLISH_WORDS, EVERYDAY_WORDS
from advisor.understand import wordlist


@pytest.mark.parametrize("count", [0, 1, 7, 500, EVERYDAY_WORDS, ENGLISH_WORDS, ENGLISH_WORDS + 1234])
@pytest.mark.parametrize("remembered", [False, True])
def test_top_words_are_wordfreqs_top_n_list(
    count: int, remembered: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wordlist, "_read", [])
    if remembered:  # a longer list read before serves its beginning
        wordlist.top_words(ENGLISH_WORDS + 2000)
    assert wordlist.top_words(count) == top_n_list("en", count)


def test_multi_digit_numbers_are_left_out_like_wordfreq_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bands = [{"format": "cB", "version": 1}, ["the"], [], ["2", "2019", "3.5", "a1", "b2b"], ["zebra"]]
    path = tmp_path / "large_en.msgpack.gz"
    path.write_bytes(gzip.compress(msgpack.packb(bands)))
    monkeypatch.setattr(wordlist, "_data_file", lambda: path)
    monkeypatch.setattr(wordlist, "_read", [])
    assert wordlist.top_words(10) == ["the", "2", "a1", "b2b", "zebra"]
    assert wordlist.top_words(2) == ["the", "2"]


def test_a_file_in_another_format_falls_back_to_wordfreq(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "large_en.msgpack.gz"
    path.write_bytes(gzip.compress(msgpack.packb([{"format": "other"}, ["zebra"]])))
    monkeypatch.setattr(wordlist, "_data_file", lambda: path)
    monkeypatch.setattr(wordlist, "_read", [])
    assert wordlist.top_words(50) == top_n_list("en", 50)
