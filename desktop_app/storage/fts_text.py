"""Text preparation for the full-text index (SQLite FTS5, unicode61 tokenizer).

FTS5's tokenizers never match a two-character Chinese word (福袋, 超卖): unicode61 keeps a
whole run of Han characters as one token and trigram needs three characters. So every run
of CJK characters is indexed as overlapping bigrams ("福袋后" -> "福袋 袋后"), and a query
goes through the same transform and becomes a phrase: "福袋库存" -> "福袋 袋库 库存".
Migration 0004's triggers called these functions, so they are still registered on every
connection (its INSERTs run when a new workspace is created); since 0006 the index is kept
by storage/search_index.py and plain SQLite clients can write.
"""

from __future__ import annotations

import json
import re
import sqlite3

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_TOKEN = re.compile(f"[{_CJK}]+|[^\\s{_CJK}\"'*^:()+\\-]+")


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i:i + 2] for i in range(len(run) - 1))


def index_text(text: str | None) -> str:
    """What the index stores for ``text``: CJK runs as bigrams, the rest unchanged."""
    if not text:
        return ""
    return _CJK_RUN.sub(lambda m: f" {_bigrams(m.group(0))} ", text).strip()


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def index_json(text: str | None) -> str:
    """Index text of every string value in a JSON document (review fields, checklist values)."""
    if not text:
        return ""
    try:
        strings = _json_strings(json.loads(text))
    except ValueError:
        return index_text(text)
    return index_text(" \n ".join(s for s in strings if s.strip()))


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed: every term must occur.

    A CJK term becomes a phrase of bigrams, a single CJK character a prefix, any other word
    a prefix (so "over" finds "oversell"). Quotes in the input are dropped, never interpreted.
    """
    parts = []
    for tok in _TOKEN.findall(query or ""):
        if _CJK_RUN.fullmatch(tok):
            parts.append(f'"{tok}"*' if len(tok) == 1 else f'"{_bigrams(tok)}"')
        else:
            parts.append(f'"{tok}"*')
    return " AND ".join(parts) if parts else None


def query_terms(query: str | None) -> list[str]:
    """The terms a query is split into (what ``match_query`` requires), in typed order."""
    return _TOKEN.findall(query or "")


def text_matches(query: str, text: str | None) -> bool:
    """Whether ``text`` holds every term of ``query`` the way ``match_query`` matches it: a CJK
    term as a substring, any other word as a case-insensitive word prefix. Used to point at the
    field inside a matching row (which review field, which value)."""
    if not text:
        return False
    folded = text.casefold()
    terms = _TOKEN.findall(query or "")
    for tok in terms:
        if _CJK_RUN.fullmatch(tok):
            if tok not in text:
                return False
        elif not re.search(rf"(?<![^\W_]){re.escape(tok.casefold())}", folded):
            return False
    return bool(terms)


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("liveops_fts_text", 1, index_text, deterministic=True)
    conn.create_function("liveops_fts_json", 1, index_json, deterministic=True)
