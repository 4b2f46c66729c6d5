"""The gazetteer: the bundled file covers what users expect, and mistakes in it are named
precisely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crawler.stories.gazetteer import GazetteerError, load_gazetteer
from tests.conftest import group_texts, query, relevance_of

MEMBERS = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"]
PARTNERS = ["AUS", "CAN", "CHN", "EU", "IND", "JPN", "KOR", "NZL", "RUS", "GBR", "USA"]
# The 193 UN member states (ISO 3166-1 alpha-3 and a usual English name), then the two observer
# states and the four territories listed on their own.
UN_MEMBERS = """
AFG Afghanistan
AGO Angola
ALB Albania
AND Andorra
ARE United Arab Emirates
ARG Argentina
ARM Armenia
ATG Antigua and Barbuda
AUS Australia
AUT Austria
AZE Azerbaijan
BDI Burundi
BEL Belgium
BEN Benin
BFA Burkina Faso
BGD Bangladesh
BGR Bulgaria
BHR Bahrain
BHS Bahamas
BIH Bosnia and Herzegovina
BLR Belarus
BLZ Belize
BOL Bolivia
BRA Brazil
BRB Barbados
BRN Brunei
BTN Bhutan
BWA Botswana
CAF Central African Republic
CAN Canada
CHE Switzerland
CHL Chile
CHN China
CIV Côte d'Ivoire
CMR Cameroon
COD Democratic Republic of the Congo
COG Republic of the Congo
COL Colombia
COM Comoros
CPV Cabo Verde
CRI Costa Rica
CUB Cuba
CYP Cyprus
CZE Czechia
DEU Germany
DJI Djibouti
DMA Dominica
DNK Denmark
DOM Dominican Republic
DZA Algeria
ECU Ecuador
EGY Egypt
ERI Eritrea
ESP Spain
EST Estonia
ETH Ethiopia
FIN Finland
FJI Fiji
FRA France
FSM Micronesia
GAB Gabon
GBR United Kingdom
GEO Georgia
GHA Ghana
GIN Guinea
GMB Gambia
GNB Guinea-Bissau
GNQ Equatorial Guinea
GRC Greece
GRD Grenada
GTM Guatemala
GUY Guyana
HND Honduras
HRV Croatia
HTI Haiti
HUN Hungary
IDN Indonesia
IND India
IRL Ireland
IRN Iran
IRQ Iraq
ISL Iceland
ISR Israel
ITA Italy
JAM Jamaica
JOR Jordan
JPN Japan
KAZ Kazakhstan
KEN Kenya
KGZ Kyrgyzstan
KHM Cambodia
KIR Kiribati
KNA Saint Kitts and Nevis
KOR South Korea
KWT Kuwait
LAO Laos
LBN Lebanon
LBR Liberia
LBY Libya
LCA Saint Lucia
LIE Liechtenstein
LKA Sri Lanka
LSO Lesotho
LTU Lithuania
LUX Luxembourg
LVA Latvia
MAR Morocco
MCO Monaco
MDA Moldova
MDG Madagascar
MDV Maldives
MEX Mexico
MHL Marshall Islands
MKD North Macedonia
MLI Mali
MLT Malta
MMR Myanmar
MNE Montenegro
MNG Mongolia
MOZ Mozambique
MRT Mauritania
MUS Mauritius
MWI Malawi
MYS Malaysia
NAM Namibia
NER Niger
NGA Nigeria
NIC Nicaragua
NLD Netherlands
NOR Norway
NPL Nepal
NRU Nauru
NZL New Zealand
OMN Oman
PAK Pakistan
PAN Panama
PER Peru
PHL Philippines
PLW Palau
PNG Papua New Guinea
POL Poland
PRK North Korea
PRT Portugal
PRY Paraguay
QAT Qatar
ROU Romania
RUS Russia
RWA Rwanda
SAU Saudi Arabia
SDN Sudan
SEN Senegal
SGP Singapore
SLB Solomon Islands
SLE Sierra Leone
SLV El Salvador
SMR San Marino
SOM Somalia
SRB Serbia
SSD South Sudan
STP São Tomé and Príncipe
SUR Suriname
SVK Slovakia
SVN Slovenia
SWE Sweden
SWZ Eswatini
SYC Seychelles
SYR Syria
TCD Chad
TGO Togo
THA Thailand
TJK Tajikistan
TKM Turkmenistan
TLS Timor-Leste
TON Tonga
TTO Trinidad and Tobago
TUN Tunisia
TUR Türkiye
TUV Tuvalu
TZA Tanzania
UGA Uganda
UKR Ukraine
URY Uruguay
USA United States
UZB Uzbekistan
VCT Saint Vincent and the Grenadines
VEN Venezuela
VNM Vietnam
VUT Vanuatu
WSM Samoa
YEM Yemen
ZAF South Africa
ZMB Zambia
ZWE Zimbabwe
"""
OBSERVERS_AND_TERRITORIES = """
PSE Palestine
VAT Holy See
TWN Taiwan
XKX Kosovo
HKG Hong Kong
MAC Macau
"""
# The states the gazetteer had before it listed them all: their groups must not change.
EARLIER_OTHERS = [
    "PRK", "PAK", "BGD", "LKA", "UKR", "ISR", "PSE", "FRA", "DEU", "TUR", "BRA", "ZAF", "ARE",
    "SAU", "QAT", "IRN", "BHR",
]  # fmt: skip


def _table(block: str) -> dict[str, str]:
    return dict(line.split(" ", 1) for line in block.strip().splitlines())


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
    assert gaz.is_member("TLS", date(2024, 1, 1), observer=True), "an observer from November 2022"
    assert not gaz.is_member("TLS", date(2022, 1, 1), observer=True)
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


def test_every_un_member_observer_and_territory_is_a_state() -> None:
    """All 193 UN members, the Holy See and Palestine, and Taiwan, Kosovo, Hong Kong and Macau are
    states under their ISO 3166-1 alpha-3 id (Kosovo XKX), each known by its usual English name; the
    states listed before keep their groups and the new ones are `other`."""
    gaz = load_gazetteer()
    un = _table(UN_MEMBERS)
    others = _table(OBSERVERS_AND_TERRITORIES)
    assert len(un) == 193 and len(others) == 6
    for sid, name in {**un, **others}.items():
        assert sid in gaz, f"{sid} ({name}) is missing"
        actor = gaz[sid]
        assert actor.type == "state", sid
        assert name in actor.aliases, (sid, name, actor.aliases)
        assert actor.demonyms or actor.metonyms or sid in ("VAT", "HKG", "MAC"), sid
    states = {a.id for a in gaz.actors.values() if a.type == "state"}
    assert states == set(un) | set(others)
    earlier = set(MEMBERS) | set(PARTNERS) - {"EU"} | set(EARLIER_OTHERS)
    assert all(gaz[m].group == "member" for m in MEMBERS)
    assert all(gaz[p].group == "partner" for p in set(PARTNERS) - {"EU"})
    assert all(gaz[o].group == "other" for o in EARLIER_OTHERS)
    assert all(gaz[s].group == "other" for s in states - earlier)


def test_offices_name_the_holder_on_each_side_of_a_handover() -> None:
    """An office's holders on a day come from people's dated roles: Joko Widodo handed Indonesia's
    presidency to Prabowo Subianto on 2024-10-20 (both hold it that day); Qin Gang was China's
    foreign minister between Wang Yi's two terms."""
    gaz = load_gazetteer()
    assert gaz.holders("IDN", "president", date(2024, 10, 19)) == ["person:joko-widodo"]
    assert len(gaz.holders("IDN", "president", date(2024, 10, 20))) == 2
    assert gaz.holders("IDN", "president", date(2024, 10, 21)) == ["person:prabowo-subianto"]
    assert gaz.holders("CHN", "foreign-minister", date(2023, 5, 1)) == ["person:qin-gang"]
    assert gaz.holders("CHN", "foreign-minister", date(2023, 8, 1)) == ["person:wang-yi"]
    assert gaz.holders("ASEAN", "secretary-general", date(2023, 1, 2)) == ["person:kao-kim-hourn"]
    assert gaz.holders("NGA", "president", date(2026, 1, 1)) == []
    # The Gulf's rulers: Saudi Arabia's crown prince from 2017-06-21
    assert gaz.holders("SAU", "crown-prince", date(2024, 4, 28)) == ["person:mohammed-bin-salman"]
    assert gaz.holders("SAU", "crown-prince", date(2016, 1, 1)) == []
    assert gaz.holders("QAT", "monarch", date(2025, 1, 1)) == ["person:tamim-bin-hamad"]


def test_a_gulf_rulers_protocol_report_is_a_relation_with_the_gulf_state(tmp_path: Path) -> None:
    """A Saudi Press Agency report names its side by title and name ("His Royal Highness Prince
    Mohammed bin Salman..., Crown Prince and Prime Minister") and never names Saudi Arabia: the
    crown prince is the state, so receiving the Thai prime minister is a relation, and the role
    phrase "the Saudi crown prince" names him too."""
    db = tmp_path / "ww.db"
    texts = {
        "spa": (
            "Crown Prince receives Thai Prime Minister",
            "Riyadh, April 28, 2024, SPA -- His Royal Highness Prince Mohammed bin Salman bin "
            "Abdulaziz Al Saud, Crown Prince and Prime Minister, received Prime Minister of the "
            "Kingdom of Thailand Srettha Thavisin at Al-Yamamah Palace today. They reviewed "
            "bilateral relations and opportunities to develop them.",
        ),
        "role": (
            "Thai PM meets Saudi crown prince",
            "BANGKOK - Thai Prime Minister Srettha Thavisin met the Saudi crown prince in Riyadh "
            "on Sunday and discussed bilateral relations, the government said.",
        ),
    }
    ids = group_texts(db, texts, "2024-04-28")
    assert relevance_of(db, ids) == {"spa": "related", "role": "related"}
    for article_id in ids.values():
        actors = query(db, "SELECT actor FROM article_actors WHERE article_id = ?", (article_id,))
        assert {"SAU", "person:mohammed-bin-salman"} <= {a for (a,) in actors}


CHAD = '[[actors]]\nid = "TCD"\ntype = "state"\nname = "Chad"\naliases = ["Chad"]\n'
DEBY = (
    '[[actors]]\nid = "person:x"\ntype = "person"\nname = "X"\n'
    'roles = [{ of = "TCD", title = "President", from = "2021-04-20" }]\n'
)

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
        '[[actors]]\nid = "TLS"\ntype = "state"\nname = "Timor-Leste"\n'
        'memberships = [{ of = "TLS", as = "guest", from = "2022-11-01" }]\n',
        "field 'memberships[0]': 'as' must be member or observer, not 'guest'",
    ),
    (
        '[[actors]]\nid = "RUS"\ntype = "state"\nname = "Russia"\ncolour = "red"\n',
        "field 'colour': unknown key",
    ),
    (
        '[[actors]]\nid = "JPN"\ntype = "state"\nname = "Japan"\nbodies = "JICA"\n',
        "actors[0] (JPN), field 'bodies': must be a list of non-empty strings",
    ),
    (
        f'{CHAD}guarded = [{{ alias = "Chadd" }}]\n',
        "actors[0] (TCD), field 'guarded[0]': alias 'Chadd' is not one of the actor's aliases",
    ),
    (
        f'{CHAD}guarded = [{{ alias = "Chad", near = ["Lake"] }}]\n',
        "field 'guarded[0]', key 'near': unknown",
    ),
    (
        f'{CHAD}guarded = [{{ alias = "Chad", with = ["NOPE"] }}]\n',
        "actor TCD, field 'guarded.with': unknown actor id 'NOPE'",
    ),
    (
        f'{CHAD}guarded = [{{ alias = "Chad", person = "yes" }}]\n',
        "key 'person': must be true or false",
    ),
    (
        f'{CHAD}[[actors]]\nid = "TCX"\ntype = "state"\nname = "X"\naliases = ["CHAD"]\n',
        "actor TCX: name 'CHAD' is also a name of TCD",
    ),
    (f'{CHAD}[ignore]\nphrases = ["chad"]\n', "[ignore], field 'phrases': 'chad' is a name of TCD"),
    (
        f'{CHAD}{DEBY}[[offices]]\nid = "president"\ntitles = ["Presidnet"]\n'
        'phrases = ["president"]\n',
        "offices[0] (president), field 'titles': 'Presidnet' is no role's title",
    ),
    (
        f'{CHAD}{DEBY}[[offices]]\nid = "president"\ntitles = ["President"]\n'
        'phrases = ["president"]\n[[offices]]\nid = "leader"\ntitles = ["President"]\n'
        'phrases = ["President"]\n',
        "offices[1] (leader), field 'phrases': 'President' already names office president",
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


def test_other_regions_blocs_are_partners(tmp_path: Path) -> None:
    """The African Union, the OIC, Mercosur, EFTA, SAARC and the Pacific Alliance are outside
    partners: a member pressing the OIC is a relation, and the bloc meeting the African Union's
    commission chief is `core`."""
    db = tmp_path / "ww.db"
    texts = {
        "oic": (
            "Malaysia urges OIC to act on Gaza",
            "KUALA LUMPUR - Malaysia urged the Organisation of Islamic Cooperation to take "
            "collective action on Gaza, Foreign Minister Mohamad Hasan said on Monday.",
        ),
        "au": (
            "African Union, ASEAN explore cooperation",
            "JAKARTA - ASEAN and the African Union agreed on Wednesday to explore cooperation in "
            "disaster management and food security, and to consider a memorandum of "
            "understanding between the two secretariats.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2025-06-11")) == {
        "oic": "related",
        "au": "core",
    }
    gaz = load_gazetteer()
    assert all(gaz.is_partner(x) for x in ("AU", "OIC", "MERCOSUR", "EFTA", "SAARC", "PACALL"))


def test_ministers_named_without_their_state_make_it_a_party() -> None:
    """Kuala Lumpur's agency writes "Defence Minister Mohamed Khaled Nordin" and never "Malaysia":
    the minister is the state. Antara's "Editor: Budi Santoso" under a story names a member of
    staff, not Indonesia's trade minister."""
    from crawler.extract.datelines import clean_wire_text
    from crawler.stories.grouping import analyze

    def parties(body: str) -> list[str]:
        text = clean_wire_text(body)[1]
        found = analyze("Meeting", text, "2025-11-01T10:00:00+08:00", agency="Bernama")
        return sorted(a for a, *_ in found["actors"] if not a.startswith("person:"))

    assert parties(
        "KUALA LUMPUR, Nov 1 (Bernama) -- The meeting was chaired by Defence Minister Datuk Seri "
        "Mohamed Khaled Nordin and attended by South Korean Defence Minister Ahn Gyu-back."
    ) == ["KOR", "MYS"]
    assert (
        parties(
            "Jakarta (ANTARA) - Coffee exports rose 12 percent, the exporters' association said.\n"
            "Reporter: Ahmad Fauzi\nEditor: Budi Santoso\nCopyright \u00a9 ANTARA 2025"
        )
        == []
    )
