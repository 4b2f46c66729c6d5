"""Relevance needs a word of a relation between the actors: a business story naming foreign
countries and a bank's president is `none`, a story of ties told without the usual summit words is
`related`, and the bloc named beside a partner in a press release is not `core`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import group_texts, query, relevance_apart, relevance_of

STORIES = {
    "gdp": (
        "Vietnam's GDP to grow 6.8 pct this year, bank says",
        "Vietnam's economy will grow 6.8 percent this year on strong exports, the president of a "
        "regional development bank told reporters in Hanoi. Japanese and Korean manufacturers kept "
        "expanding plants in the north, and the government expects Japan and Korea to remain the "
        "largest sources of new capital.",
    ),
    "tone": (
        "Philippine leader strikes warmer tone toward Beijing and Washington",
        "Philippine President Ferdinand Marcos Jr. struck a warmer tone toward China on Tuesday, "
        "saying relations with Beijing must not be defined by the sea alone, while ties with the "
        "United States remain the anchor of Manila's foreign policy. China's embassy welcomed the "
        "remarks.",
    ),
    "duties": (
        "Vietnam slaps duties on steel from China",
        "Vietnam's industry and trade ministry imposed anti-dumping duties of up to 27 percent on "
        "hot-rolled steel from China on Friday, and Beijing's commerce ministry said it would "
        "follow the case closely.",
    ),
    "release": (
        "Regional bank opens ASEAN hub, eyes China clients",
        "A Singapore-listed bank opened its ASEAN headquarters on Monday and said it expects more "
        "clients from China. The bank's ASEAN unit will serve corporate customers across the "
        "region, its chief executive said.",
    ),
    "wharf": (
        "Lao, Vietnamese prime ministers break ground on seaport wharves",
        "The Lao and Vietnamese prime ministers broke ground on Saturday for two wharves that will "
        "give Laos an outlet to the sea. They had approved the plan at the Laos-Vietnam "
        "Intergovernmental Committee in January, and the two governments will ease land "
        "clearance so the wharves open in 2027.",
    ),
    "relief": (
        "Japan funds relief goods for flood-hit Vietnam",
        "Japan funded a consignment of shelter kits for Vietnam after the floods, and Vietnam's "
        "agriculture ministry thanked Tokyo for its humanitarian assistance.",
    ),
    "rice": (
        "Vietnam asks Manila to clarify rice import suspension",
        "Vietnam's industry ministry asked the Philippines on Friday to clarify its suspension of "
        "rice imports, after the Philippine agriculture department halted purchases for 60 days.",
    ),
    "unvote": (
        "Singapore-led amendment passes as UN backs moratorium",
        "The UN General Assembly adopted a resolution on Tuesday after an amendment tabled by "
        "Singapore passed; the European Union voted against the amendment.",
    ),
    "awards": (
        "ASEAN Business Awards honour regional firms",
        "Companies from across the region were honoured at the ASEAN Business Awards, held on the "
        "eve of the ASEAN Business and Investment Summit.",
    ),
    "workers": (
        "Malaysia reopens intake of Bangladeshi workers",
        "Malaysia will reopen the intake of Bangladeshi workers from July, its Human Resources "
        "Minister said on Monday after meeting Bangladesh's expatriates' welfare minister.",
    ),
    "mission": (
        "Malaysian trade mission in Kunming",
        "Malaysia's Investment, Trade and Industry Minister led a trade mission to Kunming on "
        "Tuesday, where the Chinese commerce minister received the delegation's members.",
    ),
    "food": (
        "AHA Centre and WFP deliver food to quake survivors",
        "The ASEAN Secretariat and the World Food Programme said on Monday they had delivered "
        "food to 20,000 survivors of the earthquake in Sagaing.",
    ),
    "chamber": (
        "Chamber leads trade mission to Japan",
        "The Vietnam Chamber of Commerce and Industry led a trade mission of 40 companies to "
        "Osaka on Monday to meet Japanese buyers of seafood.",
    ),
    "festival": (
        "Korean culture night lights up Bandar Seri Begawan",
        "K-pop dance crews, a drum troupe and a fashion show filled the stage at a culture night "
        "organised by the Korean embassy in Brunei on Saturday. The Korean ambassador said young "
        "Bruneians loved Korean music and dramas, and local groups performed a traditional dance.",
    ),
}


def test_relevance_needs_a_word_of_a_relation(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    ids = group_texts(db, STORIES, "2026-03-03")
    judged = {
        name: query(
            db,
            "SELECT s.relevance, s.reasons FROM stories s JOIN articles a ON a.story_id = s.id"
            " WHERE a.id = ?",
            (article_id,),
        )[0]
        for name, article_id in ids.items()
    }
    assert judged["gdp"][0] == "none"
    # members' own joint bodies and "the two governments" are words of a relation
    assert judged["wharf"][0] == "related"
    # aid and an import suspension are relations; the bloc alone has no one to relate to
    assert judged["relief"][0] == "related"
    assert judged["rice"][0] == "related"
    assert judged["awards"][0] == "none"
    assert judged["unvote"][0] == "related"  # a vote at a UN body
    # workers recruited, a ministers' trade mission and food delivered are relations; a chamber's
    # trade mission has no state in it
    assert judged["workers"][0] == "related"
    assert judged["mission"][0] == "related"
    assert judged["food"][0] == "core"
    assert judged["chamber"][0] == "none"
    # an embassy's festival is culture, whoever opens it
    assert judged["festival"][0] == "none"
    assert "culture terms" in json.loads(judged["festival"][1])[-1]
    assert judged["tone"][0] == "related"
    assert judged["duties"][0] == "related"  # a trade remedy is a relation of trade policy
    assert "relations" in json.loads(judged["tone"][1])[-1]
    assert judged["release"][0] != "core"
    assert "no word of a relation" in json.loads(judged["release"][1])[-1]


# Written for this test: a bilateral on a summit's sidelines, a new member's bilateral ties, and the
# bloc and a partner themselves, each told with the bloc's name in it.
SETTINGS = {
    "sidelines": (
        "Vietnamese, Indian defence ministers meet on ADMM-Plus sidelines",
        "Vietnamese Defence Minister Phan Van Giang met his Indian counterpart on the sidelines of "
        "the ASEAN Defence Ministers' Meeting-Plus on Thursday, and the two sides agreed to expand "
        "naval training and defence industry cooperation between Vietnam and India.",
    ),
    "member": (
        "Timor-Leste, Australia agree to advance maritime boundary talks",
        "Timor-Leste and Australia agreed on Monday to advance talks on their maritime boundary "
        "and energy cooperation, the two foreign ministers said in Dili.\n\n"
        "Australia's foreign minister congratulated the country, which became the 11th member of "
        "the Association of Southeast Asian Nations in October, and said Canberra would support "
        "its accession to the regional bloc's economic agreements. The ministers also discussed "
        "scholarships and health cooperation, which have grown since its admission to ASEAN.",
    ),
    "bloc": (
        "ASEAN, India agree to speed up review of goods trade pact",
        "ASEAN and India agreed on Friday to speed up the review of their trade in goods "
        "agreement, the ASEAN Secretariat said after the ministers' consultations.",
    ),
}


def test_a_summit_as_a_venue_and_a_bloc_as_what_a_state_joined_are_not_the_bloc_acting(
    tmp_path: Path,
) -> None:
    """Two states meeting on a summit's sidelines, or a new member's bilateral ties, are `related`:
    the summit is where they met and the bloc what the state joined; the bloc and a partner acting
    together stay `core`."""
    db = tmp_path / "ww.db"
    ids = group_texts(db, SETTINGS, "2026-03-03")
    judged = relevance_of(db, ids)
    assert judged == {"sidelines": "related", "member": "related", "bloc": "core"}
    parties = {
        name: {
            r[0] for r in query(db, "SELECT actor FROM article_actors WHERE article_id = ?", (i,))
        }
        for name, i in ids.items()
    }
    assert "ADMMPLUS" not in parties["sidelines"]
    assert "ASEAN" not in parties["member"]
    assert {"ASEAN", "IND"} <= parties["bloc"]


# Written for this test: bilateral talks told first, the bloc with the partner twice further down
# (by name, or as the two sides' meeting); the same with the bloc once; the bloc named only as
# where others met.
BELOW = {
    "below": (
        "Japan voices concern to China over military aircraft",
        "Japan's foreign minister conveyed serious concern to his Chinese counterpart on Thursday "
        "over approaches by Chinese military aircraft near Japan.\n\n"
        "The two ministers also discussed seafood imports and detained nationals.\n\n"
        "Earlier in the day, the Japanese minister met foreign ministers of ASEAN and pledged "
        "that Tokyo would help ASEAN with maritime security.",
    ),
    "pair": (
        "Lavrov, Lao counterpart discuss trade, energy projects",
        "Russian Foreign Minister Sergei Lavrov and his Lao counterpart discussed trade and energy "
        "projects in Vientiane on Friday.\n\n"
        "On the same day, Lavrov took part in the Russia-ASEAN ministerial meeting, where he "
        "proposed that Russia and ASEAN step up joint work on counter-terrorism.",
    ),
    "joined": (
        "Thai, Chinese foreign ministers meet in Vientiane",
        "Thailand's foreign minister and Chinese Foreign Minister Wang Yi agreed on Thursday to "
        "speed up a railway project, during talks in Vientiane.\n\n"
        "Wang later joined the ASEAN-China foreign ministers' meeting, where the two sides agreed "
        "to speed up talks on the South China Sea.",
    ),
    "passing": (
        "Thai, Chinese foreign ministers discuss railway",
        "Thailand's foreign minister and Chinese Foreign Minister Wang Yi agreed on Friday to "
        "speed up a railway project.\n\n"
        "The two ministers met on the sidelines of the ASEAN Summit in Kuala Lumpur.",
    ),
}
OBSERVER = {
    "observer": (
        "Australian foreign minister discusses gas project with Timor-Leste's prime minister",
        "Australia's foreign minister held talks with Timor-Leste's prime minister in Dili on "
        "Thursday on the Greater Sunrise gas project and maritime cooperation.",
    ),
}


def test_the_bloc_acting_below_the_lead_and_an_observers_ties(tmp_path: Path) -> None:
    """A story led by a member's or partners' talks is `core` when the bloc is a party twice
    further down (its ministers met, or the two sides' own meeting: "the Russia-ASEAN ministerial
    meeting"), and `related` when it acts once in passing ("joined the ASEAN-China foreign
    ministers' meeting") or is only where they met. Timor-Leste before it joined, an observer
    since 2022, is the region's own: its ties with a partner are `related`; the bloc's with it,
    `core`."""
    db = tmp_path / "ww.db"
    ids = group_texts(db, BELOW, "2026-03-03")
    judged = relevance_of(db, ids)
    assert judged == {"below": "core", "pair": "core", "joined": "related", "passing": "related"}
    parties = {
        r[0]
        for r in query(
            db, "SELECT actor FROM article_actors WHERE article_id = ?", (ids["joined"],)
        )
    }
    assert "ASEAN" in parties  # joining the two sides' meeting is not joining the bloc
    db = tmp_path / "observer.db"
    assert relevance_of(db, group_texts(db, OBSERVER, "2024-08-29")) == {"observer": "related"}
    # ... but the bloc's own dealings with it before it joined are with a state outside the bloc
    db = tmp_path / "mission.db"
    mission = {
        "mission": (
            "ASEAN Secretariat team reviews Timor-Leste's membership roadmap",
            "A delegation from the ASEAN Secretariat met Timor-Leste's foreign minister in Dili "
            "on Monday to review the country's progress on the Roadmap for Full Membership.",
        ),
    }
    assert relevance_of(db, group_texts(db, mission, "2025-02-18")) == {"mission": "core"}


def test_floods_on_both_sides_of_a_border_are_not_a_relation(tmp_path: Path) -> None:
    """Two members' own agencies reporting one flood, "across the border" from each other, are no
    relation between the two states; a border talk is."""
    db = tmp_path / "ww.db"
    texts = {
        "floods": (
            "Floods displace tens of thousands in Malaysia, southern Thailand",
            "Floods have forced more than 94,000 people from their homes in Malaysia, the "
            "Malaysian Meteorological Department said on Sunday. Across the border, southern "
            "Thailand's provinces have also been hit by severe flooding, Thai disaster officials "
            "said.",
        ),
        "crossings": (
            "Malaysia, Thailand to reopen border crossings",
            "Malaysian and Thai officials agreed on Monday to reopen two border crossings closed "
            "since the floods, the Malaysian foreign ministry said.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2024-12-01")) == {
        "floods": "none",
        "crossings": "related",
    }


def test_a_state_given_rice_and_a_fugitive_extradited_are_relations(tmp_path: Path) -> None:
    """The state a donation is handed to is a side of it, and an extradition is a word of a
    relation, with the state that wanted the fugitive ("wanted by Moscow"); rice exported to China
    is trade, not a relation."""
    db = tmp_path / "ww.db"
    texts = {
        "donation": (
            "Korea donates rice to Laos",
            "South Korea donated 3,000 tonnes of rice to Laos, the Korean embassy in Vientiane "
            "said on Tuesday.",
        ),
        "extradition": (
            "Thailand extradites fraud suspect",
            "Thailand extradited a Russian national wanted by Moscow for fraud, the Thai police "
            "said on Monday.",
        ),
        "exports": (
            "Rice exports climb",
            "Vietnam exported 3,000 tonnes of rice to China in May, the customs office said.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2025-05-05")) == {
        "donation": "related",
        "extradition": "related",
        "exports": "none",
    }


def test_nationals_deported_or_remains_repatriated_to_a_state_are_relations(tmp_path: Path) -> None:
    """A member's immigration office deporting a partner's nationals to it, or a war dead's remains
    repatriated to their state, is a relation with that state; workers who flew home on their own
    are not."""
    db = tmp_path / "ww.db"
    texts = {
        "deported": (
            "Immigration deports 60 foreign nationals over online fraud",
            "Jakarta - Indonesian immigration officials on Thursday deported 60 Chinese nationals "
            "to China after a raid on a fraud syndicate in Batam.",
        ),
        "remains": (
            "Remains of missing servicemen to be returned",
            "Quang Nam - The remains of two soldiers believed to be missing servicemen will be "
            "repatriated to the United States after a ceremony in Da Nang on Friday, Vietnam's "
            "defence ministry said.",
        ),
        "flights": (
            "Workers fly home for the holidays",
            "Jakarta - Thousands of Indonesia's factory workers flew to China on Thursday for the "
            "spring holidays, an airline official said.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2025-05-05")) == {
        "deported": "related",
        "remains": "related",
        "flights": "none",
    }


def test_rescuers_and_a_field_hospital_sent_to_a_member_are_aid(tmp_path: Path) -> None:
    """Rescue teams and a field hospital sent by a partner to a member after a quake are aid, a
    relation between the two states; the member's own rescuers at home make no relation with the
    state some of the injured come from."""
    db = tmp_path / "ww.db"
    texts = {
        "rescuers": (
            "Russia dispatches 120 rescuers, field hospital to Myanmar",
            "Russia's Emergencies Ministry sent 120 rescuers and a field hospital to Myanmar on "
            "Saturday after the earthquake, the ministry said. Myanmar's government thanked "
            "Moscow.",
        ),
        "home": (
            "Rescuers pull survivors from collapsed hotel",
            "Myanmar's fire services said rescuers pulled 12 survivors from a collapsed hotel in "
            "Mandalay, where several Chinese tourists were among the injured.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2025-03-29")) == {
        "rescuers": "related",
        "home": "none",
    }


def test_the_gulf_states_are_the_gulf_cooperation_council(tmp_path: Path) -> None:
    """The Gulf states meeting the bloc are the GCC, an external partner: the summit is `core`."""
    db = tmp_path / "ww.db"
    texts = {
        "summit": (
            "ASEAN, Gulf states seek closer ties at Kuala Lumpur summit",
            "Leaders of ASEAN and the Gulf states met in Kuala Lumpur on Tuesday and agreed to "
            "widen trade and investment links and to start talks on a free trade agreement.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2025-05-27")) == {"summit": "core"}


def test_a_members_aid_nationals_and_measures_in_a_state_named_as_a_place_are_relations(
    tmp_path: Path,
) -> None:
    """A member's relief flight to a quake-hit partner names the partner only as where the aid goes,
    a repatriation only as where the workers come home from, an import ban only as where the goods
    come from, yet each is a relation with it; relief handed out at home, in a story that names
    where the tents were made, is not, nor are imports from a state that no measure touches."""
    db = tmp_path / "ww.db"
    texts = {
        "flight": (
            "Air force flies relief supplies to quake-hit Vanuatu",
            "SINGAPORE - An air force transport aircraft left Paya Lebar Air Base on Saturday "
            "with relief supplies for Vanuatu, which was hit by a strong earthquake this week, "
            "the Ministry of Defence said.",
        ),
        "repatriation": (
            "DFA brings home 152 more Filipinos from Lebanon",
            "MANILA - The Department of Foreign Affairs brought home 152 more Filipino workers "
            "from Lebanon on Sunday as fighting spread, the department said.",
        ),
        "ban": (
            "DA bans poultry imports from Brazil over bird flu",
            "MANILA - The Department of Agriculture has banned poultry imports from Brazil after "
            "an outbreak of bird flu, the department said on Tuesday.",
        ),
        "imports": (
            "Poultry imports climb",
            "MANILA - Poultry imports rose 12 percent in November, led by shipments from Brazil, "
            "the statistics office said on Tuesday.",
        ),
        "home": (
            "Relief supplies reach flood victims in Kelantan",
            "KOTA BHARU - Relief supplies reached 3,000 flood victims in Kelantan on Saturday, "
            "the state disaster management committee said. Families evacuated from the riverside "
            "villages were given tents made in China.",
        ),
    }
    ids = group_texts(db, texts, "2024-12-21")
    assert relevance_of(db, ids) == {
        "flight": "related",
        "repatriation": "related",
        "ban": "related",
        "imports": "none",
        "home": "none",
    }
    reasons = query(db, "SELECT reasons FROM stories WHERE id = ?", (ids["flight"],))[0][0]
    assert json.loads(reasons)[-1] == "related: a member state's aid, nationals or measures in VUT"


def test_finance_meetings_debts_trade_cases_and_three_governments_are_relations(
    tmp_path: Path,
) -> None:
    """A finance ministers' meeting of ASEAN Plus Three, a debt a partner defers for a member, a
    WTO case between a member and the EU, a pact of three members' governments and rice a member
    secures from a partner government-to-government are relations;
    an investment board's secretary-general ranking investors' home countries is not."""
    db = tmp_path / "ww.db"
    texts = {
        "finance": (
            "ASEAN+3 finance chiefs agree to study rapid financing facility",
            "Finance ministers and central bank governors of South Korea, China, Japan and the 10 "
            "ASEAN member states agreed on Friday to study a rapid financing facility under their "
            "regional currency swap arrangement, at the ASEAN+3 finance ministers' meeting.",
        ),
        "debt": (
            "Laos says China agreed to defer debt payments",
            "Laos's finance ministry said on Friday that China had agreed to defer some debt "
            "repayments due this year.",
        ),
        "wto": (
            "WTO panel rules partly in Malaysia's favour in palm oil case against EU",
            "A WTO dispute panel found that the European Union failed to apply some of its rules "
            "properly in a case brought by Malaysia, the Malaysian plantation ministry said. The "
            "European Commission said it would study the findings.",
        ),
        "rubber": (
            "Three rubber producers agree to curb exports",
            "Thailand, Indonesia and Malaysia have agreed to cut rubber exports by 300,000 tonnes, "
            "the Thai agriculture ministry said after officials of the three governments met.",
        ),
        "rice": (
            "Putrajaya secures G2G allocation of Indian white rice",
            "Malaysia has secured a government-to-government allocation of 200,000 tonnes of "
            "white rice from India after talks with India's commerce ministry, the agriculture "
            "minister said.",
        ),
        "investment": (
            "BOI approves record investment, led by Chinese investors",
            "Thailand's Board of Investment approved record applications in 2024, BOI "
            "secretary-general Narit Therdsteerasukdi said. By source country, China ranked first "
            "and Japan third. China's commerce ministry said the figures showed the confidence "
            "of Chinese firms.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2024-05-03")) == {
        "finance": "core",
        "debt": "related",
        "wto": "related",
        "rubber": "related",
        "rice": "related",
        "investment": "none",
    }


def test_a_states_enforcement_against_anothers_boats_is_a_relation(tmp_path: Path) -> None:
    """Malaysia's maritime agency detaining Vietnamese fishing boats, or Australia intercepting
    Indonesian ones, is a relation between the two states; a boat's catch sold to Thai buyers is
    not, nor is a police raid at home arresting foreign nationals."""
    db = tmp_path / "ww.db"
    texts = {
        "detained": (
            "MMEA detains two Vietnamese fishing boats off Terengganu",
            "The Malaysian Maritime Enforcement Agency detained two Vietnamese fishing boats with "
            "31 crew for fishing in Malaysian waters without a permit, its director said.",
        ),
        "intercepted": (
            "Australia intercepts four Indonesian fishing boats",
            "Australian authorities intercepted four Indonesian fishing boats with 21 crew off the "
            "northwest coast, the Australian Border Force said.",
        ),
        "catch": (
            "Fishing port sees record catch",
            "Malaysia's fisheries department said boats landed a record catch at Kuala Terengganu, "
            "much of it sold to Thai buyers.",
        ),
        "raid": (
            "Vientiane police raid online scam operations",
            "VIENTIANE (KPL) - Police in Vientiane arrested 40 Chinese nationals in raids on three "
            "online scam operations, the capital's security department said.",
        ),
    }
    assert relevance_of(db, group_texts(db, texts, "2025-09-24")) == {
        "detained": "related",
        "intercepted": "related",
        "catch": "none",
        "raid": "none",
    }


def test_a_partners_grant_to_the_blocs_health_or_haze_centre_is_core(tmp_path: Path) -> None:
    """The ASEAN Centre for Public Health Emergencies and Emerging Diseases and the ASEAN
    Coordinating Centre for Transboundary Haze Pollution Control are the bloc's own bodies: a
    partner's grant to one is the bloc in relations with it."""
    db = tmp_path / "ww.db"
    texts = {
        "health": (
            "Japan funds work plan of ASEAN health emergencies centre",
            "Japan will provide US$28 million to support the first work plan of the ASEAN Centre "
            "for Public Health Emergencies and Emerging Diseases (ACPHEED), the centre announced "
            "on Wednesday.\n\nJapan's ambassador to ASEAN said at the signing ceremony that the "
            "funding would support joint disease surveillance.",
        ),
        "haze": (
            "Regional body turns to Japan for help on haze monitoring",
            "The ASEAN Coordinating Centre for Transboundary Haze Pollution Control (ACC THPC) has "
            "signed an agreement with the Japan International Cooperation Agency to improve early "
            "warning of forest fires.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-06-11"))
    assert judged == {"health": "core", "haze": "core"}


def test_rice_released_from_the_asean_plus_three_reserve_is_core(tmp_path: Path) -> None:
    """The ASEAN Plus Three Emergency Rice Reserve, named by its short name APTERR alone, is the
    bloc's with China, Japan and South Korea: rice a partner gives through it is the bloc in
    relations with that partner."""
    db = tmp_path / "ww.db"
    texts = {
        "rice": (
            "South Korea sends reserve rice to flood-hit Laos",
            "South Korea will provide 3,000 tonnes of rice to Laos through APTERR to help families"
            " hit by the floods, the Korean embassy said on Monday. APTERR has released rice to"
            " members after typhoons and floods since 2013.",
        )
    }
    assert relevance_of(db, group_texts(db, texts, "2025-06-11")) == {"rice": "core"}


def test_duties_on_chinese_steel_eaeu_talks_and_the_connectivity_committee(tmp_path: Path) -> None:
    """A member's anti-dumping duties "on Chinese, Indian steel" are a measure on goods from those
    states (`related`); the Eurasian Economic Union is a partner in free trade talks (`related`);
    the ASEAN Connectivity Coordinating Committee is the bloc's own body (`core` with partners)."""
    db = tmp_path / "ww.db"
    texts = {
        "duties": (
            "Vietnam imposes provisional anti-dumping duties on Chinese, Indian steel",
            "Vietnam's Ministry of Industry and Trade has imposed provisional anti-dumping duties "
            "on Chinese, Indian hot-rolled steel, citing damage to domestic producers.",
        ),
        "eaeu": (
            "EAEU, Indonesia hold new round of talks on free trade agreement",
            "Negotiators of the Eurasian Economic Union and Indonesia held a new round of talks on "
            "a free trade agreement in Moscow this week, the Indonesian trade ministry said.",
        ),
        "accc": (
            "ASEAN Connectivity Committee meets dialogue partners in Vientiane",
            "The ASEAN Connectivity Coordinating Committee held consultations with China, Japan "
            "and Australia in Vientiane on Tuesday on the region's transport links.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-03-11"))
    assert judged == {"duties": "related", "eaeu": "related", "accc": "core"}


def test_a_province_agreeing_with_a_state_and_two_states_that_agree_are_relations(
    tmp_path: Path,
) -> None:
    """A prefecture, province or state of a federation that signs or agrees with another state
    acts for its own ("Fukuoka, Vietnam sign pact", "Yunnan, Laos step up customs facilitation"),
    and "agree" is a word of a relation: all `related`. A province named only as where arrivals
    went stays a place."""
    db = tmp_path / "ww.db"
    texts = {
        "fukuoka": (
            "Fukuoka, Vietnam sign pact on foreign worker recruitment",
            "Fukuoka and Vietnam's labour ministry will cooperate on training caregivers and "
            "factory workers, officials said on Monday.",
        ),
        "sarawak": (
            "Sarawak, Brunei agree on joint study for Limbang link",
            "Sarawak and Brunei agreed on Tuesday to carry out a joint study of a road and bridge "
            "link through Limbang.",
        ),
        "yunnan": (
            "Yunnan, Laos step up customs facilitation on railway",
            "Yunnan and Laos stepped up customs facilitation for freight on the China-Laos Railway "
            "under an agreement reached in Kunming on Friday.",
        ),
        "bali": (
            "Bali welcomes record arrivals",
            "Bali welcomed a record 6 million arrivals last year, led by visitors from Australia.",
        ),
    }
    ids = group_texts(db, texts, "2025-02-18")
    assert relevance_of(db, ids) == {
        "fukuoka": "related",
        "sarawak": "related",
        "yunnan": "related",
        "bali": "none",
    }
    parties = {
        r[0]
        for r in query(
            db, "SELECT actor FROM article_actors WHERE article_id = ?", (ids["fukuoka"],)
        )
    }
    assert {"JPN", "VNM"} <= parties


def test_the_bloc_named_once_below_the_lead_and_then_as_the_bloc_is_not_prominent(
    tmp_path: Path,
) -> None:
    """A bilateral story that names the bloc once below the lead and then writes "the bloc's
    efforts" stays `related`: "the bloc" says what the bloc does, not that the story is about
    it. Named a second time by its name beside the partner ("Japan and ASEAN agreed"), it is
    prominent as before; named twice but never beside the partner of the title ("ASEAN unity",
    "ASEAN centrality"), it is the backdrop of the two states' own relation."""
    lead = (
        "Japan and Vietnam agreed on Monday to deepen cooperation on supply chains, energy and "
        "semiconductors at talks between their prime ministers in Hanoi, the two governments "
        "said in a joint statement.\n\nThe leaders also discussed maritime security and "
        "agreed to raise two-way trade over the next five years.\n\n"
    )
    ends = {
        "once": "Japan's prime minister said Tokyo would support ASEAN unity and the bloc's "
        "efforts to keep an open economic order.",
        "twice": "Japan's prime minister said Tokyo would support ASEAN unity, and Japan and "
        "ASEAN agreed to hold a summit on supply chains next year.",
        "backdrop": "Vietnam also shares maritime data with ASEAN members through the ASEAN "
        "Regional Forum's working group, which the ASEAN Secretariat said would meet in May.",
        # beside the partner past its count: "Japan and the 10-member Southeast Asian association"
        "counted": "Japan's prime minister said Tokyo would support ASEAN unity, and Japan and "
        "the 10-member Southeast Asian association agreed to hold a summit next year.",
    }
    judged = relevance_apart(  # the texts share a lead
        tmp_path,
        {name: ("Japan, Vietnam agree to deepen ties", lead + end) for name, end in ends.items()},
        "2025-04-28",
    )
    assert judged == {
        "once": "related",
        "twice": "core",
        "backdrop": "related",
        "counted": "core",
    }


def test_the_blocs_sectoral_meetings_and_permanent_representatives_by_their_own_names(
    tmp_path: Path,
) -> None:
    """The senior officials on transnational crime (SOMTC), the digital ministers (ADGMIN) and the
    Committee of Permanent Representatives are the bloc's own, so each with a partner is `core`;
    "CPR" in a first-aid story is not the committee."""
    db = tmp_path / "ww.db"
    texts = {
        "somtc": (
            "SOMTC, Yunnan police set up scam-centre hotline",
            "The Senior Officials' Meeting on Transnational Crime (SOMTC) and the Yunnan "
            "Provincial Public Security Department agreed on Wednesday to set up a hotline on "
            "scam compounds at a workshop in Kunming. SOMTC officials said it would start in June.",
        ),
        "adgmin": (
            "ADGMIN, Seoul adopt AI cooperation work plan",
            "The digital ministers' meeting of the region, ADGMIN, and South Korea adopted a work "
            "plan on artificial intelligence cooperation in Bangkok on Friday.",
        ),
        "cpr": (
            "Saudi minister meets ASEAN permanent representatives",
            "Saudi Arabia's foreign minister met the Committee of Permanent Representatives to "
            "ASEAN in Jakarta on Tuesday to discuss a sectoral partnership.",
        ),
        "firstaid": (
            "Volunteers trained in CPR",
            "More than 200 volunteers in Manila were trained in CPR and first aid on Saturday, "
            "the Philippine Red Cross said.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-01-17"))
    assert judged == {"somtc": "core", "adgmin": "core", "cpr": "core", "firstaid": "none"}


def test_sides_that_sign_a_plan_on_sport_are_a_relation_whatever_the_sport_words(
    tmp_path: Path,
) -> None:
    """A title where the sides sign or adopt something ("Laos, Vietnam sign sports cooperation
    plan") is a relation even when the lead talks medals and athletes; a match report is not."""
    db = tmp_path / "ww.db"
    texts = {
        "plan": (
            "Laos, Vietnam sign sports cooperation plan ahead of regional Games",
            "VIENTIANE - The Lao Ministry of Education and Sports and Vietnam's Ministry of "
            "Culture, Sports and Tourism signed a plan under which Lao athletes will train in "
            "Vietnam before the Games. Laos won few medals at the last Games, and its football "
            "squad and athletics team will get coaches from Vietnam for the tournament.",
        ),
        "match": (
            "Laos hold Vietnam in regional championship opener",
            "VIENTIANE - The Lao national team held Vietnam to a 1-1 draw in their opening match "
            "of the tournament on Monday. Vietnam's coach praised his squad, and the semi-final "
            "draw is next week.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-08-11"))
    assert judged == {"plan": "related", "match": "none"}


def test_firms_joint_statement_is_no_word_of_a_relation(tmp_path: Path) -> None:
    """ "The two companies said in a joint statement" (or "the two firms said on Wednesday in",
    "the two operators announced in") in a story of a Singapore firm's campus in Johor is business;
    "the two governments said in a joint statement" is a relation."""
    body = (
        "SINGAPORE - Singapore-based data centre operator Arcturus Digital broke ground on a "
        "campus in Johor's Sedenak Tech Park on Wednesday.\n\nThe Johor state government said "
        "the project would create 800 jobs. Singapore lifted a moratorium on new data centres "
        "in 2022 and has limited new capacity, and a Japanese firm will take a 40 per cent stake, "
        "the two {who} in a joint statement."
    )
    title = "Data centre firm starts work on Johor campus"
    said = {
        "ministries": "ministries, to help small firms, said",
        "companies": "companies said",
        "firms": "firms said on Wednesday",
        "clause": "companies, which will invest $1 billion, said",
        "operators": "operators announced",
        "governments": "governments said",
    }
    judged = relevance_apart(
        tmp_path,
        {who: (title, body.format(who=words)) for who, words in said.items()},
        "2024-03-13",
    )
    assert judged == {
        "ministries": "related",
        "companies": "none",
        "firms": "none",
        "clause": "none",
        "operators": "none",
        "governments": "related",
    }


def test_two_states_bound_by_an_instrument_low_in_the_story_are_a_relation(tmp_path: Path) -> None:
    """A relation told in one sentence at the end: two ministries' memorandum behind a football
    camp, police working with another state's ministry "under a cooperation arrangement", a
    protocol between a ministry and another state's customs. Two firms' memorandum is no relation,
    nor a story whose memorandum binds no two of its states."""
    db = tmp_path / "ww.db"
    texts = {
        "camp": (
            "Timor-Leste football team sharpens up in Bali camp",
            "DENPASAR - Timor-Leste's national football team began a two-week training camp in "
            "Bali on Monday, with friendly matches against two local clubs before the regional "
            "championship.\n\nThe coach said his midfielders needed match practice after a "
            "long break, and the squad would play its first friendly on Thursday.\n\nThe camp "
            "was arranged under a memorandum of understanding on youth and sports cooperation "
            "signed in Jakarta last month by Indonesia's Ministry of Youth and Sports and "
            "Timor-Leste's Secretariat of State for Youth and Sports.",
        ),
        "police": (
            "Police step up checks on border to choke call-centre gangs",
            "MAE SOT - Police have stepped up checks at the border crossings in Tak province to "
            "stop workers being trafficked to scam compounds, a deputy commissioner said on "
            "Monday.\n\nMore than 200 officers were deployed to the crossings this month, and "
            "checkpoints now screen buses bound for the border town.\n\nThe deputy "
            "commissioner said the Royal Thai Police had been exchanging information on the "
            "gangs' financial networks with China's Ministry of Public Security under a "
            "cooperation arrangement agreed last year.",
        ),
        "durian": (
            "Durian exports top 2 billion USD in seven months",
            "Hanoi (VNA) - Vietnam's durian exports brought in about 2.07 billion USD in the "
            "first seven months of 2025, Vietnam's agriculture ministry said on August 19."
            "\n\nChina remained by far the largest buyer, and growers in Dak Lak expanded "
            "plantings.\n\n"
            "Under the durian protocol between the Ministry of Agriculture and Environment and "
            "the General Administration of Customs of China, the Chinese side last week approved "
            "another 126 planting-area codes.",
        ),
        "firms": (
            "Data centre operator breaks ground on Johor campus",
            "JOHOR BAHRU - A Singapore-based data centre operator broke ground on a campus in "
            "Johor on Wednesday, backed by a Japanese investment firm.\n\nThe two companies "
            "signed a memorandum of understanding with each other last year, and the first phase "
            "opens in 2026, the Johor state government said.",
        ),
    }
    texts["power"] = (
        "Viet Nam to import more power via new line",
        "HA NOI - A new 500kV transmission line will carry electricity from a wind farm to Viet "
        "Nam's grid from next year, Viet Nam's Ministry of Industry and Trade and the Lao "
        "Ministry of Energy and Mines said on Monday.\n\nThe utility said the line would ease "
        "shortages in the northern provinces during the dry season.\n\nPower demand in the "
        "north rose by more than 10 percent last year as factories moved in, and rolling cuts in "
        "June hit industrial parks in Bac Ninh and Bac Giang, costing manufacturers millions of "
        "dollars in lost output.\n\nThe utility plans to add 2,000 MW of solar and wind "
        "capacity by 2027, and to upgrade substations in the Red River Delta to carry the extra "
        "load, its deputy general director said at a briefing.\n\nHe said the cost of the "
        "upgrades would be met from the utility's own funds and commercial loans, and that "
        "household prices would not rise this year. Work on the first substations began "
        "in March and is on schedule, he added.\n\nLaos aims to export 9,000 MW of electricity "
        "to neighbouring countries by 2030, including 5,000 MW to Viet Nam, under a memorandum "
        "of understanding signed by the two governments in 2016.",
    )
    durian = (
        "BANGKOK, July 20 (Reuters) - Thailand's fresh durian exports to China hit a record 1.2 "
        "million tonnes in the first half, data from China's General Administration of Customs "
        "showed, as harvests recovered from last year's drought.\n\nPrices at orchards in "
        "Chanthaburi province rose to 150 baht a kilogram in June, traders said. Exporters said "
        "demand from Chinese buyers was strong ahead of the Mid-Autumn festival.\n\nVietnam "
        "has grown its share of the Chinese durian market since 2022, exporters said, and "
        "shipments from Malaysia of frozen durian are rising too.\n\nGrowers in the east "
        "said heavy rain in May had delayed the harvest by two weeks in some districts, and that "
        "labour costs had risen as pickers moved to better-paid work in factories. Packing "
        "houses in Chanthaburi ran night shifts to keep up with orders in June.\n\nThe "
        "agriculture office expects the southern crop, which ripens from August, to add another "
        "300,000 tonnes to the year's output if the weather holds, officials said. Exporters "
        "expect prices to ease once the southern fruit reaches the market in volume.\n\n"
    )
    title = "Thai durian exports to China hit record in first half"
    # each its own database: the three share their opening, and would be one story
    endings = {
        # an instrument of the two governments binds the states the sentence names; one named
        # by the states alone ("signed between Thailand and China") may be firms' and binds none
        "protocol": "Under the durian protocol signed by the two governments in 2019, "
        "Thailand's Department of Agriculture registers every orchard shipping to China.",
        "firms": "Thai conglomerate Siam Fresh signed a memorandum of understanding with an "
        "online retailer last month to promote durian trade between Thailand and China.",
        # two bodies of one state, or a ministry and a firm, bind no two states
        "same state": "Under a memorandum of understanding between Thailand's Department of "
        "Agriculture and the Department of Internal Trade, inspectors will check packing houses.",
        "trading house": "A memorandum of understanding between Thailand's Ministry of Commerce "
        "and Chinese trading house Sinofruit Corporation, signed in July, covers cold-chain "
        "logistics.",
    }
    durians = relevance_apart(
        tmp_path, {name: (title, durian + end) for name, end in endings.items()}, "2025-07-20"
    )
    assert durians == {
        "protocol": "related",
        "firms": "none",
        "same state": "none",
        "trading house": "none",
    }
    texts |= {
        # a sport story's old memorandum is background
        "old pact": (
            "Vietnam crowned regional champions after beating Thailand",
            "BANGKOK, Jan 5 (VNA) - Vietnam beat hosts Thailand 3-2 in the second leg of the "
            "final at Rajamangala Stadium, winning the title 5-3 on aggregate.\n\nStriker "
            "Nguyen Xuan Son scored twice, and the coach praised his players. Prime Minister Pham "
            "Minh Chinh sent a letter of congratulations to the squad, while Thai Prime Minister "
            "Paetongtarn Shinawatra thanked the Thai players.\n\nVietnam's Ministry of Culture, "
            "Sports and Tourism and Thailand's Ministry of Tourism and Sports signed a memorandum "
            "of understanding on sports cooperation in 2019.\n\nIt is Vietnam's third title in "
            "the tournament.",
        ),
    }
    texts |= {
        # firms, federations and a health protocol bind no two states
        "bourse": (
            "Ringgit opens higher against US dollar",
            "KUALA LUMPUR, Sept 19 (Bernama) -- The ringgit opened higher against the US dollar "
            "today after the US Federal Reserve cut its benchmark rate overnight.\n\nBank Negara "
            "Malaysia was expected to keep the overnight policy rate unchanged, a dealer said."
            "\n\nAt 8 am, the local note rose to 4.2015/2080 versus the greenback from "
            "Thursday's close of 4.2110/2150, as exporters sold dollars ahead of the weekend and "
            "foreign funds returned to local bonds for a third straight session.\n\nThe ringgit "
            "was also traded higher against a basket of major currencies. It rose against the "
            "Japanese yen to 2.9310/9358 from 2.9450/9478 at yesterday's close and appreciated "
            "versus the euro to 4.9402/9478 from 4.9560/9608, while it was little changed against "
            "the British pound.\n\nThe local currency was traded mostly higher against regional "
            "currencies. It rose against the Singapore dollar to 3.2755/2808 and strengthened "
            "against the Thai baht to 13.15/13.18, dealers said.\n\nOn the stock market, the "
            "benchmark index rose 0.4 percent in early trade, led by banking and plantation "
            "counters, while turnover was thin ahead of the long weekend.\n\nIn corporate news, "
            "Bursa Malaysia said it had signed a memorandum of understanding with the US-based "
            "Nasdaq to explore cross-listing of funds.",
        ),
        "final": (
            "Vietnam crowned regional champions after beating Thailand",
            "BANGKOK, Jan 5 (VNA) - Vietnam beat hosts Thailand 3-2 in the second leg of the "
            "final at Rajamangala Stadium, winning the title 5-3 on aggregate.\n\nStriker "
            "Nguyen Xuan Son scored twice, and the coach praised his players. The Prime Minister "
            "sent a letter of congratulations to the squad.\n\nThe Vietnam Football Federation "
            "signed a cooperation agreement with the Football Association of Thailand in 2023 on "
            "referee training.",
        ),
        "virus": (
            "No need for travel ban amid virus rise in China, health department says",
            "MANILA - The Department of Health on Monday said there is no need for a travel ban "
            "on visitors from China.\n\nChina's National Health Commission said last week that "
            "the increase in infections was expected for the season.\n\nThe Bureau of "
            "Quarantine will continue to apply the standard health protocol for arriving "
            "passengers from China and other countries, in line with WHO advice.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-08-19"))
    assert judged == {
        "camp": "related",
        "police": "related",
        "durian": "related",
        "power": "related",
        "old pact": "none",
        "firms": "none",
        "bourse": "none",
        "final": "none",
        "virus": "none",
    }


def test_sides_that_launch_open_or_hand_over_something_on_culture_or_sport_are_a_relation(
    tmp_path: Path,
) -> None:
    """ "ASEAN, Korea launch youth cultural exchange programme", "ASEAN, South Korea open cultural
    festival" and "Japan hands over sports equipment to Ministry of Education and Sports": the
    sides in the title act together or give, whatever the words of culture and sport below; a
    festival's artists, a club's kit or an embassy's own festival are not."""
    db = tmp_path / "ww.db"
    texts = {
        "launch": (
            "ASEAN, Korea launch youth exchange programme for artists",
            "JAKARTA - The ASEAN Secretariat and the Republic of Korea launched a programme that "
            "will bring young artists, musicians and dancers together for performances, concerts "
            "and art exhibitions. The Korean ambassador said the first artists' residency would "
            "open in Busan.",
        ),
        "handover": (
            "Japan hands over sports equipment to Lao education ministry",
            "VIENTIANE - The Government of Japan handed over sports equipment worth 90,000 USD "
            "to the Lao Ministry of Education and Sports, with the Japanese ambassador at the "
            "ceremony. The kit includes "
            "football and volleyball sets, athletics equipment and table tennis tables.",
        ),
        "festival": (
            "Korean and Lao artists launch joint exhibition in Vientiane",
            "VIENTIANE - Twelve artists from Korea and Laos launched an exhibition of paintings, "
            "music and dance performances at a gallery, with concerts and art workshops every "
            "weekend.",
        ),
        "club": (
            "Lao club hands over jerseys to Japanese fans after final",
            "VIENTIANE - Players of a Lao football club handed over their jerseys to fans from "
            "Japan after the cup final, in which the Lao side beat the visitors 2-1 to lift the "
            "trophy in front of 8,000 football fans.",
        ),
    }
    # the sides open it together: "ASEAN, South Korea open cultural festival at Secretariat"
    texts["open"] = (
        "ASEAN, South Korea open cultural festival at Secretariat",
        "JAKARTA - The ASEAN Secretariat and the Mission of the Republic of Korea to ASEAN opened "
        "a three-day cultural festival with music and dance performances, a photo exhibition and "
        "artists from the region. The Korean ambassador said culture brought the peoples closer.",
    )
    # one embassy opens its own: culture
    texts["opens"] = (
        "Korean embassy opens K-culture festival in Vientiane",
        "VIENTIANE - The Korean embassy opened a K-culture festival with music and dance "
        "performances, a film exhibition and artists from across Laos, drawing 3,000 fans.",
    )
    # embassies that open their doors, or each its own festival: no act together
    texts["doors"] = (
        "Korean, Malaysian embassies open doors to visitors for culture day in Jakarta",
        "JAKARTA - The Korean and Malaysian embassies opened their doors to visitors on Saturday "
        "for a culture day with music and dance performances, food stalls and an art exhibition.",
    )
    texts["each"] = (
        "Thai, Japanese embassies open Songkran and Tanabata festivals in Vientiane",
        "VIENTIANE - The Thai and Japanese embassies each opened their own festivals on Saturday, "
        "with music, dance performances, food and an art exhibition drawing families.",
    )
    # ... though "each other" and "each year" say nothing of who opened it
    texts["yearly"] = (
        "ASEAN, South Korea open cultural festival at Secretariat",
        "JAKARTA - The ASEAN Secretariat and the Mission of the Republic of Korea to ASEAN opened "
        "the cultural festival, held each year since 2017, with music and dance performances, to "
        "help the peoples understand each other better. The Korean ambassador said artists from "
        "the region would perform.",
    )
    judged = relevance_of(db, group_texts(db, texts, "2025-08-11"))
    assert judged == {
        "launch": "core",
        "handover": "related",
        "festival": "none",
        "club": "none",
        "open": "core",
        "opens": "none",
        "doors": "none",
        "each": "none",
        "yearly": "core",
    }


def test_a_states_heritage_given_back_by_another_is_a_relation(tmp_path: Path) -> None:
    """ "Cambodia receives 32 returned artefacts from the U.S.": a state returning another's
    heritage (or its war dead) deals with it, whatever the words of culture below, and so does a
    diplomat at the handing back (a chargé d'affaires is as much a diplomat as an ambassador);
    fans who return to a festival are culture."""
    texts: dict[str, tuple[str, str]] = {}
    texts["returned"] = (
        "Cambodia receives 32 returned artefacts from the U.S.",
        "PHNOM PENH - The Ministry of Culture and Fine Arts received 32 ancient artefacts at a "
        "ceremony on Tuesday, sandstone statues of Hindu deities and bronze ritual objects from "
        "the Angkorian period. Cambodia's secretary of state thanked the U.S. government for its "
        "cooperation. The ministry said the art would be shown at the National Museum and that "
        "culture lovers could see the cultural heritage from next month.",
    )
    texts["envoy"] = (
        "Angkor-era statues back in Phnom Penh",
        "PHNOM PENH - Fourteen sandstone statues were shown at the Ministry of Culture and Fine "
        "Arts on Tuesday, with the US Charge d'Affaires at the ceremony. The Ministry of Culture "
        "and Fine Arts said the art would go to the National Museum, where visitors could see the "
        "cultural heritage of the Khmer empire, thanks to bilateral cooperation between the US "
        "and Cambodia.",
    )
    texts["chargee"] = (
        texts["envoy"][0],
        texts["envoy"][1].replace("Charge d'Affaires", "Chargée d'Affaires"),
    )
    texts["sculptor"] = (
        "Korean sculptor returns with bronze statues for Hanoi show",
        "HANOI - A Korean sculptor opened an exhibition of bronze statues at the Vietnam Fine "
        "Arts Museum, with the Korean ambassador and Vietnam's culture minister at the opening. "
        "The art show, part of a cultural festival, runs until May, with music, dance "
        "performances and films.",
    )
    for name, title in (
        ("looted", "US returns 32 Khmer statues stolen during civil war"),
        ("repatriated", "US repatriates 32 Angkorian-era artefacts"),
    ):
        texts[name] = (title, texts["returned"][1])
    texts["lanterns"] = (
        "River Hongbao returns with giant lantern sculptures from China",
        texts["sculptor"][1],
    )
    texts["fans"] = (
        "Korean fans return to Lao festival",
        "VIENTIANE - Fans from Korea returned to the Lao culture festival this year for music, "
        "dance performances, art exhibitions and concerts by artists from both countries.",
    )
    assert relevance_apart(tmp_path, texts, "2025-08-11") == {
        "returned": "related",
        "envoy": "related",
        "chargee": "related",
        "sculptor": "none",
        "looted": "related",
        "repatriated": "related",
        "lanterns": "none",
        "fans": "none",
    }


def test_a_storm_crossing_two_members_is_weather_and_aid_for_it_a_relation(tmp_path: Path) -> None:
    """A typhoon that hits the Philippines and heads for Vietnam, each state's coast guard acting
    at home, is weather, not diplomacy between them; aid sent for it, or the bloc and a partner
    rehearsing a quake together, is a relation."""
    db = tmp_path / "ww.db"
    texts = {
        "storm": (
            "Typhoon kills at least 11 in central Philippines, heads toward Vietnam",
            "MANILA - A typhoon lashed the central Philippines with fierce wind and heavy rain, "
            "killing at least 11 people and forcing thousands into shelters, officials said. "
            "Floods and landslides cut roads in three provinces.\n\nPhilippine coast guard "
            "officials said 3,000 passengers were stranded at seaports.\n\nThe storm was "
            "forecast to make landfall in central Vietnam later in the week, and Vietnamese "
            "authorities ordered fishing boats back to port.",
        ),
        "aid": (
            "Australia pledges $2.5 million in flood aid to Vietnam",
            "HANOI - Australia will provide $2.5 million to help Vietnam recover from the floods "
            "and landslides left by the typhoon, the Australian embassy said. The storm made "
            "landfall last week, and floods forced thousands into shelters.",
        ),
        "exercise": (
            "ASEAN, Japan hold joint disaster response exercise in Philippines",
            "MANILA - ASEAN member states and Japan held a joint exercise on Tuesday simulating "
            "an earthquake and tsunami on the coast of Luzon.\n\nTeams practised the evacuation "
            "of villages, set up shelters and searched buildings after the simulated quake; the "
            "scenario assumed a strong tremor, a tsunami and floods in low-lying towns.\n\nThe "
            "exercise tested how fast teams can deploy after an earthquake, organisers said.",
        ),
    }
    # the storm by its local name alone: still weather
    texts["named"] = (
        "'Tino' kills at least 20 in Visayas, Philippines, heads toward Vietnam",
        "CEBU CITY - Tino brought floods and landslides to the Visayas, killing at least 20, the "
        "regional disaster office said on Wednesday, and heavy rain kept ferries in port.\n\n"
        "Philippine coast guard officials said 1,200 passengers were stranded in Cebu.\n\n"
        "Forecasters expect landfall in central Vietnam on Friday; Vietnamese authorities "
        "ordered fishing boats back to port.",
    )
    judged = relevance_of(db, group_texts(db, texts, "2025-10-20"))
    assert judged == {"storm": "none", "aid": "related", "exercise": "core", "named": "none"}


def test_two_governments_staging_a_festival_together_are_a_relation(tmp_path: Path) -> None:
    """ "Korean Embassy, Lao culture ministry host K-culture festival": two governments' bodies act
    together, whatever the dance and music, as two members' ministries do ("co-organised by
    Vietnam's Ministry of Culture ... and Laos's Ministry of Information, Culture and Tourism");
    an embassy's own festival drawing fans is culture."""
    db = tmp_path / "ww.db"
    texts = {
        "together": (
            "Korean Embassy, Lao culture ministry host K-culture festival in Vientiane",
            "VIENTIANE (KPL) - The Korean Embassy and the Lao Ministry of Information, Culture and "
            "Tourism opened a two-day K-culture festival on Saturday, with dance, music, a film "
            "exhibition and artists from both countries. The Korean ambassador said the festival "
            "would bring the two peoples closer.",
        ),
        "own": (
            "Korean embassy's K-pop festival draws 3,000 fans in Vientiane",
            "VIENTIANE (KPL) - A K-pop festival organised by the Korean Embassy drew 3,000 fans on "
            "Saturday, with dance crews, music and artists from across Laos. The embassy said it "
            "would hold the festival every year.",
        ),
        "members": (
            "Vietnam Culture Week opens in Vientiane",
            "Vientiane (VNA) - A Vietnam Culture Week opened in Vientiane on July 17, co-organised "
            "by Vietnam's Ministry of Culture, Sports and Tourism and Laos's Ministry of "
            "Information, Culture and Tourism to mark 63 years of diplomatic relations. The week "
            "features a photo exhibition, a film festival, dance performances and a food fair "
            "with music from both countries.",
        ),
        "one-state": (
            "Water festival opens in Bangkok",
            "BANGKOK - A water festival co-organised by Thailand's Ministry of Culture and the "
            "Ministry of Tourism and Sports opened in Bangkok on Saturday. The Cambodian "
            "ambassador and Lao embassy staff joined dancers, music troupes and artists.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-08-11"))
    assert judged == {
        "together": "related",
        "own": "none",
        "members": "related",
        "one-state": "none",
    }


def test_the_blocs_statement_calling_on_partners_named_once_below_is_core(tmp_path: Path) -> None:
    """ "Asean chair urges 'maximum restraint'", the statement calling on Israel and Iran further
    down: the bloc speaks to them, `core`. Two members' border committee agreeing on ASEAN
    observers, with the United States and China sending observers, stays their own: `related`."""
    db = tmp_path / "ww.db"
    texts = {
        "statement": (
            "Asean chair urges 'maximum restraint' after Middle East escalation",
            "KUALA LUMPUR: The regional grouping, through its chair Malaysia, has expressed grave "
            "concern over the escalation of hostilities in the Middle East.\n\nIn a statement "
            "issued on behalf of the Asean chair today, the 10-member bloc said the strikes risked "
            'a wider war.\n\n"Asean calls on Israel and Iran to exercise maximum restraint and to '
            'resolve their differences through dialogue and diplomacy," the statement read.\n\n'
            "Wisma Putra said Malaysian missions in the region were monitoring the situation "
            "closely and had contacted Malaysians in the affected countries.\n\nA ministry "
            "official said the chair had consulted the other member states before issuing the "
            "statement, which was agreed by consensus within 24 hours.",
        ),
        "committee": (
            "Thai-Cambodian border committee agrees on ASEAN observer team",
            "BANGKOK - Thailand and Cambodia agreed on Wednesday to let an ASEAN observer team "
            "monitor their border ceasefire, officials said.\n\nThe ceasefire was agreed in "
            "Putrajaya after five days of fighting, with the United States and China sending "
            "observers to that meeting.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-08-11"))
    assert judged == {"statement": "core", "committee": "related"}


def test_a_partner_funding_the_blocs_centre_named_once_below_is_core(tmp_path: Path) -> None:
    """The AHA Centre leads the story; "The Government of Japan has provided $26 million", in its
    director's words further down, makes Japan the bloc's partner in it: `core`."""
    db = tmp_path / "ww.db"
    texts = {
        "centre": (
            "Disaster centre receives new stockpile funding",
            "JAKARTA - The AHA Centre on Thursday launched a new emergency stockpile programme "
            "under its cooperation with dialogue partners.\n\nThe centre said the programme "
            "would let it send relief within 24 hours of a disaster.\n\n"
            '"The Government of Japan has provided $26 million for the next phase of the '
            "programme, including a new warehouse and training for our emergency response "
            "teams,\" the centre's executive director said.\n\nThe centre was set up in 2011 and "
            "coordinates the response to disasters in the region.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2024-12-05"))
    assert judged == {"centre": "core"}


def test_signing_is_a_word_of_a_relation(tmp_path: Path) -> None:
    """ "Asean Secretariat, Escap sign plan to tackle climate, disaster risks": the bloc and a UN
    body sign something together, with no other word of diplomacy."""
    db = tmp_path / "ww.db"
    texts = {
        "plan": (
            "Asean Secretariat, Escap sign plan to tackle climate, disaster risks",
            "JAKARTA - The ASEAN Secretariat and the UN Economic and Social Commission for Asia "
            "and the Pacific (ESCAP) on Tuesday signed a five-year plan on climate and disaster "
            "risk data.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-08-11"))
    assert judged == {"plan": "core"}


def test_friendship_is_a_word_of_a_relation_beside_a_concert(tmp_path: Path) -> None:
    """ "Lao president praises friendship with Cuba" at a concert and an exhibition during a visit:
    the two states' relation, whatever the culture words."""
    db = tmp_path / "ww.db"
    texts = {
        "friendship": (
            "Lao president praises friendship with Cuba",
            "VIENTIANE (KPL) - The Lao president praised the friendship between Laos and Cuba at a "
            "concert and an exhibition in Vientiane on Friday, a cultural evening held during the "
            "Cuban vice president's visit.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-08-11"))
    assert judged == {"friendship": "related"}


def test_aid_to_a_member_named_as_a_place_is_a_relation_whoever_sends_it(tmp_path: Path) -> None:
    """A partner's aid to a quake-hit member, and a member's rescue team for another, are
    relations though the member struck is only where the aid goes; a member's foreign workers
    evacuated from floods at home are not."""
    db = tmp_path / "ww.db"
    texts = {
        "partner": (
            "Korea to provide US$2 mln in humanitarian aid to quake-hit Myanmar",
            "SEOUL (Yonhap) - South Korea will provide US$2 million in humanitarian aid to Myanmar "
            "following a deadly earthquake, the foreign ministry said Sunday.",
        ),
        "member": (
            "Vietnamese rescue team departs for Myanmar quake zone",
            "HANOI (VNA) - A team of 80 rescuers from the Ministry of Public Security left Hanoi "
            "on military aircraft bound for Myanmar to help search for survivors of the quake.",
        ),
        "floods": (
            "Evacuees in Kelantan rise to over 62,000",
            "KOTA BHARU (Bernama) - The state disaster management agency said the number of flood "
            "evacuees rose. Among those evacuated were 1,300 foreign workers from Indonesia and "
            "Bangladesh.",
        ),
    }
    judged = relevance_of(db, group_texts(db, texts, "2025-03-30"))
    assert judged == {"partner": "related", "member": "related", "floods": "none"}


def test_the_home_press_leader_by_title_alone_makes_a_relation(tmp_path: Path) -> None:
    """ "The Prime Minister will make an official visit to India" in a Singapore paper datelined
    at home, or "The Prime Minister ... thanked the Government of Japan" in a Cambodian paper that
    prints no dateline, is the home state's leader: the story is a member's relation with a
    partner, though the member is named only once, low down. The same undatelined words in a paper
    that names another state's prime minister are not read as its own."""
    from crawler.store.database import Store
    from crawler.stories.grouping import Grouper
    from tests.conftest import save_and_group

    texts = {
        "visit": (
            "The Straits Times",
            "PM to make official visit to India from Sept 2 to 4",
            "SINGAPORE – The Prime Minister will make an official visit to India from Sept 2 to "
            "4 at the invitation of his Indian counterpart, the Prime Minister's Office said on "
            "Aug 29.\n\nIn New Delhi, he will hold talks with the Indian Prime Minister and "
            "call on the President of India.\n\nHe will also meet Singapore companies "
            "operating in India.",
        ),
        "plant": (
            "Khmer Times",
            "Premier inaugurates Japanese-funded water plant in Kampot",
            "The Prime Minister yesterday inaugurated a water treatment plant in Kampot province "
            "built under the Government of Japan's grant aid programme.\n\nSpeaking at the "
            "ceremony, the Prime Minister thanked the Japanese government and people for their "
            "support.",
        ),
        "budget": (
            "ABC News (Australia)",
            "Timor-Leste passes budget as oil revenue shrinks",
            "Timor-Leste's parliament passed the budget on Tuesday. Prime Minister Xanana Gusmao "
            "said spending would be cut.\n\nFinance Minister Ana Soares said the gas fields in the "
            "Timor Sea, between Timor-Leste and Australia, remained stalled.",
        ),
    }
    db = tmp_path / "w.db"
    store = Store(db)
    try:
        grouper = Grouper(store)
        ids = {
            name: save_and_group(
                store,
                grouper,
                f"https://paper.example/{name}",
                "paper",
                title,
                body,
                f"2025-08-{29 + n:02d}T10:00:00+08:00",
                agency=agency,
            )
            for n, (name, (agency, title, body)) in enumerate(texts.items())
        }
    finally:
        store.close()
    relevance = relevance_of(db, ids)
    assert relevance["visit"] == "related"
    assert relevance["plant"] == "related"
    assert relevance["budget"] == "none"


def test_two_sides_cohosting_a_festival_are_a_relation(tmp_path: Path) -> None:
    """ "ASEAN Secretariat, Japan co-host film festival": the bloc and a partner stage it together,
    a relation however many words of film and culture follow; a festival one embassy stages alone
    is still culture."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "cohosted": (
                "ASEAN Secretariat, Japan co-host film festival marking cultural exchange",
                "The ASEAN Secretariat and the Mission of Japan to ASEAN opened a week-long film "
                "festival in Jakarta on Friday, marking their cooperation in culture.\n\nThe "
                "festival's films, screenings and cultural shows run until Sunday, with free "
                "screening tickets for students.",
            ),
            "alone": (
                "Embassy opens Japanese film festival",
                "The Japanese embassy in Vientiane staged an anime and film night for Lao "
                "students, the first of its cultural season.\n\nFour films were screened, and a "
                "festival of Japanese food and music followed in the embassy garden.",
            ),
        },
        "2025-03-07",
    )
    relevance = relevance_of(db, ids)
    assert relevance["cohosted"] == "core"
    assert relevance["alone"] == "none"


def test_market_access_granted_by_another_state_is_a_relation(tmp_path: Path) -> None:
    """ "Canberra has approved market access for fresh Vietnamese pomelo": a trade-policy measure
    between two governments, as a tariff or an import ban is; a fruit's first exports with no
    government deciding stay business."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "access": (
                "Fresh pomelo gains access to Australian market",
                "HÀ NỘI — Vietnamese fresh pomelo can now be exported to Australia, Vietnam's "
                "Plant Protection Department said.\n\n"
                '"Canberra has approved market access for fresh Vietnamese pomelo after a risk '
                'assessment that took nearly six years," the '
                "department's director said. The Australian Department of Agriculture will "
                "publish the import conditions next week.",
            ),
            "exports": (
                "Pomelo growers ship first containers to Australian buyers",
                "Growers in Bến Tre shipped their first two containers of pomelo to Australian "
                "supermarket chains this week, a cooperative said.\n\nThe fruit sells for about "
                "A$9 a kilogram in Sydney, the cooperative's director said.",
            ),
        },
        "2025-08-14",
    )
    relevance = relevance_of(db, ids)
    assert relevance["access"] == "related"
    assert relevance["exports"] == "none"


def test_the_bloc_acting_once_in_a_partners_story_is_core(tmp_path: Path) -> None:
    """A partner's leader quoting what "ASEAN has been really clear with us" about: the bloc is a
    side once, in a story no member leads, and the story is `core`. A member's talks with a
    partner that name the bloc once in passing stay `related`."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "partner": (
                "Albanese announces $2 billion fund to boost Australian investment",
                "Prime Minister Anthony Albanese on Monday announced a $2 billion fund to help "
                "Australian companies invest in Southeast Asia.\n\nThe fund will back projects "
                "in clean energy, infrastructure and agriculture, the government said.\n\n"
                '"ASEAN has been really clear with us that it wants more Australian investment, '
                'not just more Australian visits," Mr Albanese said.',
            ),
            "member": (
                "Hun Manet, Ishiba agree to boost Cambodia-Japan ties",
                "Cambodian Prime Minister Hun Manet and Japanese Prime Minister Shigeru Ishiba "
                "agreed on Tuesday to boost cooperation in infrastructure and digital "
                "technology.\n\nThe two leaders also discussed regional issues, and Ishiba "
                "reaffirmed Japan's support for ASEAN.",
            ),
        },
        "2025-03-17",
    )
    assert relevance_of(db, ids) == {"partner": "core", "member": "related"}


def test_a_member_leading_and_a_partner_acting_once_below_are_related(tmp_path: Path) -> None:
    """A foreign minister receiving an ambassador whose state is named once below the lead is a
    relation; a hotels story naming tourists from a partner and a "friendship bridge" stays
    `none`."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "envoy": (
                "Union Foreign Minister receives ambassador, discusses trade",
                "NAY PYI TAW, 14 May - Myanmar's Union Minister for Foreign Affairs received a "
                "newly accredited ambassador at the ministry in Nay Pyi Taw on Tuesday.\n\n"
                "They discussed bilateral trade, investment and cooperation in agriculture and "
                "education.\n\nThe ambassador said Kazakhstan was ready to open direct flights "
                "and to hold the next round of consultations between the two foreign ministries "
                "later this year.",
            ),
            "hotels": (
                "Luang Prabang hotels full as May holidays bring visitor surge",
                "Hotels in Luang Prabang were fully booked over the May holidays as visitors "
                "arrived by train and across the Friendship Bridge, the Lao provincial tourism "
                'office said.\n\n"Since the Chinese government extended the May Day holiday '
                "to five days, we have seen many more families coming by train from Kunming and "
                'through the border crossing at Boten," a hotel manager said.',
            ),
        },
        "2025-05-14",
    )
    assert relevance_of(db, ids) == {"envoy": "related", "hotels": "none"}


def test_one_member_leading_and_another_acting_once_below_are_intra_asean(tmp_path: Path) -> None:
    """Thai army units agreeing with a neighbour's district on a border bridge, with Thailand's own
    provincial governor acting once below the lead, is two members' relation; a market story naming
    the neighbour's traders stays `none`."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "bridge": (
                "Army, Tachileik authorities agree on longer bridge hours",
                "CHIANG RAI - The Third Army Region and Myanmar's Tachileik district authorities "
                "agreed on Tuesday to extend opening hours at the Mae Sai bridge, under an "
                "agreement reached at a border committee meeting.\n\nThe crossing will open two "
                "hours longer from next week.\n\nThe Chiang Rai provincial governor said the "
                "extension would help traders.",
            ),
            "market": (
                "Mae Sai market busy ahead of holidays",
                "CHIANG RAI - Stalls at the Mae Sai market were busy on Tuesday as shoppers "
                "stocked up ahead of the holidays.\n\nMany traders come from Myanmar's Tachileik "
                "across the river.\n\nThe provincial governor told stallholders that the market "
                "would stay open late.",
            ),
        },
        "2025-12-02",
    )
    assert relevance_of(db, ids) == {"bridge": "related", "market": "none"}


def test_joint_work_a_neighbour_briefed_and_an_import_duty_are_words_of_a_relation(
    tmp_path: Path,
) -> None:
    """Two members' agencies rolling out joint inspections, a minister briefing the neighbour on a
    canal, a ministry on a partner's cut in an import duty: relations, though none says "talks" or
    "cooperation". A joint venture of two states' firms is business."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "joint": (
                "Johor state government, Singapore agencies roll out joint inspections",
                "JOHOR BAHRU - The Johor state government and Singapore's immigration authority "
                "began joint inspections of buses at the causeway on Monday.",
            ),
            "briefed": (
                "Canal ground broken; neighbour briefed, says minister",
                "PHNOM PENH - Cambodia's minister of public works said on Monday that Vietnam's "
                "government had been briefed on the canal before ground was broken.",
            ),
            "duty": (
                "Ministry welcomes India's cut in palm oil import duty",
                "KUALA LUMPUR - Malaysia's Ministry of Plantation and Commodities on Monday "
                "welcomed the Indian government's cut in its import duty on crude palm oil.",
            ),
            "venture": (
                "Property firms form joint venture",
                "KUALA LUMPUR - A Malaysian developer and a Singaporean property firm formed a "
                "joint venture on Monday to build 2,000 homes in Johor.",
            ),
        },
        "2025-08-04",
    )
    assert relevance_of(db, ids) == {
        "joint": "related",
        "briefed": "related",
        "duty": "related",
        "venture": "none",
    }


def test_the_bloc_by_name_in_a_bilateral_lead_is_a_backdrop_its_envoy_is_a_side(
    tmp_path: Path,
) -> None:
    """A member and a partner in the title with the bloc named once in the lead ("as Tokyo seeks
    deeper ties with ASEAN members") is the two states' relation, `related`; the bloc's own envoy
    acting in the lead of a story titled with a member and a partner makes it `core`."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "bilateral": (
                "Japan, Vietnam agree to step up defense equipment talks",
                "HANOI (Kyodo) -- Japan and Vietnam agreed Tuesday to speed up talks on "
                "transferring defense equipment and to expand joint training of their militaries, "
                "as Tokyo seeks to deepen security ties with ASEAN members facing an increasingly "
                "assertive China at sea.\n\nThe defense ministers signed a memorandum on "
                "cooperation in military medicine.",
            ),
            "envoy": (
                "Special envoy seeks China's help on Myanmar as Manila presses peace plan",
                "The ASEAN Chair's Special Envoy on Myanmar met China's special envoy for Asian "
                "affairs in Beijing on Monday and sought Beijing's support for the bloc's "
                "five-point peace plan, the Philippine foreign ministry said.\n\nThe two envoys "
                "agreed to keep in close contact.",
            ),
        },
        "2026-02-10",
    )
    assert relevance_of(db, ids) == {"bilateral": "related", "envoy": "core"}


def test_a_member_acting_as_the_blocs_chair_in_the_title_is_no_bilateral_backdrop(
    tmp_path: Path,
) -> None:
    """ "Malaysia's Anwar, as regional chair, asks U.S. for talks": the member speaks for the bloc
    in the title, so the bloc named in the lead is a side, not the backdrop of the two states'
    own relation: `core`. "Japan's Ishiba backs Malaysia as regional chair, signs defence pact" is a
    partner backing a member's turn, the bloc named once below as the backdrop of the two states'
    pact: `related`."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "chair": (
                "Malaysia's Anwar, as regional chair, asks U.S. for talks rather than tariffs",
                "KUALA LUMPUR, April 10 (Reuters) - Malaysian Prime Minister Anwar Ibrahim said on "
                "Thursday he had written to U.S. President Donald Trump on behalf of the Southeast "
                "Asian bloc Malaysia chairs this year, asking Washington to open talks with the "
                "region before imposing sweeping new tariffs.\n\nThe White House did not "
                "immediately respond to a request for comment.",
            ),
            "backed": (
                "Japan's Ishiba backs Malaysia as regional chair, signs defence pact",
                "KUALA LUMPUR (Kyodo) -- Japanese Prime Minister Shigeru Ishiba and Malaysian "
                "Prime Minister Anwar Ibrahim signed a defence equipment pact on Friday, as Tokyo "
                "seeks deeper security ties with ASEAN members.\n\nThe two leaders agreed to "
                "expand maritime cooperation.",
            ),
        },
        "2025-04-10",
    )
    assert relevance_of(db, ids) == {"chair": "core", "backed": "related"}


def test_a_trade_agreement_named_as_the_frame_of_trade_is_no_meeting_of_it(tmp_path: Path) -> None:
    """ "Certificates of origin issued under the RCEP" and "exports to other members of the RCEP"
    name the agreement as the frame of a member's trade, not a meeting of its parties: one
    ministry's figures are `none`. The agreement's ministers meeting stay `core`, and so does a
    summit that is no trade agreement ("promised more imports from the region, flew to the East
    Asia Summit")."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "certificates": (
                "Cambodia issues over 30,000 RCEP certificates of origin in first half",
                "Phnom Penh, July 22, 2025 (AKP) -- The Ministry of Commerce issued 31,482 "
                "certificates of origin under the Regional Comprehensive Economic Partnership "
                "(RCEP) in the first half of this year.\n\nChina was the largest market for goods "
                "shipped under RCEP preferences, followed by Japan and the Republic of Korea.",
            ),
            "exports": (
                "Cambodia's exports to RCEP markets up 18 percent",
                "Phnom Penh, Aug. 12 (AKP) -- Cambodia's exports to other members of the Regional "
                "Comprehensive Economic Partnership (RCEP) reached US$4.9 billion in the first "
                "seven months of 2025, according to a report of the Ministry of Commerce.",
            ),
            "summit": (
                "Chinese premier heads to Kuala Lumpur",
                "BEIJING (Xinhua) -- Chinese Premier Li Qiang, who promised more imports from the "
                "region, flew to the East Asia Summit in Kuala Lumpur on Sunday.",
            ),
            "ministers": (
                "RCEP ministers meet in Kuala Lumpur",
                "KUALA LUMPUR (Bernama) -- Trade ministers of the Regional Comprehensive Economic "
                "Partnership (RCEP) met on Monday and agreed to admit new members, the chair said. "
                "China and Japan backed the decision.",
            ),
        },
        "2025-08-12",
    )
    assert relevance_of(db, ids) == {
        "certificates": "none",
        "exports": "none",
        "summit": "core",
        "ministers": "core",
    }


def test_relief_items_and_funding_from_a_partner_are_words_of_a_relation(tmp_path: Path) -> None:
    """The bloc's disaster centre sending relief items "with funding from Japan" is the bloc with a
    partner (`core`), though the copy has no word of diplomacy."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "relief": (
                "AHA Centre, Japan-backed fund speed relief to quake-hit Myanmar",
                "Jakarta (ANTARA) - The AHA Centre has dispatched a second batch of relief items "
                "to Myanmar with funding from Japan, as the centre scales up its response to the "
                "earthquake that struck the country last week.\n\nThe shipment of family kits, "
                "tents and generators was drawn from its stockpile in Subang, Malaysia.\n\n"
                '"Japan\'s long-standing support has allowed the centre to pre-position supplies," '
                "the centre's executive director said.",
            ),
        },
        "2025-04-03",
    )
    assert relevance_of(db, ids) == {"relief": "core"}


def test_the_regional_macro_watchdog_consulting_a_partner_is_the_bloc_with_it(
    tmp_path: Path,
) -> None:
    """AMRO, the ASEAN Plus Three's surveillance office, ending its annual consultation with Japan
    and urging Tokyo to act is the bloc's body with a partner (`core`); ABN AMRO, the Dutch bank,
    is not it."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "amro": (
                "Regional watchdog urges Japan to lay out fiscal path as rates rise",
                "TOKYO (Kyodo) -- The ASEAN+3 Macroeconomic Research Office (AMRO) urged Tokyo on "
                "Friday to present a credible plan to stabilize public debt.\n\nAMRO made the "
                "recommendation at the end of its annual consultation with Japan, which included "
                "meetings with officials from the Finance Ministry and the central bank.",
            ),
            "bank": (
                "Dutch lender expands Singapore trade finance desk",
                "SINGAPORE - ABN AMRO said on Monday it would double its trade finance team in "
                "Singapore to serve commodity traders shipping to Japan and China.",
            ),
        },
        "2026-02-13",
    )
    assert relevance_of(db, ids) == {"amro": "core", "bank": "none"}
    parties = {
        r[0]
        for r in query(db, "SELECT actor FROM article_actors WHERE article_id = ?", (ids["bank"],))
    }
    assert "AMRO" not in parties


def test_the_blocs_body_at_work_in_a_members_story_with_a_partner_is_core(tmp_path: Path) -> None:
    """A member and a partner in the title ("Japan-funded warehouse opens in Cambodia") with the
    bloc named twice below is their own relation when the bloc is only a backdrop; when the bloc's
    disaster centre runs the warehouse with the member's ministry, the bloc is a side (`core`)."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "warehouse": (
                "Japan-funded regional relief warehouse opens in Cambodia",
                "PHNOM PENH - A regional disaster relief warehouse funded by Japan through JICA "
                "opened in Phnom Penh on Monday.\n\nThe warehouse is managed by the AHA Centre in "
                "partnership with Cambodia's Interior Ministry.\n\nThe AHA Centre deployed "
                "relief items to Cambodia last year after flooding.",
            ),
        },
        "2025-06-02",
    )
    assert relevance_of(db, ids) == {"warehouse": "core"}


def test_the_blocs_own_meeting_chaired_by_a_member_named_below_is_intra_asean(
    tmp_path: Path,
) -> None:
    """ASEAN economic ministers conclude talks on an agreement among the members, at a meeting
    chaired by one member's minister, named once below the lead: intra-ASEAN diplomacy."""
    db = tmp_path / "ww.db"
    texts = {
        "defa": (
            "ASEAN economic ministers announce conclusion of DEFA negotiations",
            "ASEAN economic ministers today announced the substantial conclusion of negotiations"
            " on the ASEAN Digital Economy Framework Agreement, which is expected to double the"
            " value of the region's digital economy by 2030.\n\nThe ministers said the agreement"
            " would give businesses one set of rules across the region.\n\nThe announcement was"
            " made at a special meeting chaired by Malaysia's Investment, Trade and Industry"
            " Minister on the eve of the summit.",
        )
    }
    assert relevance_of(db, group_texts(db, texts, "2025-10-25")) == {"defa": "related"}


def test_a_festival_two_governments_stage_together_in_the_lead_is_a_relation(
    tmp_path: Path,
) -> None:
    """The title names only the festival ("Korea-Viet Nam Culture Week opens in HCM City"); the lead
    has the two culture ministries co-organise it: a relation, `related`. The bloc's secretariat
    and a partner's mission that "jointly held" a gala in the lead are `core`. A festival an
    embassy co-organises with a firm is still culture."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "ministries": (
                "Korea-Viet Nam Culture Week opens in HCM City",
                "HCM CITY - A week of Korean and Vietnamese music, film and food opened on Friday, "
                "co-organised by the Republic of Korea's Ministry of Culture, Sports and Tourism "
                "and Viet Nam's Ministry of Culture, Sports and Tourism.\n\nThe week is part of an "
                "exchange programme the two ministries signed last year, three decades after "
                "diplomatic relations began. It includes a concert, a costume show, and screenings "
                "of six films.",
            ),
            "gala": (
                "People-to-people exchange gala held in Jakarta",
                "JAKARTA - The ASEAN Secretariat and the Mission of the People's Republic of China "
                "to ASEAN jointly held a cultural gala on Friday evening.\n\nThe Chinese "
                "ambassador to ASEAN said such exchanges were the foundation of the ASEAN-China "
                "partnership. The gala featured traditional music and dance performed by artists, "
                "and a photo exhibition.",
            ),
            "firm": (
                "Korean film week opens in Vientiane",
                "VIENTIANE - A Korean film week opened on Saturday, co-organised by the Korean "
                "Embassy and a Korean film distributor, with dance, music and screenings.\n\nSix "
                "films and two concerts are on the programme, and the festival runs for a week.",
            ),
        },
        "2024-11-08",
    )
    relevance = relevance_of(db, ids)
    assert relevance == {"ministries": "related", "gala": "core", "firm": "none"}


def test_co_organisers_are_read_in_their_whole_sentence(tmp_path: Path) -> None:
    """ "co-organised by the U.S. Embassy's ... and Viet Nam's Ministry of Culture": the sentence
    goes on past "U.S." to the second government body."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "jazz": (
                "American jazz week opens in Hanoi",
                "HANOI - A week of American jazz and Vietnamese folk music opened on Friday, "
                "co-organised by the U.S. Embassy in Hanoi and Viet Nam's Ministry of Culture, "
                "Sports and Tourism.\n\nThe week includes concerts, workshops and a costume show "
                "by artists, singers and dancers of both countries.",
            ),
        },
        "2025-07-11",
    )
    assert relevance_of(db, ids) == {"jazz": "related"}


def test_initials_that_end_a_sentence_end_the_co_organisers(tmp_path: Path) -> None:
    """ "... musicians trained in the U.S. The U.S. ambassador and Viet Nam's deputy culture
    minister attended": the officials who attended stage nothing."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "club": (
                "Jazz week opens in Hanoi",
                "HANOI - A week of jazz co-organised by a Hanoi music club and a local university "
                "opened on Friday with musicians trained in the U.S. The U.S. ambassador and Viet "
                "Nam's deputy culture minister attended the opening.\n\nThe week includes "
                "concerts, workshops and jam sessions by artists, singers and dancers.",
            ),
        },
        "2025-07-11",
    )
    assert relevance_of(db, ids) == {"club": "none"}


def test_officials_looking_on_or_an_embassy_on_a_mission_make_no_festival_a_relation(
    tmp_path: Path,
) -> None:
    """Two firms co-organise a concert with a deputy minister and an ambassador in the audience;
    an embassy "on a mission" stages its own festival: culture, `none`."""
    db = tmp_path / "w.db"
    ids = group_texts(
        db,
        {
            "audience": (
                "K-pop, V-pop stars draw 10,000 fans in Hanoi",
                "HANOI (VNA) - A music festival co-organised by broadcaster VTV and South "
                "Korea's CJ ENM drew 10,000 fans on Saturday, with Vietnam's Deputy Minister of "
                "Culture and the South Korean ambassador in the audience.\n\nSingers, dancers "
                "and a concert orchestra performed music from both countries.",
            ),
            "mission": (
                "Korean embassy on a mission to win Lao hearts with K-food festival",
                "VIENTIANE (KPL) - A K-food and K-pop festival staged by the Korean Embassy drew "
                "3,000 fans on Saturday, and Laos' Deputy Minister of Information, Culture and "
                "Tourism opened it.\n\nDance crews, music and artists performed until late.",
            ),
        },
        "2024-11-08",
    )
    assert relevance_of(db, ids) == {"audience": "none", "mission": "none"}


def test_the_blocs_committee_abroad_chaired_in_the_lead_is_core(tmp_path: Path) -> None:
    """An ambassador acting "in her capacity as chair of" the bloc's committee in a partner's
    capital, in the lead, is the bloc at work, however rarely the story names it; an ambassador
    who "also chairs" it while meeting for their own state, or a committee of the ASEAN
    Inter-Parliamentary Assembly, leaves two states' relation."""
    db = tmp_path / "ww.db"
    texts = {
        "committee": (
            "Vietnamese ambassador chairs regional committee's dialogue with Australian foreign "
            "affairs department",
            "Canberra (VNA) - Vietnamese Ambassador to Australia Nguyen Thi Thu Trang, in her "
            "capacity as chair of the Canberra Committee of the 11-member Southeast Asian bloc, on "
            "February 18 co-chaired the committee's annual dialogue with Australia's Department "
            "of Foreign Affairs and Trade.\n\nThe dialogue reviewed cooperation in education and "
            "agriculture.",
        ),
        "own state": (
            "Thailand, South Korea discuss fruit exports",
            "SEOUL (Bangkok Post) - Thai Ambassador to South Korea Suchada Rattanakul, who also "
            "chairs the ASEAN Committee in Seoul, met Korean Agriculture Minister Song Mi-ryung on "
            "Tuesday to discuss access for Thai mangoes and durians.\n\nThe two sides agreed to "
            "speed up quarantine checks.\n\nSong also congratulated ASEAN on admitting "
            "Timor-Leste as its 11th member.",
        ),
        "assembly": (
            "Vietnam, China legislators agree to deepen exchanges",
            "Vientiane (VNA) - National Assembly Chairman Tran Thanh Man met Chinese NPC Vice "
            "Chairman Wang Dongming on November 18 on the sidelines of the meeting of the "
            "Executive Committee of the ASEAN Inter-Parliamentary Assembly in Vientiane.\n\nThe "
            "two sides agreed to deepen exchanges between the two legislatures.\n\nWang also "
            "congratulated ASEAN on admitting Timor-Leste as its 11th member.",
        ),
    }
    judged = {
        name: relevance_of(db, group_texts(db, {name: text}, "2025-11-20"))[name]
        for name, text in texts.items()
    }
    assert judged == {"committee": "core", "own state": "related", "assembly": "related"}


def test_a_summit_of_three_sides_makes_each_a_side(tmp_path: Path) -> None:
    """ "The inaugural ASEAN-GCC-China Summit held here today", told by the host's agency with
    every leader by role: the bloc is the first of three sides meeting, as in a pair's summit, so
    the story is `core`, as the leader of "an ASEAN-led follow-up meeting" is a side. A pact's
    spelled-out name among trade regimes stays no meeting of it."""
    db = tmp_path / "ww.db"
    texts = {
        "three": (
            "Three-way summit a model for inter-regional cooperation, says PM",
            "KUALA LUMPUR, May 27 (Bernama) -- The inaugural ASEAN-GCC-China Summit held here "
            "today is a model of how regions can cooperate across political systems, said the "
            "Prime Minister.\n\nThe Chinese Premier, in his remarks, said China was ready to "
            "align its Belt and Road cooperation with the development plans of Gulf countries.",
        ),
        "regimes": (
            "Vietnam, New Zealand to lift two-way trade",
            "HANOI, May 27 (VNA) -- Vietnam and New Zealand agreed on Tuesday to make the best "
            "use of the CPTPP and the ASEAN-Australia-New Zealand Free Trade Area to lift two-way "
            "trade, the two prime ministers said after talks in Hanoi.",
        ),
    }
    texts["led"] = (
        "Defence chiefs to attend follow-up meeting on ceasefire",
        "KUALA LUMPUR, May 27 (Bernama) -- Thai and Cambodian defence chiefs will attend an "
        "ASEAN-led follow-up meeting with Chinese and US observers on Friday to review the "
        "ceasefire, the ministry said.",
    )
    ids = group_texts(db, texts, "2025-05-27")
    assert relevance_of(db, ids) == {"three": "core", "regimes": "related", "led": "core"}
    parties = {
        r[0]
        for r in query(db, "SELECT actor FROM article_actors WHERE article_id = ?", (ids["three"],))
    }
    assert {"ASEAN", "CHN", "GCC"} <= parties


def test_two_pairs_joined_by_and_are_no_meeting_of_three(tmp_path: Path) -> None:
    """ "coordination at multilateral forums, including ASEAN-Japan and (or "as well as")
    Mekong-Japan cooperation mechanisms", in a story of two leaders' talks: two frameworks named in
    passing, not a meeting of three sides, so the bloc is no party; nor is it in "Cambodia-Laos-
    Vietnam cooperation" or "a Japan-based non-profit's regional meeting" beside it."""
    db = tmp_path / "ww.db"
    text = (
        "Vietnam, Japan leaders agree to boost delegation exchanges",
        "RIO DE JANEIRO (VNA) - Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime "
        "Minister Shigeru Ishiba on November 18 on the sidelines of the G20 Summit.\n\nThe two "
        "leaders agreed to increase delegation exchanges and maintain close coordination at "
        "multilateral forums, including ASEAN-Japan and Mekong-Japan cooperation mechanisms.",
    )
    texts = {
        "and": text,
        "as well as": (text[0], text[1].replace(" and Mekong", " as well as Mekong")),
        # three members' cooperation named in passing, and a firm's home
        "framework": (
            "Vietnam, Japan defence ministers agree to boost training",
            "HANOI (VNA) - Vietnamese Defence Minister Phan Van Giang and Japanese Defence "
            "Minister Gen Nakatani agreed on Tuesday to expand training exchanges.\n\nThe two "
            "sides agreed to coordinate within ASEAN, the ADMM-Plus and Cambodia-Laos-Vietnam "
            "cooperation, and to attend a Japan-based non-profit's regional meeting and an "
            "Australia-based think tank's annual meeting in Jakarta.\n\nA Singapore-incorporated "
            "firm's board meeting approved the training contract.",
        ),
    }
    ids = group_texts(db, texts, "2024-11-19")
    for name, i in ids.items():
        parties = {
            r[0] for r in query(db, "SELECT actor FROM article_actors WHERE article_id = ?", (i,))
        }
        assert {"VNM", "JPN"} <= parties and not {"ASEAN", "AUS", "SGP"} & parties, name
    assert relevance_of(db, ids) == dict.fromkeys(texts, "related")


def test_a_trade_pact_firms_use_is_no_meeting_of_its_parties(tmp_path: Path) -> None:
    """Exporters "lean on RCEP origin rules", make "wider use of the Regional Comprehensive Economic
    Partnership", ask for "the RCEP certificate of origin", remember life "Before RCEP,": the pact
    is the frame of their trade, so a business story stays `none` and no framework is a party;
    the pact's own joint committee meeting is a relation of its parties (`core`)."""
    texts = {
        "exporters": (
            "Seafood exporters lean on RCEP origin rules to win Japanese orders",
            "HANOI (VNA) - Vietnamese shrimp processors are making wider use of the Regional "
            "Comprehensive Economic Partnership (RCEP) to trim duties on shipments to Japan, "
            "industry insiders said on Tuesday.\n\nMore member firms now request the RCEP "
            "certificate of origin instead of older forms, the seafood exporters' association "
            'said.\n\n"Before RCEP, if we bought batter mix from Thailand, part of a container '
            'could lose its preference at Japanese customs," an export director said. Duties on '
            "breaded shrimp fall in annual steps under the agreement, and switching to RCEP "
            "treatment saved one firm 8 percent of its duty bill.",
        ),
        "committee": (
            "RCEP joint committee meets in Jakarta to review the pact",
            "JAKARTA (ANTARA) - Senior trade officials of the Regional Comprehensive Economic "
            "Partnership (RCEP) met in Jakarta on Tuesday for the pact's joint committee, with "
            "delegations from ASEAN, China, Japan and South Korea agreeing on a work plan for "
            "accession requests.\n\nThe ASEAN Secretariat said the RCEP ministers would meet in "
            "September.",
        ),
    }
    judged = relevance_apart(tmp_path, texts, "2025-03-18")
    assert judged == {"exporters": "none", "committee": "core"}
    db = tmp_path / "exporters.db"
    parties = {r[0] for r in query(db, "SELECT actor FROM article_actors")}
    assert not {"RCEP", "ASEAN"} & parties
    firms = relevance_apart(
        tmp_path / "firms",
        {
            "firms": (
                "SMEs urged to use ACFTA",
                "KUALA LUMPUR (Bernama) - Malaysian small and medium enterprises should make "
                "better use of the provisions of the ASEAN-China Free Trade Area to expand "
                "exports, an exporters' group said on Tuesday.",
            )
        },
        "2025-03-18",
    )
    assert firms == {"firms": "none"}
    # ... while governments amending its provisions are its parties at work
    amended = relevance_apart(
        tmp_path / "amended",
        {
            "amended": (
                "India, ASEAN agree to amend goods trade pact",
                "NEW DELHI (PTI) - Indian and ASEAN officials agreed on Tuesday to amend "
                "provisions of the ASEAN-India Trade in Goods Agreement, the commerce ministry "
                "said.",
            )
        },
        "2025-03-18",
    )
    assert amended == {"amended": "core"}
    db = tmp_path / "amended" / "amended.db"
    assert "AITIGA" in {r[0] for r in query(db, "SELECT actor FROM article_actors")}


def test_a_body_of_the_bloc_described_in_the_lead_acts_for_it(tmp_path: Path) -> None:
    """ "The Jakarta-based regional humanitarian coordination centre of the Southeast Asian bloc
    has dispatched relief items funded by Japan to Myanmar": the bloc's body at work, under a title
    naming only the partner and the member, is no backdrop, so the story is `core`; a member's own
    aid from a partner, the bloc named once as its club, stays `related`."""
    texts = {
        "centre": (
            "Regional disaster centre channels Japanese-funded relief to Myanmar quake victims",
            "Jakarta (ANTARA) - The Jakarta-based regional humanitarian coordination centre of "
            "the Southeast Asian bloc has dispatched a second batch of relief items funded by "
            "Japan to areas of Myanmar hit by the March 28 earthquake, the centre said on "
            "Tuesday.\n\nThe Japanese Mission to ASEAN said Japan had allocated 3 million US "
            "dollars more to the centre, and Myanmar's Department of Disaster Management received "
            "the shipment.",
        ),
        "bilateral": (
            "Japan sends relief to Myanmar quake victims",
            "Tokyo (Kyodo) - Japan sent a second batch of relief items to Myanmar, a member of "
            "the Southeast Asian bloc, on Tuesday, the Japanese foreign ministry said.\n\n"
            "Myanmar's Department of Disaster Management received the shipment in Yangon.",
        ),
    }
    # ... nor is a member called the region's hub ("the financial centre of ASEAN")
    texts["hub"] = (
        "Singapore, UK sign fintech bridge upgrade",
        "SINGAPORE (Reuters) - Singapore and Britain signed an upgraded fintech partnership on "
        "Tuesday, as the city-state cements its place as the financial centre of ASEAN and London "
        "seeks deeper ties with ASEAN members after Brexit.\n\nThe agreement covers digital "
        "payments, the British trade minister said.",
    )
    # ... described otherwise, or an observer mission
    texts["management"] = (
        texts["centre"][0],
        texts["centre"][1].replace(
            "humanitarian coordination centre", "disaster management centre"
        ),
    )
    # ... and a member described by the seat it hosts is no body at work
    texts["seat"] = (
        "Indonesia, Japan agree to boost defence ties",
        "JAKARTA (Kyodo) - Indonesia and Japan agreed on Tuesday to boost defence ties during "
        "talks in Jakarta, which hosts the secretariat of the Southeast Asian bloc.\n\nThe two "
        "defence "
        "ministers agreed to hold joint drills next year.",
    )
    # ... nor a member's own mission, by its name
    texts["own mission"] = (
        "Philippines, Japan sign coast guard pact",
        "MANILA (PNA) - The Philippines and Japan signed a coast guard cooperation pact on "
        "Tuesday, and the Philippine Mission of ASEAN in Jakarta had helped prepare the text, the "
        "foreign affairs department said.\n\nThe two coast guards will hold joint drills.",
    )
    assert relevance_apart(tmp_path, texts, "2025-04-08") == {
        "centre": "core",
        "bilateral": "related",
        "hub": "related",
        "management": "core",
        "seat": "related",
        "own mission": "related",
    }
