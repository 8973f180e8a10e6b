"""The entity stage: all documents' owner cells -> one person, post and unit each."""

from __future__ import annotations

import re

from graph_builder.entities.model import Entities, NameUse, Owners, Post, Unit
from graph_builder.entities.people import cluster_people
from graph_builder.entities.posts import canonical_posts
from graph_builder.normalise.directorates import resolve_directorate
from graph_builder.normalise.leads import (
    LeadMention,
    OfficerMention,
    parse_lead_member,
    parse_lead_officers,
)
from graph_builder.normalise.text import clean, slug
from graph_builder.records import DocumentRecords

_TITLED = (r"(?:(?:Statutory\s+)?Deputy\s+Mayor,?\s*)?"
           r"(?:Cllr\.?|Councillor|Executive\s+Mayor|Mayor)\s*-?\s*")


def _post_id(title: str) -> str:
    return slug(title, max_words=16)


def printed_member(raw: str, name: str) -> str:
    """The name as the cell prints it, titles included ("Deputy Mayor, Cllr Oliur Rahman")."""
    m = re.search(rf"{_TITLED}{re.escape(name)}", clean(raw))
    return m.group(0) if m else name


def _row_units(c_directorate: str | None) -> list[str]:
    dirs = [d.strip() for d in c_directorate.split("/")] if c_directorate else []
    # "All Directorates" names every unit, not one: the row text keeps it.
    return [d for d in dirs if d and d.lower() != "all directorates"]


def _officer_units(officers: list[OfficerMention], dirs: list[str]) -> list[tuple[str, str | None, bool]]:
    """(name, directorate, shared) per named officer. Without a bracket (2011/12, and "Roger
    Jones" in 2014/15) the row's directorate column is the officer's when it names one unit, or
    pairs in order when it names as many units as there are officers (2011/12 "Owen Whalley &
    Jamie Blake" / "Development and Renewal and Communities Localities and Culture")."""
    named = [o for o in officers if o.name]
    if any(o.directorate for o in officers):
        return [(o.name, o.directorate, o.shared) for o in named]
    if len(dirs) == 1:
        return [(o.name, dirs[0], len(named) > 1) for o in named]
    if dirs and len(dirs) == len(named):
        return [(o.name, d, True) for o, d in zip(named, dirs, strict=True)]
    return [(o.name, None, False) for o in named]


def resolve(documents: list[DocumentRecords], partners: bool = True) -> Entities:
    ents = Entities()
    parsed: dict[tuple[str, str], tuple[list[LeadMention], list[tuple[str, str | None, bool]],
                                        list[str]]] = {}
    uses: list[NameUse] = []
    titles: list[tuple[str, str]] = []
    for doc in documents:
        for c in doc.commitments:
            members = parse_lead_member(c.lead_member) if c.lead_member else []
            officers = parse_lead_officers(c.lead_officer) if c.lead_officer else []
            dirs = _row_units(c.directorate)
            officer_units = _officer_units(officers, dirs)
            parsed[(doc.info.id, c.key)] = (members, officer_units, dirs)
            uses += [NameUse(m.name, "member", doc.info.id, printed_member(m.raw, m.name))
                     for m in members if m.name]
            uses += [NameUse(n, "officer", doc.info.id) for n, _, _ in officer_units]
            titles += [(t, doc.info.id) for m in members for t in m.posts]
    people, person_of, ents.merges = cluster_people(uses)
    ents.people, ents.person_of = people, person_of
    post_of, post_notes = canonical_posts(titles)
    post_forms: dict[str, set[str]] = {}
    for (printed, _), canon in post_of.items():
        if canon:
            post_forms.setdefault(canon, set()).add(printed)
    for canon, forms in post_forms.items():
        ents.posts[_post_id(canon)] = Post(_post_id(canon), canon, tuple(sorted(forms - {canon})),
                                           "; ".join(post_notes.get(canon, [])) or None)

    def unit(text: str, doc_id: str) -> str:
        u = resolve_directorate(text)
        old = ents.units.get(u.id)
        forms = tuple(sorted({*(old.forms if old else ()), text}))
        ents.units[u.id] = Unit(u.id, u.name, u.known, forms)
        ents.units_in.add((u.id, doc_id))
        return u.id

    # A person's own bracket in a document outranks a bracket shared with other names there.
    own: dict[tuple[str, str], set[str]] = {}
    for (doc_id, _), (_, officer_units, _) in parsed.items():
        for name, d, shared in officer_units:
            if d and not shared and name in person_of:
                own.setdefault((person_of[name], doc_id), set()).add(resolve_directorate(d).id)

    for (doc_id, key), (members, officer_units, dirs) in parsed.items():
        member_ids: list[str] = []
        post_ids: list[str] = []
        officer_ids: list[str] = []
        unit_ids = [unit(d, doc_id) for d in dirs]
        for m in members:
            pid = person_of.get(m.name) if m.name else None
            if pid:
                member_ids.append(pid)
                ents.members_in.add((pid, doc_id))
            for title in m.posts:
                canon = post_of.get((title, doc_id))
                if not canon:
                    continue  # "Cabinet Member for" cut short before the portfolio
                post_ids.append(_post_id(canon))
                ents.posts_in.add((_post_id(canon), doc_id))
                if pid:
                    ents.holdings.add((pid, _post_id(canon), doc_id))
        for name, d, shared in officer_units:
            uid = unit(d, doc_id) if d else None
            if uid:
                unit_ids.append(uid)
            pid = person_of.get(name)
            if not pid:  # a role or a body ("Corporate Management Team") names no person
                continue
            officer_ids.append(pid)
            mine = own.get((pid, doc_id), set())
            if uid and shared and mine and uid not in mine:
                ents.overridden.add((pid, uid, doc_id))
                uid = None
            ents.officers_in.add((pid, uid, doc_id))
        ents.owners[(doc_id, key)] = Owners(
            tuple(dict.fromkeys(member_ids)), tuple(dict.fromkeys(post_ids)),
            tuple(dict.fromkeys(officer_ids)), tuple(dict.fromkeys(unit_ids)),
        )
    if partners:
        from graph_builder.entities.partners import find_partner_mentions

        ents.partners, ents.mentions = find_partner_mentions(documents)
    return ents
