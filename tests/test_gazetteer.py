"""The gazetteer: the bundled file covers what users expect, and mistakes in it are named
precisely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crawler.stories.gazetteer import GazetteerError, load_gazetteer

MEMBERS = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"]
PARTNERS = ["AUS", "CAN", "CHN", "EU", "IND", "JPN", "KOR", "NZL", "RUS", "GBR", "USA"]


def test_bundled_gazetteer_covers_members_partners_frameworks_and_people() -> None:
    """Every ASEAN member and Timor-Leste, every dialogue partner, the frameworks, and people with
    dated roles."""
    gaz = load_gazetteer()
    for actor in (
        MEMBERS + PARTNERS + ["ASEAN", "ASEANSEC", "ARF", "EAS", "APT", "ADMMPLUS", "RCEP"]
    ):
        assert actor in gaz, actor
    assert all(gaz.is_member(m, date(2026, 1, 1)) for m in MEMBERS)
    assert not gaz.is_member("TLS", date(2024, 1, 1)), "Timor-Leste joined in October 2025"
    assert all(gaz.is_partner(p) for p in PARTNERS)
    for person in (
        "person:sergei-lavrov",
        "person:subrahmanyam-jaishankar",
        "person:teodoro-locsin-jr",
        "person:prayut-chan-o-cha",
        "person:kao-kim-hourn",
    ):
        assert gaz[person].type == "person" and gaz[person].roles, person
    assert gaz["person:sergei-lavrov"].states_on(date(2026, 2, 9)) == ["RUS"]
    assert gaz["person:teodoro-locsin-jr"].states_on(date(2026, 2, 9)) == []


BAD = [
    (
        '[[actors]]\nid = "RUS"\ntype = "state"\nname = "Russia"\n'
        '[[actors]]\nid = "RUS"\ntype = "state"\nname = "R"\n',
        "actors[1] (RUS), field 'id': duplicate id",
    ),
    (
        '[[actors]]\nid = "person:x"\ntype = "person"\nname = "X"\n'
        'roles = [{of = "NOPE", from = "2020-01-01"}]\n',
        "actor person:x, field 'roles.of': unknown actor id 'NOPE'",
    ),
    (
        '[[actors]]\nid = "RUS"\ntype = "planet"\nname = "Russia"\n',
        "field 'type': 'planet' is not one of",
    ),
    (
        '[[actors]]\nid = "person:x"\ntype = "person"\nname = "X"\n'
        'roles = [{of = "person:x", from = "2020-13-01"}]\n',
        "is not a date",
    ),
    ('[[actors]]\nid = "Russia"\ntype = "state"\nname = "Russia"\n', "field 'id': 'Russia' is not"),
    (
        '[[actors]]\nid = "RUS"\ntype = "state"\nname = "Russia"\ncolour = "red"\n',
        "field 'colour': unknown key",
    ),
]


@pytest.mark.parametrize("text,message", BAD)
def test_gazetteer_errors_name_actor_and_field(tmp_path: Path, text: str, message: str) -> None:
    """Each mistake is one error naming the file, the actor and the field."""
    path = tmp_path / "g.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    assert str(path) in str(info.value) and message in str(info.value)
