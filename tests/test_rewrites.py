"""What the re-telling check reads in a body: figures written either way are one figure, names
are kept in order and word by word, and no text can break it; and what it reads from two: quotes
said again in other words, one agency, a credit to the other's agency."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from crawler.stories.rewrites import (
    VERBATIM_MAX_QUOTES,
    Match,
    RewriteIndex,
    _speakers,
    aligned,
    anchors,
    covered,
    credits_another,
    describe,
    echoed,
    is_rewrite,
    own_quotes,
    score,
    speakers,
    unquoted,
    verbatim,
    with_alignment,
)


def test_figures_are_one_however_written_and_years_and_small_counts_are_left_out() -> None:
    """An amount is one anchor in digits, with a scale word or in words ("3,000 tonnes", "3
    thousand", "Three thousand tons"), as a heavy re-telling restates it."""
    found = anchors(
        "Trade reached 1,500 tonnes in 2025, worth 1.5 billion dollars, up 12 percent."
        " Officials said 1500 tonnes went by sea in 3 shipments."
    )
    figures = [a for a in found if a.startswith("#")]
    assert figures == ["#1500", "#1500000000", "#12%"]
    for written in ("3,000 tonnes", "3 thousand tonnes", "Three thousand tons", "three thousand"):
        assert [a for a in anchors(written) if a.startswith("#")] == ["#3000"], written
    assert [a for a in anchors("1,500,000 people") if a.startswith("#")] == ["#1500000"]
    assert [a for a in anchors("one and a half") if a.startswith("#")] == []
    assert [a for a in anchors("two hundred and fifty thousand") if a.startswith("#")] == [
        "#250000"
    ]


def test_amounts_in_the_short_forms_of_regional_copy_are_the_same_figures() -> None:
    """Bernama's "US$472mil (RM2.08bil)" and VNA's "150 bln USD" are the amounts another agency
    writes in full, so a re-telling across house styles shares its figures."""

    def figures(text: str) -> list[str]:
        return [a for a in anchors(text) if a.startswith("#")]

    assert figures("exports of US$472mil (RM2.08bil) last year") == figures(
        "exports of 472 million US dollars (2.08 billion ringgit) last year"
    )
    assert figures("to lift trade to 150 bln USD") == figures("to lift trade to $150 billion")
    assert figures("a RM378.5 bln plan") == ["#378500000000"]
    assert figures("a 9 mn tonne harvest, Rp5 trillion in aid") == ["#9000000", "#5000000000000"]
    assert figures("up 4.5 pct, worth Rs 500 crore") == figures("up 4.5%, worth 5 billion rupees")
    assert figures("Rs 2 lakh crore, Rs.500 crore, Rs500cr") == figures(
        "2 trillion rupees, 5 billion rupees"
    )
    # a currency's code or letter against the amount: Philippine, Vietnamese, US copy
    assert figures("PHP5.2 billion, P5.2 billion, VND5 trillion, USD5 million") == figures(
        "5.2 billion pesos, 5 trillion dong, 5 million dollars"
    )
    # a scale joined by a hyphen or a letter, and India's grouping of digits
    assert figures("the PHP6.352-trillion budget, a Rs 500-crore plan, P5.2B, €25M") == figures(
        "6.352 trillion pesos, 5 billion rupees, 5.2 billion pesos, 25 million euros"
    )
    # the currency run into the amount is no name beside its figure
    assert anchors("exports of RM77.8 bil and PHP670 million") == ["#77800000000", "#670000000"]
    # ... the letter only after a currency: a section, a drone and a road are no billions
    assert figures("Section 39B, 31 MQ-9B drones, Road 18B") == ["#39", "#31", "#18"]
    assert figures("Rs 1,50,000 crore") == figures("Rs 1.5 lakh crore") == ["#1500000000000"]
    # a change in a share however written, and not its level; names with digits are no amounts
    for change in ("0.25 pct point", "a 0.25-percentage-point cut", "cut by 25 basis points"):
        assert figures(change) == figures("up 0.25 percentage point") == ["#0.25pp"], change
    assert figures("rose 5 percentage points") != figures("rose 5 percent")
    assert figures("growth of 5.1 percent points to demand") == figures("grew 5.1 percent")
    assert figures("the G20 and P5, A321 jets, PM2.5 levels, Q3 growth, the 2024 CR-V") == []
    # a word that only begins like a scale is none, and a plural scale still is one
    assert figures("5 milestones, 3 millions of doses, 12% growth") == ["#3000000", "#12%"]


def test_names_in_text_order_word_by_word_without_sentence_starts_or_titles() -> None:
    found = anchors(
        "Officials met in Kuala Lumpur. Foreign Minister Sergei Lavrov spoke first; later Lavrov"
        " and Mohamad Hasan signed."
    )
    assert found == ["kuala", "lumpur", "sergei", "lavrov", "mohamad", "hasan"]


def test_vietnams_names_by_syllable_and_in_one_word_are_one_name() -> None:
    """Vietnam's own English copy writes "Việt Nam" and "Hà Nội"; a re-telling elsewhere writes
    "Vietnam" and "Hanoi"."""
    ours = "Leaders of Việt Nam and Brazil met in Hà Nội and agreed to lift trade, Viet Nam said."
    theirs = "Leaders of Vietnam and Brazil met in Hanoi and agreed to lift trade, Vietnam said."
    assert anchors(ours) == anchors(theirs) == ["leaders", "vietnam", "brazil", "hanoi"]
    assert describe(ours)["terms"] == describe(theirs)["terms"]


def test_a_hostile_body_is_described_without_error() -> None:
    body = "9" * 5000 + " " + "1," * 3000 + "5 " + "Aaaa " * 2000 + "\u201c" + "x " * 5000
    described = describe(body)
    assert described["terms"] and described["anchors"]
    assert 0.0 <= aligned(body, body) <= 1.0
    assert 0.0 <= covered(body, body) <= 1.0
    assert own_quotes(body, body) == 0
    # thousands of quotations, none of them in the other text: each looked up in all of it
    quoting = " ".join(f'"Number {i} is said here in words of six or more." ' for i in range(5000))
    assert verbatim(quoting, "x " * 200_000) == 0
    assert verbatim(quoting, quoting) == VERBATIM_MAX_QUOTES


def test_a_retelling_is_aligned_sentence_by_sentence_and_an_unrelated_text_is_not() -> None:
    original = (
        "The minister said the two countries would double trade by 2030.\n"
        "She added that talks on a maritime code would resume in March.\n"
        "Both sides agreed to open a consulate in the northern port city."
    )
    retold = (
        "Trade between the two countries will double by 2030, the minister said.\n"
        "Talks on the maritime code are to resume in March, she added.\n"
        "The sides also agreed to open a consulate in the port city in the north."
    )
    unrelated = (
        "Heavy rain flooded the capital's main roads on Tuesday morning.\n"
        "Schools closed and thousands of commuters were stranded for hours."
    )
    assert aligned(original, retold) == 1.0
    assert aligned(original, unrelated) == 0.0


def test_a_sentence_told_again_in_other_words_counts_when_a_third_of_its_words_remain() -> None:
    """A heavy re-telling keeps the facts of each sentence, not its wording: about a third of the
    stems of the shorter sentence are the original's. Out of order, the same sentences are not a
    re-telling."""
    original = (
        "Indonesia and Canada will conclude talks on an economic partnership agreement before the"
        " end of the year, the foreign minister said.\n"
        "The agreement is expected to lift bilateral trade to 5 billion dollars within five years,"
        " she told reporters in Jakarta.\n"
        "Canadian officials are due in the Indonesian capital next month for a final round of"
        " negotiations on services and investment."
    )
    retold = [
        "Jakarta and Ottawa hope to wrap up talks on their economic partnership pact within the"
        " year, an aide said.",
        "Once in force, the agreement could take two-way trade to 5 billion dollars in half a"
        " decade, she told the press.",
        "A delegation from Ottawa is expected next month for what should be the last round.",
    ]
    assert aligned(original, "\n".join(retold)) == 1.0
    assert aligned(original, "\n".join(reversed(retold))) < 0.5


def test_quotes_said_again_in_other_words_count_and_other_peoples_quotes_do_not() -> None:
    original = (
        "The minister met her counterpart in Hanoi on Monday.\n"
        '"We will double two-way trade by 2030 and open our markets to each other\'s farm goods,"'
        " the minister told reporters."
    )
    reworded = (
        "The two ministers held talks in Hanoi on Monday.\n"
        "The minister said the two countries would double their trade by 2030 and open their"
        " markets to each other's farm products."
    )
    own_quotes = (
        "The two ministers held talks in Hanoi on Monday.\n"
        '"Our exporters have waited years for this meeting and want clear rules," said the head'
        " of the national chamber of commerce."
    )
    assert echoed(original, reworded) >= 0.7
    assert echoed(original, own_quotes) <= 0.3
    assert echoed("No one is quoted here at all.", "Nor here, in any way.") == -1.0


def test_a_later_report_quoting_people_the_first_did_not_has_quotes_of_its_own() -> None:
    """A re-telling quotes what the original quoted, in other words or not at all; a report
    written on its own quotes the people its author heard."""
    original = (
        "The minister met her counterpart in Hanoi on Monday.\n"
        '"We will double two-way trade by 2030 and open our markets to each other\'s farm goods,"'
        " the minister told reporters."
    )
    retold = (
        "The two ministers held talks in Hanoi on Monday.\n"
        '"The two countries will double their trade by 2030 and open their markets to each'
        " other's farm products,\" the minister said."
    )
    own = (
        "The two ministers held talks in Hanoi on Monday and agreed to double trade by 2030.\n"
        '"Our exporters have waited years for this meeting and want clear rules," said the head'
        " of the national chamber of commerce.\n"
        '"Farmers on both sides stand to gain from lower tariffs," an economist told the agency.'
    )
    assert own_quotes(retold, original) == 0
    assert own_quotes(own, original) == 2
    assert own_quotes(original, own) == 1  # the other way round: the minister's own quote
    assert own_quotes("No one is quoted here at all.", original) == 0


def test_a_quotation_given_word_for_word_is_counted_either_way() -> None:
    """Two reports of one press release quote its sentence word for word, whatever the case,
    punctuation and quotation marks; a short phrase taken over is not counted."""
    release = (
        "Total registered foreign investment reached US$11.24 billion, up 7.8 per cent year-on-year"
    )
    first = f'The ministry said on Tuesday: "{release}." Manufacturing led, it added.'
    second = (
        f"According to a statement, \u201c{release.upper()}\u201d, the ministry said. Investors"
        ' called the figures "a strong start".'
    )
    reworded = "Registered foreign investment rose 7.8 per cent to 11.24 billion dollars."
    assert verbatim(first, second) == verbatim(second, first) == 1
    assert verbatim(first, reworded) == 0
    assert verbatim(second, 'They hailed "a strong start" to the year.') == 0


def test_a_quotation_given_word_for_word_is_no_sign_of_a_retelling() -> None:
    """Two reports of one joint statement quote its sentence word for word: that is counted by
    verbatim(), not as a quotation said again (which a re-telling does in other words)."""
    release = (
        "The Meeting agreed to task the Joint Working Group to complete a joint feasibility study"
        " by the third quarter"
    )
    first = f'The joint statement said: "{release}." Officials met in Kuala Lumpur on Tuesday.'
    second = f'"{release}," the statement read. Trade reached 47 billion dollars last year.'
    reworded = (
        "The meeting agreed that the joint working group would complete the feasibility study by"
        " the third quarter, the statement said."
    )
    assert verbatim(first, second) == 1
    assert echoed(first, second) == -1.0  # no quotation left to be said again in other words
    assert echoed(first, reworded) >= 0.7


def test_covered_is_the_smaller_share_of_either_text_told_in_the_other() -> None:
    """A re-telling that drops a paragraph still tells most of the original; a report that tells
    as much of its own as of the other's does not."""
    original = (
        "The minister said the two countries would double trade by 2030.\n"
        "She added that talks on a maritime code would resume in March.\n"
        "Both sides agreed to open a consulate in the northern port city.\n"
        "The minister will travel on to Singapore for a regional forum on Friday."
    )
    retold = (
        "Trade between the two countries will double by 2030, the minister said.\n"
        "Talks on the maritime code are to resume in March, she added.\n"
        "The sides also agreed to open a consulate in the port city in the north."
    )
    own_report = (
        "Trade between the two countries will double by 2030, the minister said.\n"
        "Local fishermen in the province hope the deal brings better prices for their catch.\n"
        "The opposition criticised the cost of the new consulate building in parliament.\n"
        "Analysts at a university in the capital expect rice exports to climb sharply."
    )
    assert covered(original, retold) == 0.75
    assert covered(original, own_report) == 0.25
    assert covered("", original) == 0.0


def test_one_agency_and_credits_are_read_from_the_agency_names_and_the_text() -> None:
    def read(text_a: str, agency_a: str | None, text_b: str, agency_b: str | None) -> Match:
        match = Match(1, cosine=0.5, anchors=0.5, figures=-1, order=1.0, hours=2.0)
        return with_alignment(match, text_a, text_b, agency_a, agency_b)

    plain = "The ministers met in Beijing on Thursday and agreed to meet again in May."
    credited = "The ministers met in Beijing on Thursday, Xinhua news agency reported."
    assert read(plain, "VNA/VNS", plain, "VNA").same_agency
    assert read(plain, "Kyodo News", plain, "Kyodo").same_agency
    assert not read(plain, "Bernama", plain, "Xinhua").same_agency
    assert not read(plain, None, plain, None).same_agency
    assert read(credited, "Bernama", plain, "Xinhua").credited
    assert read(plain, "Xinhua", credited, "Bernama").credited  # either way round
    assert not read(plain, "Bernama", plain, "Xinhua").credited
    assert read(plain, "Bernama-Reuters", plain, "Reuters").credited  # a credit in the dateline
    assert not read(credited, "Xinhua", plain, "Xinhua").credited  # its own name is no credit
    assert not read(credited, "Bernama", plain, None).credited
    # an agreement between two agencies names the other as a partner, not as a source
    partner = (
        "They signed a pact on news exchange between Bernama and the Associated Press of Pakistan."
    )
    assert not read(partner, "Bernama", plain, "APP").credited
    # a paper named in running text, its article in lower case; one word left is no name
    paper = "Myanmar hopes Russia will help, the Global New Light of Myanmar newspaper reported."
    assert read(paper, "TASS", plain, "The Global New Light of Myanmar").credited
    star = "The ministers met under a bright star, officials said."
    assert not read(star, "Bernama", plain, "The Star").credited
    told = "The talks between the two leaders went well, the minister told Xinhua."
    assert read(told, "Bernama", plain, "Xinhua").credited
    # a state's own agency described, not named; its press in general is no source
    described = "The two sides signed three accords, the Malaysian news agency reported."
    assert read(described, "Borneo Bulletin", plain, "Bernama").credited
    state_media = "The deal covers rail and power, according to Lao state media."
    assert read(state_media, "Laotian Times", plain, "KPL").credited
    assert not read(described, "Borneo Bulletin", plain, "The Star").credited
    possessive = (
        "Mr Al Ketbi signed for the Emirati side, according to the UAE's state news agency."
    )
    assert read(possessive, "Vientiane Times", plain, "Emirates News Agency (WAM)").credited
    press = "The deal is a good one, the minister told Malaysian media after the talks."
    assert not read(press, "Yonhap", plain, "Bernama").credited
    # Myanmar's state daily prints the agency's reports: a credit to the paper is to the agency
    daily = "The delegation was led by a deputy minister, The Global New Light of Myanmar said."
    assert read(daily, "The Irrawaddy", plain, "Myanmar News Agency (MNA)").credited
    # a credit line in capitals; not a photo's credit nor a word in capitals
    capitals = "Trump is due in Tokyo next. -WITH A REPORT FROM REUTERS"
    assert read(capitals, "Philippine Daily Inquirer", plain, "Reuters").credited
    assert not read(capitals.lower(), "Philippine Daily Inquirer", plain, "Reuters").credited
    photo = "Marcos met the envoy in Manila. REUTERS/Eloisa Lopez/File Photo\nPHOTO: REUTERS\n"
    assert not read(photo, "Philippine Daily Inquirer", plain, "Reuters").credited
    dawn = "DAWN, a Washington-based rights group, called for an arms embargo."
    assert not read(dawn, "Anadolu Agency", plain, "Dawn").credited
    # ... alone after the last sentence, or with another agency
    bare = "Beijing rejects the ruling. REUTERS"
    assert read(bare, "The Straits Times", plain, "Reuters").credited
    both = "Beijing rejects the ruling.\n\u2014WITH REPORTS FROM REUTERS AND AFP"
    assert read(both, "Philippine Daily Inquirer", plain, "AFP").credited
    heading = "The President spoke for an hour.\nSTATE OF THE NATION ADDRESS\nHe began with rice."
    assert not read(heading, "PNA", plain, "The Nation").credited


def test_a_later_text_crediting_a_third_agency_re_tells_that_one() -> None:
    """Xinhua's version of a Moscow summit, taken from Myanmar's state daily, beside TASS's own
    report: the later text credits an agency that is neither of the two, and the earlier one does
    not credit it. Not so when the earlier credits it too (two re-tellings of one report), nor for
    a credit to the earlier's agency, to its own, or to a partner "between" two agencies."""
    plain = "Russia and Myanmar agreed to build a small nuclear power plant, officials said."
    via_paper = (
        "Russia and Myanmar agreed to build a small nuclear power plant, according to a joint"
        " statement reported by The Global New Light of Myanmar."
    )
    assert credits_another(via_paper, "Xinhua", plain, "TASS")
    assert not credits_another(plain, "TASS", via_paper, "Xinhua")  # only the later's credits
    assert not credits_another(via_paper, "Xinhua", via_paper, "Bernama")  # both credit it
    assert not credits_another(via_paper, "Xinhua", plain, "The Global New Light of Myanmar")
    # the state daily prints the agency's reports: a credit to either is to both
    assert not credits_another(via_paper, "Xinhua", plain, "Myanmar News Agency (MNA)")
    assert not credits_another(via_paper, "The Global New Light of Myanmar", plain, "TASS")
    told = "The two leaders also discussed oil supplies, the minister told Xinhua."
    assert not credits_another(told, "Xinhua", plain, "TASS")
    partner = "They signed a pact on news exchange between Bernama and Xinhua."
    assert not credits_another(partner, "The Star", plain, "TASS")
    # a credit line in capitals
    assert credits_another(plain + "\n— REUTERS", "Malay Mail", plain, "The Straits Times")
    match = Match(1, cosine=0.5, anchors=0.5, figures=-1, order=1.0, hours=2.0)
    read = with_alignment(match, via_paper, plain, "Xinhua", "TASS")
    assert read.another_source
    assert not with_alignment(
        replace(match, newer=False), via_paper, plain, "Xinhua", "TASS"
    ).another_source
    assert score(read) < score(replace(read, another_source=False))


def test_a_quotation_told_in_two_sentences_is_said_again() -> None:
    """A re-telling may tell a long quotation in two sentences of indirect speech: each holds
    only part of it, the two together most."""
    original = (
        "Officials from the two countries met in Kunming last week for a new round of talks.\n"
        '"The talks were held in a frank and practical atmosphere, and the parties agreed to move'
        ' the draft code of conduct into its third reading," the spokesman told a briefing.'
    )
    retold = (
        "Officials of the two countries held a new round of talks in Kunming last week.\n"
        "The spokesman said the atmosphere had been frank and practical.\n"
        "The parties agreed to take the draft code of conduct into a third reading, he added."
    )
    assert echoed(original, retold) >= 0.7


def test_quotes_turned_into_indirect_speech_are_measured() -> None:
    """A text that quotes and one that quotes no one differ fully; two that quote as often, or
    neither, not at all."""
    quoting = 'The minister said: "We will open four border checkpoints next week for trade."'
    indirect = "The minister said four border checkpoints would open next week for trade."
    assert unquoted(quoting, indirect) == 1.0
    assert unquoted(quoting, quoting) == 0.0
    assert unquoted(indirect, indirect) == 0.0


HAZE = (
    "Malaysia and Indonesia agreed on Tuesday to set up a joint task force to fight haze from"
    " forest fires on Sumatra and Borneo, Malaysian Environment Minister Nik Nazmi Nik Ahmad"
    " said.\n"
    '"We cannot let our people breathe smoke every dry season, and this task force will act before'
    ' the fires spread," Nik Nazmi told reporters in Putrajaya after meeting Indonesian Forestry'
    " Minister Raja Juli Antoni.\n"
    "The task force will share satellite hotspot data every six hours and deploy 1,200 firefighters"
    " to peatland areas in Riau and West Kalimantan, he said.\n"
    "Raja Juli said Indonesia would commit 45 million ringgit to the effort and that water-bombing"
    " aircraft from both countries would be placed on standby.\n"
    "The haze in September 2019 closed more than 2,000 schools in Malaysia and sent the air"
    " pollutant index above 200 in Kuching.\n"
    "The ministers will meet again in Jakarta in March to review the first season of joint patrols."
)
# Re-told heavily half a day later: reordered, the quote turned indirect, paragraphs dropped, the
# carrier's own background added, no credit.
HAZE_RETOLD = (
    "Kuala Lumpur and Jakarta will form a joint unit against the haze that drifts across the Strait"
    " of Malacca every dry season, Nik Nazmi Nik Ahmad, Malaysia's environment minister, has"
    " announced.\n"
    "Indonesia is putting 45 million ringgit into the effort, Raja Juli said, adding that both"
    " sides would keep water-bombing planes ready.\n"
    "Speaking after his talks with Indonesia's forestry minister Raja Juli Antoni, Nik Nazmi said"
    " the two neighbours wanted to act before the fires spread and the smoke reached homes.\n"
    "Under the plan, some 1,200 firefighters will be sent to peatland in Riau and West"
    " Kalimantan.\n"
    "Environmental groups in Pekanbaru have long blamed plantation companies for clearing land by"
    " burning, and residents there say the smoke returns each year."
)
# Written on its own within the hour: the same talks, figures and ministers, its own sources.
HAZE_OWN = (
    "Malaysia and Indonesia will set up a joint task force to tackle transboundary haze from forest"
    " fires on Sumatra and Borneo, the two governments said on Tuesday.\n"
    "The Indonesian delegation led by Forestry Minister Raja Juli Antoni met Malaysian officials in"
    " Putrajaya for talks that lasted three hours, according to Indonesian ministry spokesperson"
    " Krisdianto Pranoto.\n"
    '"Our firefighters are ready and the peat areas are our priority," Krisdianto said, adding that'
    " 1,200 personnel would be sent to Riau and West Kalimantan.\n"
    "Malaysian Environment Minister Nik Nazmi Nik Ahmad said satellite hotspot data would be shared"
    " every six hours and 45 million ringgit had been set aside by Jakarta.\n"
    "The haze of 2019 forced more than 2,000 Malaysian schools to close.\n"
    "Greenpeace Southeast Asia campaigner Siti Aminah said the task force would fail unless"
    " plantation firms were held to account."
)


def test_a_heavy_retelling_half_a_day_later_is_joined_and_a_report_of_its_own_is_not() -> None:
    """A heavy re-telling shares little wording with its original; that it came out hours later
    tells it from a report of the same talks written at the same time (both name the same
    ministers)."""
    published = datetime.fromisoformat("2025-03-04T02:00:00+00:00")

    def judged(text: str, agency: str, hours: float) -> bool:
        index = RewriteIndex()
        index.add(0, describe(HAZE), published.isoformat(), published.isoformat())
        when = (published + timedelta(hours=hours)).isoformat()
        (match,) = index.candidates(describe(text), when)
        return is_rewrite(with_alignment(match, text, HAZE, agency, "Bernama"))

    assert judged(HAZE_RETOLD, "The Star", 12.0)
    assert not judged(HAZE_OWN, "ANTARA", 1.0)


def test_speakers_are_the_share_of_a_texts_speakers_the_other_names() -> None:
    """Who says, tells or is the source of something, by the last word of the name; a capital that
    only starts a sentence is nobody, nor is whom a speaker warns or tells."""
    original = "Foreign Minister Mohamad Hasan said the talks went well. Critics said otherwise."
    retold = "The talks went well, Mohamad told reporters, and Siti Aminah of a think tank agreed."
    other = "The talks went well, according to Anwar Ibrahim, and Fadillah Yusof said so too."
    assert _speakers(original) == {"hasan"}  # not "critics"
    assert _speakers(retold) == {"mohamad"}
    # whom a speaker warns is not a speaker: "warned Manila"
    assert _speakers("The ministry warned Manila again, Minister Kamikawa said.") == {"kamikawa"}
    # the re-telling's one speaker is named in the original (the larger of the two shares)
    assert speakers(original, retold) == 1.0
    assert speakers(original, other) == 0.0
    assert speakers("No one spoke at all.", "The talks went well.") == -1.0


def test_contained_is_the_share_of_the_smaller_vocabulary_the_other_uses() -> None:
    """A re-telling that drops paragraphs draws its words from the original: nearly all of its
    vocabulary is the original's, however much longer the original is. A report of its own of the
    same talks uses words of its own; and the more contained pair is the likelier re-telling."""
    published = datetime.fromisoformat("2025-03-04T02:00:00+00:00").isoformat()

    def contained(text: str) -> float:
        index = RewriteIndex()
        index.add(0, describe(HAZE), published, published)
        (match,) = index.scored(describe(text), published)
        return match.contained

    first_two = "\n".join(HAZE.split("\n")[:2])
    assert contained(first_two) == 1.0
    assert contained(HAZE) == 1.0
    assert contained(HAZE_OWN) < 0.75  # its own speakers, background and words
    match = Match(1, cosine=0.5, anchors=0.5, figures=-1, order=1.0, hours=2.0)
    assert score(replace(match, contained=0.9)) > score(replace(match, contained=0.4))


def test_a_name_counts_as_a_credit_only_where_a_credit_stands() -> None:
    """The Philippine army's initials, a region's acronym, a newspaper's name used as a word or a
    photograph's credit are no agency credited; a chain that credits the earlier agency too
    re-tells that one."""
    plain = (
        "Two Chinese coast guard ships shadowed a Philippine supply boat near Second Thomas Shoal."
    )
    army = (
        "Two Chinese coast guard ships shadowed a Philippine supply boat near Second Thomas Shoal,"
        " the Armed Forces of the Philippines (AFP) said. The AFP said the boat was not harmed."
    )
    assert not credits_another(army, "Philippine News Agency", plain, "Inquirer")
    region = "Investment from the MENA region rose, and dawn raids netted 12 suspects."
    assert not credits_another(region, "The Star", plain, "Inquirer")
    credited = plain + " the boat was not harmed, AFP reported."
    assert credits_another(credited, "Philippine News Agency", plain, "Inquirer")
    chain = plain + " the boat was not harmed, TASS reported.\n-- BERNAMA"
    assert not credits_another(chain, "The Star", plain, "TASS")
    # a photograph's credit is not the text's source
    for photo in (
        "PHOTO: REUTERS",
        "File photo by AFP",
        "(Picture: Bernama)",
        "Photo/Xinhua",
        "(Xinhua/Zhang Wei)",
        "Pic: Bernama",
        "\u2014 AFP pic",
        "(Photo courtesy of Bernama)",
        "Image credit: Reuters",
        "(ANTARA FOTO/Galih Pradipta)",
        "Video courtesy of AFP",
        "Photo: Courtesy of Bernama",
        "Photograph courtesy of Bernama",
    ):
        assert not credits_another(f"{plain}\n{photo}", "The Star", plain, "Inquirer"), photo
    # ... but footage or a video an agency verified is its report
    for seen in ("footage", "video"):
        verified = f"{plain} In the {seen} AFP said it had verified, the boat was hit by a cannon."
        assert credits_another(verified, "The Star", plain, "Inquirer"), seen
    # ... and a caption ending "photo" leaves the sign-off on the next line a credit
    caption = f"{plain}\nAnwar with ASEAN leaders in a family photo\n\u2014 Bernama"
    assert credits_another(caption, "The Star", plain, "Inquirer")
