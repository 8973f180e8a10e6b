"""Strategic plan with an action plan of Activity rows, each followed by Milestone rows.

Learnt from the Tower Hamlets Strategic Plan 2014/15:
- prose first (introduction, context), then "Strategic Priorities" (a list of ``1.1: ...`` under
  the five Community Plan themes), a "Key Activities and Initiatives" outline restating the
  action plan, "Measuring our Performance" (bullets under theme headings; SEF measures end in
  ``*``), then the action plan: theme row, ``Strategic Priority N.M: ...`` row, and blocks of
  ``Activity | Lead Member, Lead Officer and Directorate | Deadline`` then
  ``Milestone | Lead Officer | Deadline`` (the OCR once read it "Vilestone");
- an activity spans two or three lines: lead member(s) ``Cllr NAME`` on one, lead officer
  ``NAME (DIR)`` on the next, or both run together in one cell; the text either wraps over the
  lines or is printed twice, once garbled (see ``activity_milestone_ocr``);
- a milestone ending ``:`` introduces a list of sub-items sharing its merged officer cell;
- one milestone row merged the previous row's text in front of its own; another carried the
  column header words ("Lead Officer ...", "Deadline ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from graph_builder.manifest import DocumentInfo
from graph_builder.normalise.text import clean
from graph_builder.readers.activity_milestone_ocr import (
    Vocabulary,
    choose_deadline,
    is_twin,
    strip_artefacts,
)
from graph_builder.readers.base import Reading, nonempty_cells
from graph_builder.records import Commitment, Ledger, Line, Section, SourceSpan

LAYOUT = "activity-milestone"

# "Activity | Lead Member, Lead Officer and Directorate | Deadline" (the 2017/18 SEF plan has
# "Activity | Lead Member | Deadline": no officer column, so it must not match).
_ACTIVITY_HEADER = re.compile(r"^activity\s*\t\s*lead member\W+lead officer.*\tdeadline\s*$", re.I)
_MILESTONE_HEADER = re.compile(r"^\w+\s*\t\s*lead officer\s*\tdeadline\s*$", re.I)
_PRIORITY = re.compile(r"^strategic priority\s+(\d+)\.(\d+)\s*:\s*(.+)$", re.I)
_LISTED_PRIORITY = re.compile(r"^(?:[-•]\s*)?(\d+)\.(\d+)\s*:\s*(.+)$")
_BULLET = re.compile(r"^\s*[-•]\s+(.+)$")
_MEMBER = re.compile(r"^(?:cllr|councillor|mayor|deputy mayor)\b", re.I)
_BRACKET = re.compile(r"\(([^)]+)\)")
_NUMBERED = re.compile(r"^\d+\.\s")
_DASHES = re.compile(r"^[-–\s]+")

_STRATEGIC_PRIORITIES = "strategic priorities"
_OUTLINE = "key activities and initiatives"
_MEASURES = "measuring our performance"


def detect(lines: list[Line]) -> float:
    acts = sum(1 for x in lines if _ACTIVITY_HEADER.match(x.text.strip()))
    mils = sum(1 for x in lines if _MILESTONE_HEADER.match(x.text.strip())
               and fuzz.ratio(x.cells[0].strip().lower(), "milestone") >= 80)
    return 0.5 * min(acts / 3, 1.0) + 0.5 * min(mils / 3, 1.0)


@dataclass
class _Row:
    line: Line
    text: str
    owner: str
    deadline: str


def _row(line: Line) -> _Row:
    cells = [*line.cells, "", "", ""]
    text, owner, deadline = (clean(c) for c in cells[:3])
    # One row carried the column header words into its cells ("Lead Officer X", "Deadline D").
    owner = re.sub(r"^lead officer\s+", "", owner, flags=re.I)
    deadline = _DASHES.sub("", re.sub(r"^deadline\s+", "", deadline, flags=re.I))
    return _Row(line, strip_artefacts(text), owner, deadline)


def _directorates(officer: str | None) -> str | None:
    dirs = list(dict.fromkeys(d.strip() for d in _BRACKET.findall(officer or "")))
    return " / ".join(dirs) or None


@dataclass
class _State:
    info: DocumentInfo
    lines: list[Line]
    vocab: Vocabulary
    officers: set[str]
    years: range
    out: Reading
    theme_of: dict[str, str] = field(default_factory=dict)  # theme number -> key
    titles: dict[str, str] = field(default_factory=dict)  # theme title -> key
    theme: str | None = None
    priority: Section | None = None
    activities: int = 0
    listed: dict[str, tuple[str, Line]] = field(default_factory=dict)  # "2.4" -> (title, line)
    outline: list[tuple[str, str]] = field(default_factory=list)  # (activity text, "2.4")
    headed: set[str] = field(default_factory=set)  # priorities with a heading in the action plan


def _known_officers(lines: list[Line]) -> set[str]:
    """Officer names as printed in milestone rows, used to cut a merged 'Cllr X Officer (DIR)'."""
    names: set[str] = set()
    for line in lines:
        owner = _row(line).owner
        if _BRACKET.search(owner) and not _MEMBER.match(owner):
            for part in re.split(r"\s*(?:,|/|&|\band\b|\([^)]*\))\s*", owner):
                if len(part.split()) >= 2:
                    names.add(part.strip())
    return names


def _split_owner(cell: str, officers: set[str]) -> tuple[str, str]:
    """'Cllr Shahed Ali Jackie Odunoye (D&R)' -> ('Cllr Shahed Ali', 'Jackie Odunoye (D&R)')."""
    hits = [cell.find(" " + n) for n in officers if cell.find(" " + n) > 0]
    if hits:
        cut = min(hits)
    else:  # fall back to the two words before the bracket
        head = cell[: cell.index("(")].split()
        cut = cell.find(" ".join(head[-2:]))
        cut = cut - 1 if cut > 0 else 0
    return cell[:cut].strip(" ,/"), cell[cut:].strip(" ,/")


def _owners(rows: list[_Row], officers: set[str]) -> tuple[str | None, str | None]:
    members: list[str] = []
    offs: list[str] = []
    last: list[str] | None = None
    for r in rows:
        cell = r.owner
        if not cell:
            continue
        if _BRACKET.search(cell):
            if _MEMBER.match(cell):
                member, officer = _split_owner(cell, officers)
                members.append(member)
                offs.append(officer)
            else:
                offs.append(cell)
            last = offs
        elif _MEMBER.match(cell) or last is None:
            members.append(cell)
            last = members
        else:  # wrapped owner cell: "Cllr Gulam Robbani / Cllr Alibor" + "Choudhury"
            last[-1] = f"{last[-1]} {cell}"
    return (" ".join(members) or None, " ".join(offs) or None)


def _read_activity(st: _State, rows: list[_Row]) -> Commitment | None:
    texts = [r for r in rows if r.text]
    if not texts:
        for r in rows:
            st.out.ledger.report(r.line, "activity row without any activity text")
        return None
    # Twins: two readings of one cell (the second may itself wrap). Otherwise one wrapped cell.
    if len(texts) >= 2 and is_twin(texts[0].text, texts[1].text):
        readings = [[texts[0]], texts[1:]]
    else:
        readings = [texts]
    joined = []
    for rd in readings:
        text = rd[0].text
        for r in rd[1:]:
            text = st.vocab.join(text, r.text)
        joined.append(text)
    own = [r.line.text for r in rows]
    # The clean twin has the higher share of words found elsewhere in the document; on a tie the
    # longer (an untruncated copy), then the first.
    best = max(range(len(joined)), key=lambda i: (st.vocab.known_ratio(joined[i], own),
                                                    len(joined[i]), -i))
    text = joined[best]
    clean_lines = {r.line.number for r in readings[best]}
    others = [i for i in range(len(joined)) if i != best]
    variants = tuple(joined[i] for i in others if not text.startswith(joined[i]))
    _check_priority(st, text)
    prio = st.priority
    st.activities += 1
    number = f"{prio.number}.{st.activities}" if prio else str(st.activities)
    key = f"activity-{number}"
    member, officer = _owners(rows, st.officers)
    deadline = choose_deadline(
        [(r.deadline, r.line.number in clean_lines) for r in rows if r.deadline], st.years)
    act = Commitment("activity", key, text, SourceSpan.of([r.line for r in rows]), number=number,
                     parent=prio.key if prio else st.theme, lead_member=member,
                     lead_officer=officer, directorate=_directorates(officer), deadline=deadline,
                     variants=variants)
    st.out.commitments.append(act)
    for r in rows:
        st.out.ledger.consume(r.line, key)
    for i in others:
        what = "garbled twin of" if variants else "merged duplicate of"
        st.out.ledger.consume([r.line for r in readings[i]], f"{what} {key}")
    return act


def _num(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("."))


def _check_priority(st: _State, text: str) -> None:
    """The action plan lost the "Strategic Priority 2.4" heading: its activities follow 2.3's.
    The outline lists each activity under its priority, so an activity the outline places under
    a later priority of the same theme that has no heading of its own starts that priority."""
    hit = max(st.outline, key=lambda o: fuzz.ratio(o[0].lower(), text.lower()), default=None)
    if not hit or fuzz.ratio(hit[0].lower(), text.lower()) < 80 or st.priority is None:
        return
    number, current = hit[1], st.priority.number or ""
    if (number in st.headed or number not in st.listed or number.split(".")[0] != current.split(".")[0]
            or _num(number) <= _num(current)):
        return
    title, line = st.listed[number]
    st.priority = Section("priority", f"priority-{number}", title, SourceSpan.of([line]),
                          number=number, parent=st.theme_of.get(number.split(".")[0]))
    st.out.sections.append(st.priority)
    st.activities = 0


def _read_milestones(st: _State, act: Commitment | None, rows: list[_Row]) -> None:
    if act is None:
        for r in rows:
            st.out.ledger.report(r.line, "milestone with no activity to attach it to")
        return
    made: list[tuple[Commitment, list[_Row]]] = []
    intro: int | None = None  # index in made of a milestone ending ":" (a list follows)
    items: dict[int, list[int]] = {}
    for r in rows:
        prev = made[-1] if made else None
        if not r.text:
            # An officer cell printed again, truncated ("Louise Russell (CE), Deborah Cohen").
            if prev and r.owner and not r.deadline and any(
                    x.owner.startswith(r.owner) for x in prev[1]):
                st.out.ledger.consume(r.line, f"merged duplicate of {prev[0].key}")
            else:
                st.out.ledger.report(r.line, "milestone cell without text")
            continue
        if prev and not r.owner and r.text[:1].islower():  # wrapped text cell
            made[-1] = (prev[0], [*prev[1], r])
            continue
        text = r.text
        if prev and text.startswith(prev[0].text + " "):  # row merged with the one above
            text = text[len(prev[0].text):].strip()
        sub = intro is not None and (_NUMBERED.match(text) or len(text.split()) <= 5)
        if not sub:
            intro = None
        key = (f"{made[intro][0].key}.{len(items[intro]) + 1}" if sub and intro is not None
               else f"milestone-{act.number}-{sum(1 for m, _ in made if m.parent == act.key) + 1}")
        parent = made[intro][0].key if sub and intro is not None else act.key
        if sub and intro is not None:
            items[intro].append(len(made))
            text = _NUMBERED.sub("", text)
        made.append((Commitment("milestone", key, text, SourceSpan.of([r.line]), parent=parent), [r]))
        if text.endswith(":"):
            intro = len(made) - 1
            items[intro] = []
    for c, rs in made:
        st.out.ledger.consume([r.line for r in rs], c.key)
    done = [_finish(st, c, rs) for c, rs in made]
    # A list's officer (and deadline, when single) sits in one merged cell beside the list.
    for i, subs in items.items():
        group = [done[i], *(done[j] for j in subs)]
        offs = {c.lead_officer for c in group if c.lead_officer}
        dls = {c.deadline for c in group if c.deadline}
        off = offs.pop() if len(offs) == 1 else None
        dl = dls.pop() if len(dls) == 1 else None
        last = max(c.span.last for c in group)
        span_lines = [x for x in st.lines[done[i].span.first - 1: last] if not x.is_blank]
        for j in (i, *subs):
            c = done[j]
            done[j] = replace(c, lead_officer=c.lead_officer or off,
                              directorate=c.directorate or _directorates(off),
                              deadline=c.deadline or dl,
                              span=SourceSpan.of(span_lines) if j == i else c.span)
    st.out.commitments.extend(done)


def _finish(st: _State, c: Commitment, rows: list[_Row]) -> Commitment:
    text = c.text
    for r in rows[1:]:
        text = st.vocab.join(text, r.text)
    officer = " ".join(r.owner for r in rows if r.owner) or None
    deadline = choose_deadline([(r.deadline, True) for r in rows if r.deadline], st.years)
    return replace(c, text=text, span=SourceSpan.of([r.line for r in rows]), lead_officer=officer,
                   directorate=_directorates(officer), deadline=deadline)


def _theme_key(st: _State, text: str) -> str | None:
    """The theme a heading names; "Safe and Cohesive Community" lost its "A" in one heading."""
    text = text.strip().rstrip(":").strip()
    for title, key in st.titles.items():
        if fuzz.ratio(text.lower(), title.lower()) >= 90:
            return key
    return None


def _read_action_plan(st: _State, lines: list[Line]) -> None:
    led = st.out.ledger
    act: Commitment | None = None
    rows: list[_Row] = []
    mode = ""  # "activity" | "milestone" | ""

    def flush() -> None:
        nonlocal act, rows
        if mode == "activity":
            act = _read_activity(st, rows)
        elif mode == "milestone":
            _read_milestones(st, act, rows)
        else:
            for r in rows:
                led.report(r.line, "action-plan row outside any Activity or Milestone table")
        rows = []

    nonblank = [x for x in lines if not x.is_blank]
    for n, line in enumerate(nonblank):
        text = line.text.strip()
        cells = nonempty_cells(line)
        joined = cells[0] if cells else ""
        for c in cells[1:]:
            joined = st.vocab.join(joined, c)
        m = _PRIORITY.match(clean(joined))
        nxt = _PRIORITY.match(clean(nonblank[n + 1].text)) if n + 1 < len(nonblank) else None
        if _ACTIVITY_HEADER.match(text) or (_MILESTONE_HEADER.match(text) and mode == "activity"):
            flush()
            mode = "activity" if _ACTIVITY_HEADER.match(text) else "milestone"
            if mode == "activity":
                act = None
            what = f"furniture: {mode} table header"
            if mode == "milestone" and not cells[0].lower().startswith("milestone"):
                what += f" (OCR read {cells[0]!r})"
            led.consume(line, what)
        elif m:
            flush()
            mode, act, st.activities = "", None, 0
            number = f"{m.group(1)}.{m.group(2)}"
            theme = st.theme_of.get(m.group(1))
            st.priority = Section("priority", f"priority-{number}", m.group(3).strip(),
                                  SourceSpan.of([line]), number=number, parent=theme)
            st.out.sections.append(st.priority)
            led.consume(line, st.priority.key)
        elif len(cells) == 1 and nxt:
            flush()
            mode, act = "", None
            key = f"theme-{nxt.group(1)}"
            st.theme_of[nxt.group(1)] = key
            st.titles[clean(cells[0])] = key
            st.out.sections.append(Section("theme", key, clean(cells[0]), SourceSpan.of([line]),
                                           number=nxt.group(1)))
            led.consume(line, key)
        else:
            rows.append(_row(line))
    flush()


def _regions(lines: list[Line]) -> list[tuple[str, Line, str]]:
    """(region, line, cleaned text) for the non-blank lines before the action plan."""
    region, out = "intro", []
    for line in lines:
        if line.is_blank:
            continue
        text = clean(line.text)
        if text.lower() in (_STRATEGIC_PRIORITIES, _OUTLINE, _MEASURES):
            region = text.lower()
            out.append(("heading", line, text))
        else:
            out.append((region, line, text))
    return out


def _scan_preamble(st: _State, lines: list[Line]) -> None:
    """The listed priorities and the outline's activity -> priority, before the action plan."""
    outline_priority = ""
    for region, line, text in _regions(lines):
        m = _LISTED_PRIORITY.match(text)
        if region == _STRATEGIC_PRIORITIES and m:
            st.listed[f"{m.group(1)}.{m.group(2)}"] = (m.group(3).strip(), line)
        elif region == _OUTLINE and text.endswith(":"):
            # "Fostering enterprise and entrepreneurship:" heads the outline's 2.4 list.
            best = max(st.listed.items(), default=None,
                       key=lambda kv: fuzz.token_set_ratio(kv[1][0].lower(), text.lower()))
            if best and fuzz.token_set_ratio(best[1][0].lower(), text.lower()) >= 85:
                outline_priority = best[0]
        elif region == _OUTLINE and (b := _BULLET.match(text)) and outline_priority:
            st.outline.append((b.group(1), outline_priority))


def _read_preamble(st: _State, lines: list[Line]) -> None:
    led = st.out.ledger
    theme: str | None = None
    measures: dict[str, int] = {}
    priorities = {s.number: s for s in st.out.sections if s.kind == "priority"}
    activities = [c for c in st.out.commitments if c.kind == "activity"]
    for region, line, text in _regions(lines):
        if region == "heading":
            led.consume(line, f"narrative: heading {text!r}")
            continue
        heading = _theme_key(st, text)
        if heading:
            theme = heading
            led.consume(line, f"furniture: heading of {heading}")
            continue
        if region == "intro":
            m = re.match(r"^(.+?)\s+[-–]\s+(.+)$", text)
            key = _theme_key(st, m.group(1)) if m else None
            if m and key:  # "A Great Place to Live - Tower Hamlets will be a place where ..."
                # The theme's definition: it becomes the record, the action-plan row a heading.
                idx = next(i for i, s in enumerate(st.out.sections) if s.key == key)
                old = st.out.sections[idx]
                led.consume(st.lines[old.span.first - 1], f"furniture: action-plan heading of {key}")
                st.out.sections[idx] = replace(old, span=SourceSpan.of([line]), ambition=m.group(2))
                led.consume(line, key)
            else:
                led.consume(line, "narrative: introduction and context")
        elif region == _STRATEGIC_PRIORITIES:
            m = _LISTED_PRIORITY.match(text)
            number = f"{m.group(1)}.{m.group(2)}" if m else ""
            if m and number not in priorities:  # listed, but neither headed nor inferred
                sec = Section("priority", f"priority-{number}", m.group(3), SourceSpan.of([line]),
                              number=number, parent=st.theme_of.get(m.group(1)))
                st.out.sections.append(sec)
                led.consume(line, sec.key)
            elif m and priorities[number].span.first == line.number:  # inferred (see _check_priority)
                led.consume(line, priorities[number].key)
            elif m:
                led.consume(line, f"narrative: overview list entry for priority-{number}")
            else:
                led.consume(line, "narrative: strategic priorities introduction")
        elif region == _OUTLINE:
            b = _BULLET.match(text)
            item = b.group(1).lower() if b else ""
            hit = max(activities, key=lambda a: fuzz.ratio(a.text.lower(), item), default=None)
            if item and hit and fuzz.ratio(hit.text.lower(), item) >= 80:
                led.consume(line, f"narrative: outline entry restating {hit.key}")
            else:
                led.consume(line, "narrative: key activities outline")
        else:
            b = _BULLET.match(text)
            if b and theme:
                item = b.group(1).strip()
                flags: tuple[str, ...] = ()
                # "...Development*" marks a SEF measure; "DV only*" marks its SEF part (kept as
                # printed); "A*- C" is a grade, not a mark.
                if item.endswith("*"):
                    item, flags = item.rstrip("*").rstrip(), ("sef",)
                elif re.search(r"[a-z]{2}\*(?=\s)", item):
                    flags = ("sef",)
                measures[theme] = measures.get(theme, 0) + 1
                key = f"measure-{theme.removeprefix('theme-')}-{measures[theme]}"
                st.out.commitments.append(Commitment("measure", key, item, SourceSpan.of([line]),
                                                     parent=theme, flags=flags))
                led.consume(line, key)
            elif b:
                led.report(line, "performance measure before any theme heading")
            else:
                led.consume(line, "narrative: performance measures note")


def read(info: DocumentInfo, lines: list[Line]) -> Reading:
    out = Reading(ledger=Ledger(info.id))
    start = next((i for i, x in enumerate(lines) if "\t" in x.text and x.text.strip()), len(lines))
    years = range(info.period_start.year, info.period_end.year + 2)
    st = _State(info, lines, Vocabulary(x.text for x in lines), _known_officers(lines[start:]),
                years, out)
    st.headed = {f"{m.group(1)}.{m.group(2)}" for x in lines[start:]
                 if (m := _PRIORITY.match(clean(x.text.replace("\t", " "))))}
    _scan_preamble(st, lines[:start])
    _read_action_plan(st, lines[start:])
    _read_preamble(st, lines[:start])
    out.sections.sort(key=lambda s: (s.kind != "theme", _num(s.number or "0")))
    out.commitments.sort(key=lambda c: c.span.first)
    return out
