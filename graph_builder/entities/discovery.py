"""Candidate partner organisations that the gazetteer does not know yet, for review.

A blank English pipeline with a rule-based ``Matcher``: runs of capitalised words ending in an
organisation head noun ("Trust", "Partnership", "Forum", "Board", "College", "University",
"Association", ...; patterns in data/partner_discovery.jsonl). Spans that overlap a gazetteer
match are known already and left out; what remains is listed with its count and where it occurs
so that a reviewer can add it to data/partners.jsonl (or ignore it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from graph_builder.entities.partners import match_partners
from graph_builder.records import DocumentRecords
from graph_builder.resources import data_file

# Leading words that open a sentence or a clause, not a name ("Work with the Safer Board").
_LEAD = re.compile(r"^(?:(?:of|for|and|&|the|The|A|An|With|To|Our|All|Each|Any|Both|Via|By|"
                   r"Through|At|In|On|From|Support|Deliver|Develop|Work|Ensure|Launch|Through)\s+)+")


@dataclass
class Candidate:
    text: str
    count: int = 0
    where: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, record, field)


@cache
def _matcher() -> tuple[object, object]:
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for line in data_file("partner_discovery.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            matcher.add(entry["id"], [entry["pattern"]], greedy="LONGEST")
    return nlp, matcher


def candidate_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of organisation-like spans in ``text`` not covered by the gazetteer."""
    nlp, matcher = _matcher()
    doc = nlp.make_doc(text)  # type: ignore[operator]
    known = [(s, e) for _, s, e, _ in match_partners(text)]
    out: list[tuple[int, int, str]] = []
    for _, start, end in matcher(doc):  # type: ignore[operator]
        span = doc[start:end]
        words = _LEAD.sub("", span.text)
        s = span.end_char - len(words)
        if len(words.split()) < 2 or any(a < span.end_char and s < b for a, b in known):
            continue
        out.append((s, span.end_char, words))
    return out


def discover_partners(documents: list[DocumentRecords]) -> list[Candidate]:
    """Candidates across commitment texts and progress comments, most frequent first."""
    found: dict[str, Candidate] = {}
    for doc in documents:
        texts = [(c.key, "text", c.text) for c in doc.commitments]
        texts += [(p.commitment, "comment", p.comment) for p in doc.progress if p.comment]
        for key, fld, text in texts:
            for _, _, words in candidate_spans(text):
                cand = found.setdefault(words, Candidate(words))
                cand.count += 1
                cand.where.append((doc.info.id, key, fld))
    return sorted(found.values(), key=lambda c: (-c.count, c.text))
