"""The entity stage: all documents' owner cells -> one person, post and unit each."""

from __future__ import annotations

from graph_builder.entities.model import Entities, Owners, Post, Unit
from graph_builder.entities.people import cluster_people
from graph_builder.normalise.directorates import resolve_directorate
from graph_builder.normalise.leads import (
    LeadMention,
    OfficerMention,
    parse_lead_member,
    parse_lead_officers,
)
from graph_builder.normalise.text import slug
from graph_builder.records import DocumentRecords


def _post_id(title: str) -> str:
    return slug(title, max_words=16)


def resolve(documents: list[DocumentRecords], partners: bool = True) -> Entities:
    ents = Entities()
    parsed: dict[tuple[str, str], tuple[list[LeadMention], list[OfficerMention], list[str]]] = {}
    names: list[str] = []
    for doc in documents:
        for c in doc.commitments:
            members = parse_lead_member(c.lead_member) if c.lead_member else []
            officers = parse_lead_officers(c.lead_officer) if c.lead_officer else []
            dirs = [d.strip() for d in c.directorate.split("/")] if c.directorate else []
            # "All Directorates" names every unit, not one: the row text keeps it.
            dirs = [d for d in dirs if d.lower() != "all directorates"]
            parsed[(doc.info.id, c.key)] = (members, officers, [d for d in dirs if d])
            names += [m.name for m in members if m.name] + [o.name for o in officers if o.name]
    people, person_of, ents.merges = cluster_people(names)
    ents.people = people

    def unit(text: str, doc_id: str) -> str:
        u = resolve_directorate(text)
        old = ents.units.get(u.id)
        forms = tuple(sorted({*(old.forms if old else ()), text}))
        ents.units[u.id] = Unit(u.id, u.name, u.known, forms)
        ents.units_in.add((u.id, doc_id))
        return u.id

    for (doc_id, key), (members, officers, dirs) in parsed.items():
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
                post = Post(_post_id(title), title)
                ents.posts.setdefault(post.id, post)
                post_ids.append(post.id)
                ents.posts_in.add((post.id, doc_id))
                if pid:
                    ents.holdings.add((pid, post.id, doc_id))
        for o in officers:
            uid = unit(o.directorate, doc_id) if o.directorate else None
            if uid:
                unit_ids.append(uid)
            pid = person_of.get(o.name) if o.name else None
            if pid:  # a role or a body ("Corporate Management Team") names no person
                officer_ids.append(pid)
                ents.officers_in.add((pid, uid, doc_id))
        ents.owners[(doc_id, key)] = Owners(
            tuple(dict.fromkeys(member_ids)), tuple(dict.fromkeys(post_ids)),
            tuple(dict.fromkeys(officer_ids)), tuple(dict.fromkeys(unit_ids)),
        )
    if partners:
        from graph_builder.entities.partners import find_partner_mentions

        ents.partners, ents.mentions = find_partner_mentions(documents)
    return ents
