"""Plain data produced by entity resolution."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    id: str  # slug, stable for the same printed names
    name: str  # the preferred printed form
    variants: tuple[str, ...] = ()  # other spellings taken for the same person (altLabel)
    merge_reason: str | None = None
    printed: tuple[str, ...] = ()  # forms as printed, titles included (hiddenLabel)


@dataclass(frozen=True)
class Post:
    id: str
    title: str
    forms: tuple[str, ...] = ()  # other printed titles taken for this post
    note: str | None = None  # why those forms were taken for it


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    known: bool
    forms: tuple[str, ...] = ()  # the printed forms seen (abbreviations, spellings)


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnerMention:
    doc: str
    record: str  # key of the commitment (or progress) whose text holds the mention
    partner: str  # partner id
    text: str
    start: int
    end: int
    field: str = "text"  # "text" or "comment"


@dataclass(frozen=True)
class Owners:
    """Who answers for one commitment, as ids into Entities."""

    members: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class MergeGroup:
    person: str
    names: tuple[str, ...]
    reason: str
    # (printed name, documents it appears in): where each merged form comes from
    seen_in: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class NameUse:
    """One printed occurrence of a person's name: the name without titles, and its context."""

    name: str
    role: str  # "member" or "officer"
    doc: str
    printed: str = ""  # as printed with its titles ("Deputy Mayor, Cllr Oliur Rahman")


@dataclass
class Entities:
    people: dict[str, Person] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    partners: dict[str, Partner] = field(default_factory=dict)
    owners: dict[tuple[str, str], Owners] = field(default_factory=dict)  # (doc, key)
    # Evidence of tenure: (person, post, doc) where one cell names both.
    holdings: set[tuple[str, str, str]] = field(default_factory=set)
    members_in: set[tuple[str, str]] = field(default_factory=set)  # (person, doc) as member
    officers_in: set[tuple[str, str | None, str]] = field(default_factory=set)  # (person, unit, doc)
    posts_in: set[tuple[str, str]] = field(default_factory=set)  # (post, doc)
    units_in: set[tuple[str, str]] = field(default_factory=set)  # (unit, doc)
    mentions: list[PartnerMention] = field(default_factory=list)
    merges: list[MergeGroup] = field(default_factory=list)
    person_of: dict[str, str] = field(default_factory=dict)  # name without titles -> person id
    # (person, unit, doc) where the unit was read from a bracket shared with other names but
    # the person's own bracket in the same document says otherwise: not a membership.
    overridden: set[tuple[str, str, str]] = field(default_factory=set)
