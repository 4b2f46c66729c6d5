"""The actor gazetteer (data/gazetteer.toml): canonical actors, their aliases, and people's dated
roles.

Loading validates the file and names the actor and field of any mistake.
"""

from __future__ import annotations

import re
import tomllib
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
    "group",
    "memberships",
    "part_of",
    "involves",
    "partners",
    "roles",
}


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
class Actor:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    group: str | None = None
    memberships: tuple[tuple[str, date, date | None], ...] = ()
    part_of: str | None = None
    involves: tuple[str, ...] = ()
    partners: bool = False
    roles: tuple[Role, ...] = ()

    def all_names(self) -> list[tuple[str, str]]:
        """(name, how it names the actor): alias, demonym or metonym."""
        return (
            [(a, "alias") for a in self.aliases]
            + [(d, "demonym") for d in self.demonyms]
            + [(m, "metonym") for m in self.metonyms]
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

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def is_bloc_side(self, actor_id: str) -> bool:
        """ASEAN itself, its Secretariat, and bodies and frameworks that belong to ASEAN alone."""
        actor = self.actors.get(actor_id)
        return actor is not None and (actor.id == "ASEAN" or actor.part_of == "ASEAN")

    def is_member(self, actor_id: str, day: date | None = None) -> bool:
        actor = self.actors.get(actor_id)
        if actor is None or actor.type != "state":
            return False
        for of, start, end in actor.memberships:
            if of == "ASEAN" and (day is None or (start <= day and (end is None or day <= end))):
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
        if key not in ("actors", "ignore"):
            raise GazetteerError(
                f"{p}: top-level key '{key}': unknown (expected [[actors]] and [ignore])"
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
        for fld, ref in refs:
            if ref not in actors:
                raise GazetteerError(f"{where}, field '{fld}': unknown actor id {ref!r}")
    return Gazetteer(path=p, actors=actors, ignore=ignore)


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


def _parse_memberships(raw: Any, where: str) -> tuple[tuple[str, date, date | None], ...]:
    """A state's dated memberships (of, from, to): ASEAN's membership changes over time."""
    memberships = []
    for j, m in enumerate(raw):
        mw = f"{where}, field 'memberships[{j}]'"
        if not isinstance(m, dict) or not isinstance(m.get("of"), str) or "from" not in m:
            raise GazetteerError(f"{mw}: needs of and from")
        memberships.append(
            (m["of"], _date(m["from"], mw), _date(m["to"], mw) if m.get("to") else None)
        )
    return tuple(memberships)


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
    return Actor(
        id=entry["id"],
        type=entry["type"],
        name=entry["name"].strip(),
        aliases=aliases or (entry["name"].strip(),),
        demonyms=_strings(entry.get("demonyms", []), f"{where}, field 'demonyms'"),
        metonyms=_strings(entry.get("metonyms", []), f"{where}, field 'metonyms'"),
        group=entry.get("group"),
        memberships=memberships,
        part_of=entry.get("part_of"),
        involves=_strings(entry.get("involves", []), f"{where}, field 'involves'"),
        partners=bool(entry.get("partners", False)),
        roles=roles,
    )
