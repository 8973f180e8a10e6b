"""Partner organisations named in commitment text: spaCy rule-based, gazetteer as data.

A blank English pipeline with two PhraseMatchers: one on lower-cased tokens for names
("Transport for London", "police"), one on exact tokens for abbreviations ("TfL", "MPS", "GLA"),
so that "met" as a verb or "gla" inside a word never matches. Overlaps keep the longest span,
so "police" inside a longer name ("British Transport Police", "Police and Crime Commissioner")
goes to that body. Gazetteer entries of kind "not-a-partner" ("Police Diversion Scheme") win
their span like any other and then yield nothing: a lookalike is matched in order to be refused.
An abbreviation that the text itself defines as something else ("Joint Commissioning Panel
(JCP)") is not the partner of that abbreviation anywhere in that text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from graph_builder.entities.model import Partner, PartnerMention
from graph_builder.records import DocumentRecords
from graph_builder.resources import data_file

_DEFINED = re.compile(r"((?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|&)\s+)?){1,7})\(([A-Z][A-Za-z']{1,6})\)")


@dataclass(frozen=True)
class _Matchers:
    nlp: object
    lower: object
    exact: object
    partners: dict[str, Partner]
    refused: frozenset[str]  # ids of "not-a-partner" entries
    names: dict[str, tuple[str, ...]]  # id -> lower-cased phrases, to check definitions


@cache
def _matchers() -> _Matchers:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    partners: dict[str, Partner] = {}
    refused: set[str] = set()
    names: dict[str, tuple[str, ...]] = {}
    for line in data_file("partners.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry.get("kind") == "not-a-partner":
            refused.add(entry["id"])
        else:
            partners[entry["id"]] = Partner(entry["id"], entry["name"],
                                            tuple(entry["phrases"] + entry["exact"]))
        names[entry["id"]] = tuple(p.lower() for p in (entry["name"], *entry["phrases"]))
        if entry["phrases"]:
            lower.add(entry["id"], [nlp.make_doc(p) for p in entry["phrases"]])
        if entry["exact"]:
            exact.add(entry["id"], [nlp.make_doc(p) for p in entry["exact"]])
    return _Matchers(nlp, lower, exact, partners, frozenset(refused), names)


def match_partners(text: str) -> list[tuple[str, int, int, str]]:
    """(partner id, start char, end char, matched text), longest span wins on overlap."""
    from spacy.util import filter_spans

    m = _matchers()
    doc = m.nlp.make_doc(text)  # type: ignore[attr-defined]
    spans = []
    exact_ids = set()
    for matcher in (m.lower, m.exact):
        for match_id, start, end in matcher(doc):  # type: ignore[operator]
            span = doc[start:end]
            span.label_ = m.nlp.vocab.strings[match_id]  # type: ignore[attr-defined]
            spans.append(span)
            if matcher is m.exact:
                exact_ids.add((start, end))
    defined = {abbr: exp for exp, abbr in _DEFINED.findall(text)}
    out = []
    for s in filter_spans(spans):
        if s.label_ in m.refused:
            continue
        expansion = defined.get(s.text)
        if (s.start, s.end) in exact_ids and expansion is not None and not any(
                name in expansion.lower() for name in m.names[s.label_]):
            continue  # "Joint Commissioning Panel (JCP)": not Jobcentre Plus in this text
        out.append((s.label_, s.start_char, s.end_char, s.text))
    return out


def find_partner_mentions(
    documents: list[DocumentRecords],
) -> tuple[dict[str, Partner], list[PartnerMention]]:
    mentions: list[PartnerMention] = []
    used: set[str] = set()
    for doc in documents:
        texts = [(c.key, "text", c.text) for c in doc.commitments]
        texts += [(p.commitment, "comment", p.comment) for p in doc.progress if p.comment]
        for key, field, text in texts:
            for pid, start, end, words in match_partners(text):
                mentions.append(PartnerMention(doc.info.id, key, pid, words, start, end, field))
                used.add(pid)
    partners = {k: v for k, v in _matchers().partners.items() if k in used}
    return partners, mentions
