"""Answers about people: who holds a role, how to reach someone, the board. An answer about a role says
how old it is when its newsletter is more than six months old."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from bot.answers.common import Answer, age_note, with_source
from bot.answers.meetings import headline
from bot.answers.words import capital, join_list, long_date
from bot.folding import fold
from bot.knowledge import query
from bot.knowledge.model import (
    PURPOSE_KINDS,
    Board,
    BoardMember,
    Contact,
    KnowledgeBase,
    Role,
    Source,
)
from bot.knowledge.vocabulary import load_vocabulary
from bot.nlu.question import Slots
from bot.texts import say

Holders = list[tuple[Contact, Role]]  # people with the role they hold

BOARD_POSITIONS = load_vocabulary().board_positions
CONTACT_LIST_LIMIT = 8


def title_in(title: str, lang: str) -> str:
    if lang == "en":
        return load_vocabulary().role_titles.get(title.lower(), title)
    return title


def reach(contact: Contact, lang: str) -> str:
    parts = []
    if contact.email:
        parts.append(say(lang, "email", value=contact.email))
    if contact.phone:
        parts.append(say(lang, "phone", value=contact.phone))
    return ", ".join(parts)


def purpose_name(kind: str, lang: str) -> str:
    return say(lang, f"purpose_{kind}") if kind in PURPOSE_KINDS else kind


def _named(contact: Contact, lang: str) -> str:
    how = reach(contact, lang)
    return f"{contact.name} ({how})" if how else contact.name


def role_holder(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    title = slots.role
    if not title:
        return Answer(say(lang, "which_role"), answered=False)
    if title.lower() in BOARD_POSITIONS:
        return board(kb, today, lang, slots.replace(position=title.lower()))
    owner = slots.unknown_owner
    if owner and not (slots.project or slots.other_place or slots.municipality):
        return Answer(say(lang, "role_unknown_at", place=capital(owner)), answered=False)
    view = query.as_of(kb, today)
    place = slots.other_place
    if place:  # "förbundschef i Sundbyberg": another federation's, acting titles included
        holders = [
            (c, r)
            for c, r in _all_roles(view.contacts, title, acting=True)
            if r.organisation and fold(place).split()[0] in fold(r.organisation)
        ]
        if not holders:
            return Answer(say(lang, "role_unknown_in", title=title_in(title, lang), place=place), answered=False)
    else:
        holders = [(c, r) for c, r in _all_roles(view.contacts, title) if _organisation_ok(r, slots)]
        if not holders:
            holders = list(_all_roles(view.contacts, title))
        asked = slots.municipality
        if asked:  # "socialchef i Tyresö": not Nynäshamn's; the federation's own roles serve every municipality
            holders = [(c, r) for c, r in holders if _municipality_of(r) in (None, asked)]
            if not holders:
                return Answer(say(lang, "role_unknown_in", title=title_in(title, lang), place=asked), answered=False)
    current = [(c, r) for c, r in holders if (r.start is None or r.start <= today) and (r.end is None or today < r.end)]
    coming = [
        (c, r)
        for c, r in holders
        if r.start and r.start > today or (r.note and not r.start and (c, r) not in current and _is_future_note(r.note))
    ]
    sole = title.lower() in load_vocabulary().sole_titles and not place
    acting: Holders = []
    if sole:
        current, coming, acting = _one_at_a_time(kb, _acting(view.contacts, title, today), current, coming)
    gone = sorted(
        ((c, r, r.end) for c, r in holders if r.end and r.end <= today), key=lambda ended: ended[2], reverse=True
    )
    shown_title = title_in(holders[0][1].title if place and holders else title, lang)
    lines: list[str] = []
    sources: list[Source] = []
    for contact, role in acting:
        lines.append(say(lang, "role_now", title=capital(title_in(role.title, lang)), who=_named(contact, lang)))
        sources.append(role.source)
    if current:
        lines.append(
            say(
                lang, "role_now", title=capital(shown_title), who=join_list([_named(c, lang) for c, _ in current], lang)
            )
        )
        for contact, role in current:
            sources.append(role.source)
            if role.end:
                lines.append(
                    say(lang, "role_until", name=contact.name, title=shown_title, day=long_date(role.end, lang))
                )
    elif gone and not coming and not acting:
        contact, role, ended = gone[0]
        lines.append(say(lang, "role_until_past", name=contact.name, title=shown_title, day=long_date(ended, lang)))
        sources.append(role.source)
    for contact, role in coming:
        told = role.note and len(role.note.split()) > 1  # "tillträder i vår"; a bare "ny" the line's lead says
        note = f" ({role.note})" if told else (f", {long_date(role.start, lang)}" if role.start else "")
        lines.append(say(lang, "role_next", title=shown_title, name=_named(contact, lang), note=note))
        sources.append(role.source)
    if not lines:
        return Answer(say(lang, "role_unknown", title=shown_title), answered=False)
    dated = [*sources, *(r.dates_from for _, r in [*current, *coming] if r.dates_from)]
    if sole:  # the newest issue naming the holder tells as much ("Ansvarig utgivare: X, förbundschef")
        dated += [source for contact, _ in current for source in contact.sources]
    lines.append(age_note(kb, dated, today, lang))
    return Answer(with_source(lines, kb, sources, lang))


def _one_at_a_time(kb: KnowledgeBase, acting: Holders, current: Holders, coming: Holders) -> tuple[Holders, ...]:
    """(current, coming, acting) holders of a title one person holds at a time: the current those the newest issue
    naming any of them names; one said to be coming, without a day, before them came long ago; one called new without
    a day, named together with a holder ("X blir ny förbundschef. Hon efterträder Y"), is still to come. While someone
    acts, a holder named after the acting one's appointment, or taking the title up since, ends the acting; one named
    with it is away ("blir pappaledig … Under tiden går X in som tillförordnad"); one named before it has left."""
    current = _named_last(kb, current)
    since = max((_last_named(kb, c, r) for c, r in current), default=date.min)
    coming = [(c, r) for c, r in coming if r.start or _last_named(kb, c, r) >= since]
    new = [(c, r) for c, r in current if r.note and not r.start]
    if new and len(new) < len(current):
        current = [held for held in current if held not in new]
        coming = [*coming, *new]
    acting = _named_last(kb, acting)
    if acting:
        appointed = min(_published(kb, role.source) for _, role in acting)
        after = [(c, r) for c, r in current if _last_named(kb, c, r) > appointed or r.start and r.start > appointed]
        current = after or [(c, r) for c, r in current if _last_named(kb, c, r) == appointed]
        acting = [] if after else acting
    return current, coming, acting


def _acting(contacts: list[Contact], title: str, today: date) -> Holders:
    """Those acting in a title ("tillförordnad förbundschef", `acting_titles` in the vocabulary) on `today`."""
    acting = load_vocabulary().acting_titles.get(title.lower(), ())
    return [
        (contact, role)
        for name in acting
        for contact, role in _all_roles(contacts, name)
        if (role.start is None or role.start <= today) and (role.end is None or today < role.end)
    ]


def _published(kb: KnowledgeBase, source: Source) -> date:
    issue = kb.issue(source.issue)
    return issue.published if issue else date.min


def _named_last(kb: KnowledgeBase, holders: list[tuple[Contact, Role]]) -> list[tuple[Contact, Role]]:
    """Of the holders of a title one person holds at a time, those the newest issue naming any of them names:
    "förbundschef Kerstin Alm" in 2095 and "Mikael Forsgren, förbundschef" in 2096 is a chief who came after."""
    newest = {contact.name: _last_named(kb, contact, role) for contact, role in holders}
    latest = max(newest.values(), default=date.min)
    return [(c, r) for c, r in holders if newest[c.name] == latest]


def _last_named(kb: KnowledgeBase, contact: Contact, role: Role) -> date:
    """When the newest issue that names the person came out: the one the role is from, or a later one naming them
    ("Ansvarig utgivare: Karim Nilsson, förbundschef" in each issue while he is chief)."""
    sources = [role.source, *([role.dates_from] if role.dates_from else []), *contact.sources]
    issues = [kb.issue(source.issue) for source in sources]
    return max((issue.published for issue in issues if issue), default=date.min)


def _is_future_note(note: str) -> bool:
    folded = fold(note)
    return any(fold(word) in folded for word in load_vocabulary().role_joins)


def _all_roles(contacts: list[Contact], title: str, acting: bool = False) -> Iterator[tuple[Contact, Role]]:
    wanted = title.lower()
    for contact in contacts:
        for role in contact.roles:
            held = role.title.lower()
            if held == wanted or acting and held.endswith(" " + wanted):
                yield contact, role


def _municipality_of(role: Role) -> str | None:
    """The municipality a role's organisation names ("Nynäshamns kommun", "Haninge"), if any."""
    return load_vocabulary().municipality_of(role.organisation) if role.organisation else None


def _organisation_ok(role: Role, slots: Slots) -> bool:
    project = slots.project
    if not project:
        return True
    return role.organisation is not None and fold(project) in fold(role.organisation)


def person(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    name = slots.person
    if not name:
        if slots.role:
            return role_holder(kb, today, lang, slots)
        return contacts(kb, today, lang, slots)
    view = query.as_of(kb, today)
    contact = next((c for c in view.contacts if c.name == name), None) or query.find_contact(kb, today, name)
    if contact is not None and slots.succession:
        return _successor(contact, kb, today, lang)
    if contact is not None:
        described = describe_contact(contact, kb, lang, today)
        if reach_lacking(slots.reach, contact):  # what was asked for, which the newsletters do not give
            return Answer(say(lang, f"no_{slots.reach}", name=contact.name) + "\n" + described, answered=False)
        return Answer(described)
    not_given = [say(lang, f"no_{slots.reach}", name=name)] if slots.reach else []  # no contact: nothing given
    for board_ in view.boards:
        for member in board_.members:
            if member.name == name:
                return Answer(
                    with_source(
                        [
                            *not_given,
                            say(lang, "board_member", name=name, what=_member_what(member, lang)),
                            age_note(kb, [board_.source], today, lang),
                        ],
                        kb,
                        [board_.source],
                        lang,
                    ),
                    answered=not not_given,
                )
    for meeting in sorted(view.meetings, key=lambda m: m.date, reverse=True):
        if any(speaker.split(",")[0].strip() == name for speaker in meeting.speakers):
            return Answer(
                with_source(
                    [*not_given, say(lang, "speaker_at", name=name, meeting=headline(meeting, lang).lower())],
                    kb,
                    meeting.sources,
                    lang,
                ),
                meetings=[meeting],
                answered=not not_given,
            )
    return Answer(say(lang, "person_unknown"), answered=False)


def _successor(contact: Contact, kb: KnowledgeBase, today: date, lang: str) -> Answer:
    """Who takes over a role `contact` leaves or has left: someone holding its title from then on."""
    contacts = query.as_of(kb, today).contacts
    for role in sorted((role for role in contact.roles if role.end), key=lambda role: role.end or today):
        after = [
            (other, held)
            for other, held in _all_roles(contacts, role.title)
            if other.name != contact.name and (held.end is None or role.end is not None and held.end > role.end)
        ]
        if after:
            who = join_list([other.name for other, _ in after], lang)
            line = say(lang, "successor", who=who, name=contact.name, title=title_in(role.title, lang))
            sources = [source for other, _ in after for source in other.sources[-1:]]
            return Answer(with_source([line], kb, sources, lang))
    return Answer(say(lang, "successor_unknown", name=contact.name), answered=False)


def reach_lacking(reach: str | None, contact: Contact) -> bool:
    """Whether the way of reaching asked for ("telefonnummer", "adress", "kontaktuppgifter") is one the
    newsletters do not give the contact: a phone number or e-mail address they lack; never an address or hours."""
    given = {"phone": contact.phone, "email": contact.email, "any": contact.phone or contact.email}
    return reach is not None and not given.get(reach)


def describe_contact(contact: Contact, kb: KnowledgeBase, lang: str, today: date) -> str:
    first = contact.name
    roles = []
    for role in contact.roles:
        text = title_in(role.title, lang)
        if role.organisation:
            text += f", {role.organisation}"
        if role.end:
            text += f" ({say(lang, 'until_day', day=long_date(role.end, lang))})"
        elif role.note:
            text += f" ({role.note})"
        roles.append(text)
    if roles:
        first += " – " + "; ".join(dict.fromkeys(roles))
    elif contact.organisation:
        first += f" – {contact.organisation}"
    lines = [first]
    how = reach(contact, lang)
    if how:
        lines.append(capital(how))
    purposes = [purpose_name(purpose.kind, lang) for purpose in contact.contact_for]
    if purposes:
        lines.append(say(lang, "contact_for", what=", ".join(dict.fromkeys(purposes))))
    if contact.roles:
        lines.append(age_note(kb, contact.sources, today, lang))
    return with_source(lines, kb, contact.sources, lang)


def contacts(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    view = query.as_of(kb, today)
    reachable = [c for c in view.contacts if c.email or c.phone]
    asked = slots.project or slots.provider
    if asked:  # "Ung i Nynäs telefonnummer": only someone the newsletters tie to it, not everyone
        reachable = [c for c in reachable if any(_organisation_ok(r, Slots(project=asked)) for r in c.roles)]
        if not reachable:
            return Answer(say(lang, "contact_unknown_at", place=asked), answered=False)
    if not reachable:
        return Answer(say(lang, "person_unknown"), answered=False)
    lines = [say(lang, "contacts_lead")]
    sources = []
    for contact in reachable[:CONTACT_LIST_LIMIT]:
        what = [title_in(role.title, lang) for role in contact.roles[:1]] or [
            ", ".join(dict.fromkeys(purpose_name(p.kind, lang) for p in contact.contact_for))
        ]
        lines.append(f"• {contact.name}{' – ' + what[0] if what else ''}: {reach(contact, lang)}")
        sources.extend(contact.sources[-1:])
    return Answer(with_source(lines, kb, sources, lang))


def _appointed_since(kb: KnowledgeBase, today: date, board: Board, position: str) -> list[tuple[Contact, Role]]:
    """Those an issue later than the board's list says were appointed to the position (a role with a note of
    joining: "ny", "vald till vice") by `today`, other than the list's holders."""
    listed = kb.issue(board.source.issue)
    since = listed.published if listed else date.min
    holders = {fold(member.name) for member in board.members if member.name and member.position.lower() == position}
    found = []
    for contact, role in _all_roles(query.as_of(kb, today).contacts, position):
        told = kb.issue(role.source.issue)
        later = told is not None and told.published > since and fold(contact.name) not in holders
        if later and role.note and (role.start is None or role.start <= today) and role.end is None:
            found.append((contact, role))
    return found


def _board_lead(board: Board, lang: str) -> str:
    """ "Styrelsen 2019–2022:", or of one year when the newsletter gives no term ("Styrelsen 2096:")."""
    years = f"{board.start_year}–{board.end_year}" if board.end_year != board.start_year else str(board.start_year)
    return say(lang, "board_lead", years=years)


def _member_what(member: BoardMember, lang: str) -> str:
    parts = [title_in(member.position, lang)]
    if member.party:
        parts[0] = f"{parts[0]} ({member.party})"
    parts.append(member.represents)
    return ", ".join(parts)


def _member_line(member: BoardMember, lang: str) -> str:
    party = f" ({member.party})" if member.party else ""
    return f"• {capital(_holder(member, lang))}{party}, {title_in(member.position, lang)}, {member.represents}"


def _holder(member: BoardMember, lang: str) -> str:
    """The member's name, or for a seat no one holds the word vacant and what the newsletter says of it
    ("Utses i februari": "vakant (Utses i februari)"), never the remark where a name would stand."""
    if member.name:
        return member.name
    vacant = say(lang, "vacant")
    remark = (member.vacancy or "").strip()
    if fold(remark).startswith(fold(say("sv", "vacant"))):
        remark = remark[len(say("sv", "vacant")) :].strip(" ()–-,:")
    if not remark:
        return vacant
    return f"{vacant} ({remark if lang == 'sv' else '»' + remark + '«'})"


def board(kb: KnowledgeBase, today: date, lang: str, slots: Slots) -> Answer:
    found: Board | None = query.current_board(kb, today)
    if found is None:
        return Answer(say(lang, "no_board"), answered=False)
    members = found.members
    other = slots.other_place
    if other and not any(fold(other) in fold(m.represents) for m in members):  # "styrelsen i VärNa"
        return Answer(say(lang, "board_of_other", place=other), answered=False)
    position = slots.position or (slots.role.lower() if slots.role and slots.role.lower() in BOARD_POSITIONS else None)
    municipality = slots.municipality
    if position:
        members = [m for m in members if m.position.lower() == position]
    if municipality:
        members = [m for m in members if fold(municipality) in fold(m.represents)]
        if not members:
            return Answer(with_source([say(lang, "board_none_for", what=municipality)], kb, [found.source], lang))
    appointed = _appointed_since(kb, today, found, position) if position and not municipality else []
    if appointed:  # "I mars utsåg styrelsen X till vice ordförande" after the list that had the seat vacant
        who = join_list([contact.name for contact, _ in appointed], lang)
        sources = [role.source for _, role in appointed]
        lines = [f"{capital(title_in(position or '', lang))}: {who}", age_note(kb, sources, today, lang)]
        return Answer(with_source(lines, kb, sources, lang))
    if position and len(members) <= 2:
        lines = [
            f"{capital(title_in(m.position, lang))}: {_holder(m, lang)}"
            f"{f' ({m.party})' if m.party else ''}, {m.represents}"
            for m in members
        ]
        lines.append(_board_lead(found, lang).rstrip(":") + ".")
        lines.append(age_note(kb, [found.source], today, lang))
        return Answer(with_source(lines, kb, [found.source], lang))
    lines = [_board_lead(found, lang)]
    lines.extend(_member_line(member, lang) for member in members)
    lines.append(age_note(kb, [found.source], today, lang))
    return Answer(with_source(lines, kb, [found.source], lang))
