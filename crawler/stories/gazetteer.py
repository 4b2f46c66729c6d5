"""The actor gazetteer (data/gazetteer.toml): canonical actors, their aliases (some guarded by
context), people's dated roles, and the offices that role phrases name.

Loading validates the file and names the actor and field of any mistake.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

TYPES = ("state", "bloc", "body", "framework", "igo", "person")
GROUPS = ("member", "partner", "other")
ID_RE = re.compile(r"^(?:[A-Z][A-Z0-9]{1,11}|person:[a-z0-9]+(?:-[a-z0-9]+)*)$")
ACTOR_KEYS = {
    "id",
    "type",
    "name",
    "aliases",
    "demonyms",
    "metonyms",
    "regions",
    "bodies",
    "group",
    "memberships",
    "part_of",
    "involves",
    "partners",
    "roles",
    "guarded",
}
GUARD_KEYS = {"alias", "person", "not_before", "not_after", "with"}
OFFICE_KEYS = {"id", "titles", "phrases"}
OFFICE_ID_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


class GazetteerError(Exception):
    """A mistake in the gazetteer file; str() names the file, the actor and the field."""


@dataclass(frozen=True)
class Role:
    of: str
    title: str
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Guard:
    """Context an alias needs to count, for names that are also ordinary words or other things
    ("Chad" Smith, "turkey", Lake "Victoria"). Every guarded alias must be written as in the
    gazetteer (or in a line all in capitals) and not be a whole quotation ("APT.", a song)."""

    alias: str
    person: bool = False  # also a given name or surname: not next to another capitalised name
    not_before: tuple[str, ...] = ()  # words right before it that make it something else
    not_after: tuple[str, ...] = ()  # words right after it that make it something else
    with_: tuple[str, ...] = ()  # counts only in a text that names one of these actors otherwise


@dataclass(frozen=True)
class Office:
    """An office that text names by a phrase instead of a name ("the Thai prime minister"): the
    role titles that hold it and the phrases that name it."""

    id: str
    titles: tuple[str, ...]
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # provinces and states: places, read as metonyms
    bodies: tuple[str, ...] = ()  # its own official bodies ("JICA", "OJK"): the state acting
    group: str | None = None
    # (of, from, to, as): "member", or "observer" before joining (Timor-Leste from 2022-11)
    memberships: tuple[tuple[str, date, date | None, str], ...] = ()
    part_of: str | None = None
    involves: tuple[str, ...] = ()
    partners: bool = False
    roles: tuple[Role, ...] = ()
    guards: tuple[Guard, ...] = ()

    def guard_for(self, name: str) -> Guard | None:
        return next((g for g in self.guards if g.alias == name), None)

    def all_names(self) -> list[tuple[str, str]]:
        """(name, how it names the actor): alias, demonym, metonym, region or body."""
        return (
            [(a, "alias") for a in self.aliases]
            + [(d, "demonym") for d in self.demonyms]
            + [(m, "metonym") for m in self.metonyms]
            + [(r, "region") for r in self.regions]
            + [(b, "body") for b in self.bodies]
        )

    def states_on(self, day: date | None) -> list[str]:
        """The states or blocs this person stands for on a day (their roles then)."""
        if day is None:
            return []
        return sorted({r.of for r in self.roles if r.holds_on(day)})


@dataclass(frozen=True)
class Gazetteer:
    path: Path
    actors: dict[str, Actor] = field(default_factory=dict)
    ignore: tuple[
        str, ...
    ] = ()  # phrases that contain a name but mention no actor ("South China Sea")
    offices: dict[str, Office] = field(default_factory=dict)
    # (actor, office) -> the people whose roles of that actor hold the office, with the role
    office_roles: dict[tuple[str, str], tuple[tuple[str, Role], ...]] = field(default_factory=dict)

    def holders(self, of: str, office: str, day: date) -> list[str]:
        """The people who hold `office` of actor `of` on `day` (several while two overlap)."""
        roles = self.office_roles.get((of, office), ())
        return sorted({person for person, role in roles if role.holds_on(day)})

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def is_bloc_side(self, actor_id: str) -> bool:
        """ASEAN itself, its Secretariat, and bodies and frameworks that belong to ASEAN alone."""
        actor = self.actors.get(actor_id)
        return actor is not None and (actor.id == "ASEAN" or actor.part_of == "ASEAN")

    def is_member(self, actor_id: str, day: date | None = None, observer: bool = False) -> bool:
        """A member of ASEAN on `day` (any day when None); with `observer`, an observer counts as
        one: its relations with partners are the region's own."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.type != "state":
            return False
        for of, start, end, role in actor.memberships:
            if (
                of == "ASEAN"
                and (role == "member" or observer)
                and (day is None or (start <= day and (end is None or day <= end)))
            ):
                return True
        return actor.group == "member" and not actor.memberships

    def is_partner(self, actor_id: str, day: date | None = None) -> bool:
        """An actor outside ASEAN: a non-member state, the EU, another IGO."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return False
        if actor.type == "state":
            return not self.is_member(actor_id, day)
        return actor.type == "igo" or actor_id == "EU"


def bundled_gazetteer_path() -> Path:
    """The gazetteer that ships with wirewatch (package data)."""
    return Path(str(resources.files("crawler.stories").joinpath("gazetteer.toml")))


def default_gazetteer_path() -> Path:
    """./data/gazetteer.toml when the current folder has one (the user-editable copy), else the
    bundled one."""
    local = Path("data") / "gazetteer.toml"
    return local if local.is_file() else bundled_gazetteer_path()


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise GazetteerError(f"{where}: {value!r} is not a date (YYYY-MM-DD)")


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GazetteerError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    p = Path(path) if path else default_gazetteer_path()
    try:
        data = tomllib.loads(p.read_text("utf-8"))
    except OSError as exc:
        raise GazetteerError(f"{p}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{p}: invalid TOML: {exc}") from None
    for key in data:
        if key not in ("actors", "offices", "ignore"):
            raise GazetteerError(
                f"{p}: top-level key '{key}': unknown "
                f"(expected [[actors]], [[offices]] and [ignore])"
            )
    raw = data.get("actors")
    if not isinstance(raw, list):
        raise GazetteerError(f"{p}: expected [[actors]] tables")
    ignore_table = data.get("ignore", {})
    if not isinstance(ignore_table, dict) or set(ignore_table) - {"phrases"}:
        raise GazetteerError(f"{p}: [ignore], field 'phrases': expected only a list of phrases")
    ignore = _strings(ignore_table.get("phrases", []), f"{p}: [ignore], field 'phrases'")
    actors: dict[str, Actor] = {}
    for i, entry in enumerate(raw):
        actor = _parse_actor(entry, f"{p}: actors[{i}]")
        if actor.id in actors:
            raise GazetteerError(f"{p}: actors[{i}] ({actor.id}), field 'id': duplicate id")
        actors[actor.id] = actor
    for actor in actors.values():
        where = f"{p}: actor {actor.id}"
        refs = [("part_of", actor.part_of)] if actor.part_of else []
        refs += [("involves", x) for x in actor.involves]
        refs += [("roles.of", r.of) for r in actor.roles]
        refs += [("memberships.of", m[0]) for m in actor.memberships]
        refs += [("guarded.with", x) for g in actor.guards for x in g.with_]
        for fld, ref in refs:
            if ref not in actors:
                raise GazetteerError(f"{where}, field '{fld}': unknown actor id {ref!r}")
    _check_names_unique(actors, ignore, p)
    offices = _parse_offices(data.get("offices", []), actors, p)
    return Gazetteer(
        path=p,
        actors=actors,
        ignore=ignore,
        offices=offices,
        office_roles=_office_roles(actors, offices),
    )


def _name_key(name: str) -> str:
    """How matching sees a name: case, diacritics and apostrophe shapes do not tell two apart."""
    plain = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u2018", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def _check_names_unique(actors: dict[str, Actor], ignore: tuple[str, ...], p: Path) -> None:
    """A name that two actors share would count for both wherever it appears ("Dominican", "Congo"
    of two states), and an ignored phrase that is also a name would silence it: both are
    mistakes."""
    owner: dict[str, str] = {}
    for actor in actors.values():
        for name, _kind in actor.all_names():
            other = owner.setdefault(_name_key(name), actor.id)
            if other != actor.id:
                raise GazetteerError(
                    f"{p}: actor {actor.id}: name {name!r} is also a name of {other}; "
                    f"a name may stand for one actor only"
                )
    for phrase in ignore:
        if _name_key(phrase) in owner:
            raise GazetteerError(
                f"{p}: [ignore], field 'phrases': {phrase!r} is a name of "
                f"{owner[_name_key(phrase)]}"
            )


def _parse_offices(raw: Any, actors: dict[str, Actor], p: Path) -> dict[str, Office]:
    """[[offices]]: each title must be some role's title (a typo would silently match nothing) and
    each phrase must name one office only."""
    if not isinstance(raw, list):
        raise GazetteerError(f"{p}: expected [[offices]] tables")
    titles_in_use = {r.title.casefold() for a in actors.values() for r in a.roles}
    offices: dict[str, Office] = {}
    phrase_owner: dict[str, str] = {}
    for i, entry in enumerate(raw):
        where = f"{p}: offices[{i}]"
        if not isinstance(entry, dict):
            raise GazetteerError(f"{where}: must be a table")
        if isinstance(entry.get("id"), str):
            where = f"{where} ({entry['id']})"
        for key in entry:
            if key not in OFFICE_KEYS:
                raise GazetteerError(f"{where}, field '{key}': unknown key")
        oid = entry.get("id")
        if not isinstance(oid, str) or not OFFICE_ID_RE.match(oid):
            raise GazetteerError(f"{where}, field 'id': missing or not a lower-case slug")
        if oid in offices:
            raise GazetteerError(f"{where}, field 'id': duplicate id")
        titles = _strings(entry.get("titles"), f"{where}, field 'titles'")
        phrases = _strings(entry.get("phrases"), f"{where}, field 'phrases'")
        for title in titles:
            if title.casefold() not in titles_in_use:
                raise GazetteerError(f"{where}, field 'titles': {title!r} is no role's title")
        for phrase in phrases:
            other = phrase_owner.setdefault(_name_key(phrase), oid)
            if other != oid:
                raise GazetteerError(
                    f"{where}, field 'phrases': {phrase!r} already names office {other}"
                )
        offices[oid] = Office(oid, titles, phrases)
    return offices


def _office_roles(
    actors: dict[str, Actor], offices: dict[str, Office]
) -> dict[tuple[str, str], tuple[tuple[str, Role], ...]]:
    """Each person's roles filed under (the actor the role is of, each office its title holds)."""
    by_title: dict[str, list[str]] = {}
    for office in offices.values():
        for title in office.titles:
            by_title.setdefault(title.casefold(), []).append(office.id)
    index: dict[tuple[str, str], list[tuple[str, Role]]] = {}
    for actor in actors.values():
        for role in actor.roles:
            for oid in by_title.get(role.title.casefold(), []):
                index.setdefault((role.of, oid), []).append((actor.id, role))
    return {key: tuple(value) for key, value in index.items()}


def _check_keys(entry: dict[str, Any], where: str) -> None:
    """Unknown keys are typos; id, type and name are what every actor needs."""
    for key in entry:
        if key not in ACTOR_KEYS:
            raise GazetteerError(f"{where}, field '{key}': unknown key")
    for key in ("id", "type", "name"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise GazetteerError(f"{where}, field '{key}': missing or not a string")


def _check_id_type_group(entry: dict[str, Any], where: str) -> None:
    """The id's form must match the type (people and only people are person:<slug>); type and group
    come from fixed lists."""
    if not ID_RE.match(entry["id"]):
        raise GazetteerError(
            f"{where}, field 'id': {entry['id']!r} is not an upper-case code or person:<slug>"
        )
    if entry["type"] not in TYPES:
        raise GazetteerError(
            f"{where}, field 'type': {entry['type']!r} is not one of {', '.join(TYPES)}"
        )
    if (entry["type"] == "person") != entry["id"].startswith("person:"):
        raise GazetteerError(f"{where}, field 'id': people and only people have ids person:<slug>")
    if "group" in entry and entry["group"] not in GROUPS:
        raise GazetteerError(
            f"{where}, field 'group': {entry['group']!r} is not one of {', '.join(GROUPS)}"
        )


def _parse_roles(raw: Any, where: str) -> tuple[Role, ...]:
    """A person's dated roles: each needs the actor it is `of` and a `from` date, and must not end
    before it starts."""
    roles = []
    for j, r in enumerate(raw):
        rw = f"{where}, field 'roles[{j}]'"
        if not isinstance(r, dict) or not isinstance(r.get("of"), str) or "from" not in r:
            raise GazetteerError(f"{rw}: needs of and from")
        start = _date(r["from"], rw + ".from")
        end = _date(r["to"], rw + ".to") if r.get("to") else None
        if end is not None and end < start:
            raise GazetteerError(f"{rw}: ends before it starts")
        roles.append(Role(of=r["of"], title=str(r.get("title", "")), start=start, end=end))
    return tuple(roles)


def _parse_memberships(raw: Any, where: str) -> tuple[tuple[str, date, date | None, str], ...]:
    """A state's dated memberships (of, from, to, as): ASEAN's membership changes over time."""
    memberships = []
    for j, m in enumerate(raw):
        mw = f"{where}, field 'memberships[{j}]'"
        if not isinstance(m, dict) or not isinstance(m.get("of"), str) or "from" not in m:
            raise GazetteerError(f"{mw}: needs of and from")
        role = m.get("as", "member")
        if role not in ("member", "observer"):
            raise GazetteerError(f"{mw}: 'as' must be member or observer, not {role!r}")
        memberships.append(
            (m["of"], _date(m["from"], mw), _date(m["to"], mw) if m.get("to") else None, role)
        )
    return tuple(memberships)


def _parse_guards(raw: Any, names: set[str], where: str) -> tuple[Guard, ...]:
    """`guarded`: one table per alias that needs context; the alias must be one of the actor's own
    names, written the same way, since it must then appear in the text just so."""
    if not isinstance(raw, list):
        raise GazetteerError(f"{where}, field 'guarded': must be a list of tables")
    guards = []
    for j, g in enumerate(raw):
        gw = f"{where}, field 'guarded[{j}]'"
        if not isinstance(g, dict):
            raise GazetteerError(f"{gw}: must be a table {{ alias = ..., ... }}")
        for key in g:
            if key not in GUARD_KEYS:
                raise GazetteerError(f"{gw}, key '{key}': unknown (expected {sorted(GUARD_KEYS)})")
        alias = g.get("alias")
        if not isinstance(alias, str) or alias not in names:
            raise GazetteerError(
                f"{gw}: alias {alias!r} is not one of the actor's aliases, demonyms or metonyms"
            )
        if not isinstance(g.get("person", False), bool):
            raise GazetteerError(f"{gw}, key 'person': must be true or false")
        guards.append(
            Guard(
                alias=alias,
                person=g.get("person", False),
                not_before=_strings(g.get("not_before", []), f"{gw}, key 'not_before'"),
                not_after=_strings(g.get("not_after", []), f"{gw}, key 'not_after'"),
                with_=_strings(g.get("with", []), f"{gw}, key 'with'"),
            )
        )
    if len({g.alias for g in guards}) != len(guards):
        raise GazetteerError(f"{where}, field 'guarded': an alias is guarded twice")
    return tuple(guards)


def _parse_actor(entry: Any, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise GazetteerError(f"{where}: must be a table")
    aid = entry.get("id")
    if isinstance(aid, str):
        where = f"{where} ({aid})"
    _check_keys(entry, where)
    _check_id_type_group(entry, where)
    roles = _parse_roles(entry.get("roles", []), where)
    memberships = _parse_memberships(entry.get("memberships", []), where)
    aliases = _strings(entry.get("aliases", []), f"{where}, field 'aliases'")
    aliases = aliases or (entry["name"].strip(),)
    demonyms = _strings(entry.get("demonyms", []), f"{where}, field 'demonyms'")
    metonyms = _strings(entry.get("metonyms", []), f"{where}, field 'metonyms'")
    regions = _strings(entry.get("regions", []), f"{where}, field 'regions'")
    bodies = _strings(entry.get("bodies", []), f"{where}, field 'bodies'")
    names = {*aliases, *demonyms, *metonyms, *regions, *bodies}
    guards = _parse_guards(entry.get("guarded", []), names, where)
    return Actor(
        id=entry["id"],
        type=entry["type"],
        name=entry["name"].strip(),
        aliases=aliases,
        demonyms=demonyms,
        metonyms=metonyms,
        regions=regions,
        bodies=bodies,
        group=entry.get("group"),
        memberships=memberships,
        part_of=entry.get("part_of"),
        involves=_strings(entry.get("involves", []), f"{where}, field 'involves'"),
        partners=bool(entry.get("partners", False)),
        roles=roles,
        guards=guards,
    )
