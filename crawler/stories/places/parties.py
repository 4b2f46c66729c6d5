"""The decision: every mention of a state read in its sentence with the cues of this package, and
the states with evidence of agency kept as parties."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from itertools import pairwise

from crawler.stories.gazetteer import Actor, Gazetteer
from crawler.stories.mentions import Mention, fold
from crawler.stories.places.agency import (
    PAST,
    PREPOSITIONS,
    WEEKDAY,
    acts,
    body_after_fronted,
    evidence_before,
    gathered_as,
    government_after,
    official_after,
    owns,
    staffed_before,
)
from crawler.stories.places.context import (
    LEAD,
    WINDOW,
    in_passing,
    lists_of,
    sentence_parts,
    window_after,
    window_before,
    word_before,
)
from crawler.stories.places.home import (
    PEOPLES_COMMITTEE,
    REGIONAL_GOVERNMENT_AFTER,
    demonym_form,
    ethnic_listing,
    home_minister,
    home_title,
    is_body,
    is_capital,
    is_region,
    named_body,
    nationality,
    regional_government,
    unnamed_official,
)
from crawler.stories.places.names import inside_name, named_for
from crawler.stories.places.setting import (
    MADE_OF,
    dated,
    describes_place,
    earlier_time,
    forum_members,
    is_setting,
    market_members,
    other_deals,
    settled,
    sidelines,
)
from crawler.stories.places.sport import sport_sentence, sport_story

# A meeting's or bloc's chair's statement: "the ARF chair's statement", "the Chairman's Statement of
# the ASEAN Summit".
_CHAIR_STATEMENT = r"(?:chair|chairman|chairperson)(?:'s|\u2019s)?\s+statement"
_STATEMENT_AFTER = re.compile(rf"(?:'s|\u2019s)?\s+{_CHAIR_STATEMENT}")
_STATEMENT_BEFORE = re.compile(rf"\b{_CHAIR_STATEMENT}\s+(?:of|at|from)\s+(?:the\s+)?(?:\w+\s+)?$")
# An agreement's talks: "the ASEAN-Canada FTA talks", "RCEP negotiations".
_TALKS_AFTER = re.compile(r"\s+(?:talks|negotiations|negotiating rounds?|consultations)\b")
_PAIR_NAMED_BEFORE = re.compile(r"[\w.']+\s*-\s*(?:[\w.']+\s+)?$")
# States thanked or praised for what they did, whatever came before ("thanked Malaysia, as ASEAN
# Chair, as well as the United States and China for their support").
_THANKED_AFTER = re.compile(
    r"^\s+for\s+(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:support|contributions?|assistance|"
    r"help|role|roles|efforts|cooperation|hospitality|solidarity|mediation|facilitation|backing|"
    r"patience|leadership|understanding|generosity)\b"
)
# ... or for what it did, past an apposition, where the sentence praises or thanks: "commended
# Malaysia, in its role as ASEAN chair, for convening these talks" (not "fined in Cambodia for
# hosting scam compounds")
_PRAISED_FOR_AFTER = re.compile(
    r"^(?:,[^,.;]{3,60},)?\s+for\s+(?:convening|hosting|organi[sz]ing|mediating|facilitating|"
    r"brokering|chairing)\b"
)
_PRAISE_BEFORE = re.compile(
    r"\b(?:commend|prais|thank|laud|hail|appreciat|credit|congratulat)\w*\s+(?:[^.;]{0,80}\s+)?$"
)
# The bloc's chair in apposition after a member's name: ", as ASEAN chair,", ", in its capacity as
# the current Chair of ASEAN,".
_AS_BLOC_CHAIR = re.compile(
    # "Anwar, speaking in his capacity as ASEAN Chair, said", "Anwar Ibrahim, who as ASEAN chair
    # had brokered", "talks hosted by Anwar Ibrahim as chairman of Asean"
    r"(?P<comma>,)?\s+(?:who\s+)?(?:speaking\s+|acting\s+)?"
    # a leader's own act in the role: "the Philippine president, who briefed him in his role as
    # this year's chair of the ..." (one verb and a pronoun, so "who wrote to Anwar in his role"
    # is not the writer's)
    r"(?P<did>(?<=who\s)[a-z]+\s+(?:(?:him|her|them|us|reporters)\s+)?"
    # ... or the meeting it was: "Mr Anwar, who chaired the meeting in his capacity as ASEAN chair"
    r"(?:(?:the|its)\s+(?:meeting|talks|summit|session|dialogue|consultations)\s+)?"
    r"(?=in\s+(?:its|his|her)\s+(?:capacity|role)\s))?"
    r"(?P<capacity>in\s+(?:its|his|her)\s+(?:capacity|role)\s+)?"
    # ... or praised for the role, its act told next: "commended Malaysia for its role as ASEAN
    # Chair in facilitating the talks", "commended Anwar Ibrahim \"for his leadership as ASEAN
    # chair\" in hosting the talks" (read as the chair named without a comma)
    r"(?P<for_role>(?<!,\s)[\"“]?for\s+(?:its|his|her)\s+(?:role|leadership)\s+)?"
    # ... or the chair in apposition, its act told before it: "talks hosted by Malaysian Prime
    # Minister Anwar Ibrahim, the current chair of the Association of Southeast Asian Nations"
    r"(?:as\s+(?:the\s+)?|(?P<appos>(?<=,\s)the\s+(?=(?:current|rotating)\s)))"
    r"(?:current\s+|rotating\s+|this\s+year['’]s\s+)?"
    r"(?:asean\s+(?:chair|chairman|chairperson|chair\s+country)\b|"
    r"(?:chair|chairman)\s+of\s+(?:the\s+)?(?:asean|association of south-?\s?east asian nations|"
    # ... or the bloc described: "in its capacity as chair of the 10-nation Southeast Asian
    # regional body"
    r"(?:(?:\d+|ten|eleven)-(?:nation|member|country)\s+)?south-?\s?east asian\s+(?:regional\s+)?"
    r"(?:bloc|grouping|body|association|organi[sz]ation))\b)"
    # the turn's year, read against the story's: "as ASEAN Chair in 2024", "in its role as ASEAN
    # Chair last year" are a past turn
    r"(?:\s+(?:(?:in|for)\s+)?(?P<year>(?:19|20)\d\d)\b|\s+(?P<when>last|next|that)\s+year\b|"
    r"\s+(?P<then>at\s+the\s+time)\b)?"
)
# The bloc's chair as the opening of a sentence, its holder named next: "As ASEAN Chair, the
# Philippines ...".
_CHAIR_OPENING = re.compile(
    r"(?:^|[.!?:]\s+|\n|\s[-–—]{1,2}\s+|\bthat\s+)\s*[\"“]?as\s+(?:the\s+)?"
    r"(?:current\s+|this\s+year['’]s\s+)?"
    r"(?:asean\s+(?:chair|chairman|chairperson)|(?:chair|chairman)\s+of\s+(?:the\s+)?asean)"
    r"(?:\s+(?:for|in)\s+(?P<year>(?:19|20)\d\d)|\s+this\s+year)?\s*,\s*"
    # the holder, past a title: "As ASEAN chair, Prime Minister Anwar Ibrahim urged"
    r"(?:the\s+)?(?:(?:prime|foreign|deputy|minister|president|secretary|premier|mr|ms|dr|"
    r"datuk|seri|tan|sri)\.?\s+){0,4}"
)
# A praised chair's act dated in its own clause ("in facilitating the adoption ... in 2017"), not by
# a later clause's recall ("..., 14 years after it applied in 2011").
_CLAUSE_ENDS = re.compile(r",|;|\s[-–—]\s|\b(?:which|whose|that|since|after|before|when)\b")
_ACT_YEAR = re.compile(r"\bin\s+((?:19|20)\d\d)\b")
# A leader named as the holder of an earlier turn: "then-Cambodian Prime Minister Hun Sen".
_THEN_BEFORE = re.compile(r"\b(?:then|former)[\s-]+(?:[\w-]+\s+){0,3}$")
_YEAR_IN = re.compile(r"\b((?:19|20)\d\d)\b")
# A day between a passive's verb and its agent: "hosted on Saturday by".
_DAY = rf"(?:{WEEKDAY})?"
# ... without a comma or "in its capacity", only as the agent of the act: "talks hosted by Malaysian
# Prime Minister Anwar Ibrahim as chairman of Asean" (not "support for the Philippines as ASEAN
# chair": its turn, backed).
_CHAIR_ACTS_BEFORE = re.compile(
    r"\b(?:hosted|chaired|convened|brokered|mediated|facilitated|organi[sz]ed|called)"
    rf"{_DAY}\s+by\s+(?:[\w.'’-]+\s+){{0,5}}$"
)
# ... or its part in the matter: "praised the role played by Malaysia as ASEAN Chair"
_CHAIR_ROLE_BEFORE = re.compile(r"\brole\s+(?:played|taken)\s+by\s+(?:[\w.'’-]+\s+){0,5}$")
# ... or its act in the role told next, the chair the agent or the one praised: "praised the role
# played by Malaysia as ASEAN Chair in hosting", "highly values the efforts of Malaysia as ASEAN
# Chair in mediating" (not a turn backed or looked to: "will support the Philippines as ASEAN chair
# in hosting next year's summits", "stand side by side with Malaysia as ASEAN Chair in organising").
_CHAIR_ACTS_AFTER = re.compile(
    r"[\"”]?\s+in\s+(?:hosting|convening|chairing|brokering|mediating|facilitating|organi[sz]ing)\b"
)
_CHAIR_PRAISED_BEFORE = re.compile(
    r"\b(?:(?:played|taken|made|led|hosted|chaired|convened|brokered|mediated|facilitated|"
    r"organi[sz]ed)\s+by|commend\w*|prais\w*|thank\w*|laud\w*|hail\w*|appreciat\w*|credit\w*|"
    r"valu\w*|applaud\w*|welcom\w*|recogni[sz]\w*|acknowledg\w*|congratulat\w*|"
    r"spoke\s+highly\s+of|speaks\s+highly\s+of|efforts\s+of|role\s+of)\s+(?:[\w.'’-]+\s+){0,5}$"
)
_TURN_BACKED_BEFORE = re.compile(
    r"\b(?:support\w*|back\w*|help\w*|assist\w*|accompan\w*|coordinat\w*|stand\w*|"
    r"work\w*|confidence|cooperat\w*)\s+(?:[a-z]+\s+){0,4}?(?:with|by|to|for|in)?\s*"
    r"(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$"
)
# The chair in apposition after the host of a meeting or talks ("talks hosted by Malaysian Prime
# Minister Anwar Ibrahim, the current chair of ...", "at a meeting in Putrajaya, Malaysia, hosted
# by", "The talks between ... and ..., hosted by"), not of a banquet, a state visit or a forum.
_MEETING_HOSTED_BEFORE = re.compile(
    r"\b(?:meeting|meetings|talks|summit|session|dialogue|consultations|retreat|conference|"
    r"negotiations)\b(?P<between>[^.;]{0,160}?)\b"
    r"(?:hosted|chaired|convened|brokered|mediated|facilitated|organi[sz]ed)"
    rf"{_DAY}\s+by\s+(?:[\w.'’-]+\s+){{0,5}}$"
)
_NOT_A_MEETING = re.compile(
    r"\b(?:banquet|lunch|luncheon|dinner|breakfast|reception|gala|tea|visit|forum|ceremony|"
    r"festival|concert|exhibition|fair)\b"
)
# The bloc's chair by year (shared/reference/asean-facts.md): a chair's act told in the forms
# above is its own turn's, not an earlier one recalled ("the role played by Laos as ASEAN
# chair in hosting the 44th and 45th ASEAN Summits" in a story of 2025).
_CHAIR_OF_YEAR = {
    2020: "VNM",
    2021: "BRN",
    2022: "KHM",
    2023: "IDN",
    2024: "LAO",
    2025: "MYS",
    2026: "PHL",
}
# A state's localities, in Vietnam's press its provinces' and cities' governments, where they are
# dealt with: "called on Chinese localities, especially Guangxi, to facilitate customs clearance",
# "cooperation with Japanese localities", "met leaders of several Japanese localities" (not goods
# "from Thai and Vietnamese localities", "trade with Chinese localities across the border", "firms
# from Lao localities", "along with many Lao localities", "flights between Hanoi and Chinese
# localities", "expanding ties with Chinese localities").
_LOCALITIES_AFTER = re.compile(r"\s+localities\b")
_LOCALITIES_DEALT_BEFORE = re.compile(
    r"(?:\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing|e)|ask(?:ed|s|ing)?|"
    r"encourag(?:ed|es|ing|e))"
    r"|\b(?:cooperation|cooperate|cooperating|partnership|relations|twinning|friendship)\s+with"
    # their leaders: "met leaders of several Japanese localities"
    r"|\b(?:leaders|officials|authorities|representatives|delegations?)\s+(?:of|from))"
    r"(?:\s+[\w-]+){0,2}\s*$"
)
_COORDINATED = re.compile(r"\b(?:and|or)\b|&")
_OWNED_NAME_AFTER = re.compile(
    r"(?:'s|\u2019s|'|\u2019)\s+[A-Z]"
    # a firm described before its name: "with Japan's largest power generator JERA" (not "Japan's
    # central bank")
    r"|(?:'s|\u2019s)\s+(?!central\b)(?:[a-z-]+\s+){0,3}?(?:company|firm|conglomerate|utility|"
    r"airline|lender|bank|miner|developer|giant|carmaker|automaker|exporter|insurer|producer|"
    r"operator|refiner|generator|retailer|manufacturer|chipmaker|shipbuilder|steelmaker)s?\b"
    # the state's name opening an institution's or a firm's: "told the Indonesia Stock Exchange"
    r"|\s+(?:[A-Z][a-z]+\s+){0,2}(?:Stock Exchange|Exchange|Airlines|Airways|Berhad|Bhd|Tbk|Corp|"
    r"Corporation|Holdings|Group)\b"
)
# A framework's meeting as the setting of what is reported: "at the ASEAN Regional Forum", "on the
# sidelines of the East Asia Summit", "under RCEP".
_MEETING_BEFORE = re.compile(
    r"\b(?:at|during|sidelines of|under|within|ahead of|before|after|to|into|attend|attends|"
    r"attended|attending|host|hosts|hosted|hosting|chair|chairs|chaired|chairing|join|joined|"
    r"joining|through|via|in|address|addresses|addressed|addressing|told|tells|"
    # an agreement or its protocol signed: "Malaysia signed the ASEAN-China Free Trade Area (ACFTA)
    # 3.0 Upgrade Protocol" (a weak sign, like the rest: "signed the RCEP in 2020", named once low
    # in the story, stays background)
    r"signed|signs|sign|inked|inks|ink|"
    r"(?:review|upgrade|conclusion|implementation|negotiations?|talks|"
    r"consultations|protocol|signing|ratification|entry into force|accession|membership|text|"
    r"round|meeting|session|members|parties|chapters?|provisions?|commitments?|statement|"
    r"declaration)\s+(?:of|on|to|"
    r"for))\s+(?:the\s+)?(?:(?:\d+(?:st|nd|rd|th)|annual|upcoming|"
    r"special|latest|next|first|informal)\s+)*$"
)
# A trade agreement named as the frame of trade, not as a meeting: "preferential tariffs under the
# ACFTA", "certificates of origin issued under the RCEP", "exports to other members of the RCEP".
_TRADE_REGIME_BEFORE = re.compile(
    r"\b(?:preferential|preferences|certificates?\s+of\s+origin|"
    r"duty-free|exports?|exported|imports?|imported|shipments?|shipped|goods)\b"
    r"(?:\s+[\w,.$%-]+){0,3}?\s+"
    r"(?:under|to|(?:other\s+)?members\s+of)\s+(?:the\s+)?$"
)
# ... or what a firm uses of it: "making wider use of the RCEP", "failing to use the cumulation
# provisions in the RCEP", "inputs count as originating under RCEP", "to tap the AKFTA"
_TRADE_USE_BEFORE = re.compile(
    r"\b(?:(?:use|usage|utili[sz]ation|benefits?|advantage)\s+of|use|using|used|utili[sz]e[sd]?|"
    r"utili[sz]ing|tap|taps|tapped|tapping|lean\s+on|leaning\s+on|originating\s+under|"
    r"(?<!amend )(?<!amending )(?<!amended )(?<!review )(?<!reviewing )(?<!revise )(?<!revising )"
    r"(?<!update )(?<!updating )(?<!tighten )(?<!tightening )(?<!upgrade )(?<!upgrading )"
    r"(?<!negotiate )(?<!negotiating )(?:provisions?|rules?|schedules?)\s+(?:in|of))\s+(?:the\s+)?$"
)
# ... or the agreement's instruments named after it: "RCEP origin rules", "the RCEP certificate of
# origin", "switching to RCEP treatment", "the RCEP form" (not its review, ministers or talks)
_TRADE_REGIME_AFTER = re.compile(
    r"(?:\s*\([^()]*\))?(?:['’]s)?\s+(?:(?:origin|cumulation)\s+rules?|rules?\s+of\s+origin|"
    r"certificates?|forms?|treatment|preferences?|preferential|cumulation|tariff\s+(?:cuts?|rates?|"
    r"lines?|schedules?|concessions?|preferences?)|concessions?|utili[sz]ation)\b"
)
# ... or as a time, not a meeting: "Before RCEP, if we bought ..."
_TRADE_TIME = re.compile(r"\b(?:before|after|since)\s+(?:the\s+)?$")
# ... a trade agreement, not a summit or a forum ("imports from the region, flew to the East Asia
# Summit")
_TRADE_AGREEMENT = re.compile(
    r"\b(?:free trade|trade in goods|economic partnership)\b", re.IGNORECASE
)
# ... unless its own review or talks are the news: "duty-free access under the AITIGA, whose review
# is entering its final stage"
_AGREEMENT_NEWS_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*whose\s+|['’]s\s+)?(?:review|upgrade|negotiations?|talks|"
    r"joint committee|ministers|ministerial)\b"
)
# A state's standing in a grouping other than the bloc ("a BRICS partner country", "APEC
# membership"): a relation with that grouping.
_STATUS_AFTER = re.compile(r"\s+(?:partner countr(?:y|ies)|partnership|membership|full member)\b")
# An organisation's organ adopting or voting: "the UN General Assembly on Wednesday adopted".
_ORGAN_ACTS = re.compile(
    r"\s+(?:general\s+assembly|security\s+council|human\s+rights\s+council|"
    r"general\s+assembly\s+committee|committee)\s+(?:on\s+\w+\s+|\w+ly\s+)?(?:adopted|adopts|"
    r"passed|passes|approved|approves|backed|backs|voted|votes|endorsed|endorses|condemned|"
    r"condemns|demanded|demands|elected|elects)\b"
)
# ... or its experts or agencies speaking: "U.N. human rights experts had warned", "UN agencies
# urged" (not "according to UN experts", nor aid "through UN agencies").
_STAFF_SPEAK = re.compile(
    r"(?:\s+[a-z-]+){0,2}\s+(?:experts|agencies|rapporteurs?)\s+(?:had\s+|have\s+|also\s+)?"
    r"(?:warned|warn|urged|urge|called|call|said|say|told|demanded|criticised|criticized|"
    r"condemned|appealed)\b"
)
# One of the bloc's own bodies, its name after the bloc's in capitals.
# Not a think tank's or a university's ("the ASEAN Studies Centre", "MGIMO's ASEAN Centre").
_BLOC_ORGAN_AFTER = re.compile(
    r"\s+(?:(?!Studies|Research|Business|Youth|Football|Law|Institute)[A-Z][\w'-]*\s+){0,3}?"
    r"(?:Committee|Centre|Center|Network|Working Group|Task Force|Coordinating Council|"
    r"Senior Officials)\b"
    # the observers it sends: "the ASEAN Interim Observer Team", "ASEAN interim observer team"
    r"|\s+(?:[Ii]nterim\s+)?(?:[Oo]bserver|[Mm]onitoring)\s+[Tt]eam\b"
    # a body of its own, described: "the Southeast Asian bloc's disaster coordination center", "the
    # bloc's special envoy"
    r"|['\u2019]s\s+(?:[a-z-]+\s+){0,3}?(?:cent(?:re|er)|hub|secretariat|envoy|observer\s+team|"
    r"task\s+force)\b"
    # ... or a committee of its ambassadors abroad: "ASEAN's London Committee"
    r"|['\u2019]s\s+(?!Olympic|Organi[sz]ing|National|Football|Youth)[A-Z][\w-]+\s+Committee\b"
)
# ... or before it: "the London Committee of the Southeast Asian regional grouping", "the
# Committee of Permanent Representatives to ASEAN", "the secretariat of the bloc" (not a name that
# goes on past the bloc's: "the Organising Committee of the ASEAN Civil Society Conference").
_BLOC_ORGAN_BEFORE = re.compile(
    r"(?<!Studies )(?<!Research )(?<!Business )(?<!Youth )(?<!Football )(?<!Law )(?<!Organising )"
    r"(?<!Organizing )(?<!National )(?<!national )(?<!Olympic )"
    r"(?:Committee|committee|Centre|Center|Network|Working Group|Task Force|Secretariat|"
    r"secretariat)(?:\s+of\s+Permanent\s+Representatives)?\s+(?:of|to)\s+(?:the\s+)?$"
)
_NAME_GOES_ON = re.compile(
    r"[^\S\n]+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:[A-Z0-9]|of\s+[A-Z])"
)
# A capital before a secretariat names the seat of a grouping's ("the bloc's Jakarta secretariat"),
# not a body of the state's own ("the Hanoi secretariat of the Communist Party", "the Kuala Lumpur
# secretariat for the chairmanship"); so does one before a grouping it is the seat of ("the
# Jakarta-headquartered body", "the Jakarta-based regional organisation").
_SEAT_OF_SECRETARIAT = re.compile(
    r"(?:-based|-headquartered)?\s+secretariat\b(?!\s+(?:for\b|of\s+the\s+(?:communist|[a-z]+\s+party)))"
    r"|[- ](?:based|headquartered)\s+(?:[\w-]+\s+){0,2}?(?:body|bloc|grouping|organi[sz]ation)\b"
)
_POSSESSOR_BEFORE = re.compile(r"[\w)]['’]s\s+$")
# ... and "the Pacific Alliance, which brings together Chile, Colombia...", "the FPDA, which also
# include Australia, New Zealand and Malaysia"
_COMPOSED_OF = re.compile(
    rf"\b(?:{MADE_OF}|which\s+(?:also\s+)?(?:brings together|bring together|includes|include))"
    r"\s+(?:the\s+)?"
    # "the ASEAN Committee in Santiago, made up of the embassies of Indonesia, Malaysia..."
    r"(?:(?:embassies|ambassadors|heads of mission|missions|envoys)\s+of\s+(?:the\s+)?)?$"
    # "leaders of the GCC members, namely Saudi Arabia, the United Arab Emirates...": a roll
    r"|\b(?:members?|member\s+(?:states|countries|nations)|countries|nations|states|participants|"
    r"partners),?\s+namely\s+(?:the\s+)?$"
)
# ... or a region or market's, after a bloc's members: "the region, made up of the ASEAN member
# states plus China, Japan and South Korea" (read before a forum's members: the sentence lists what
# a region is made of; a forum so described is its members meeting).
_MEMBERS_PLUS = re.compile(
    r"\b(?:region|market|area|zone|economies)\s*,?\s+(?:which\s+is\s+)?"
    rf"(?:{MADE_OF})\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}"
    r"(?:member\s+states|members|countries|nations|economies)\s+"
    r"(?:plus|along\s+with|together\s+with|as\s+well\s+as)\s+(?:the\s+)?$"
)
# Examples of a kind ("close partners such as Australia, Japan and the United States") are not the
# parties of what is reported.
# Talks with several states' officials, some named: "held talks with defense chiefs from several
# countries, including Malaysia, Laos and Thailand" (each a side of the talks, not an example).
# "bilateral meetings on Friday with"
_MET_WITH = r"\b(?:talks|met|meets|meeting|meetings)\s+(?:(?:on|in|this|last)\s+\w+\s+)?with\s+"
_OFFICIALS = r"(?:chiefs|ministers|leaders|counterparts|officials|delegations|envoys|ambassadors)"
_SEVERAL = r"(?:several|many|some|other)"
_INCLUDING = r"[^.;]*including\s+(?:from\s+)?(?:the\s+)?$"
_MET_OFFICIALS_OF_SEVERAL = re.compile(
    rf"{_MET_WITH}(?:[\w-]+\s+){{0,3}}?{_OFFICIALS}\s+(?:(?:from|of)\s+)?{_SEVERAL}\b{_INCLUDING}"
    # "held separate talks with several ministers, including from the Philippines and Thailand"
    rf"|{_MET_WITH}{_SEVERAL}\s+(?:[\w-]+\s+){{0,2}}?{_OFFICIALS}\b{_INCLUDING}"
    # "bilateral meetings with leaders attending the APEC summit, including those of Japan"
    rf"|{_MET_WITH}(?:[\w-]+\s+){{0,3}}?{_OFFICIALS}\b[^.;]*including\s+those\s+(?:of|from)\s+"
    r"(?:the\s+)?$"
)
_EXAMPLES_BEFORE = re.compile(
    r"\bsuch\s+as\s+(?:the\s+)?$"
    # others named as examples: "Other members of the pact, including Japan and Australia, ..."
    r"|\b(?:other|others|some|several|many)\b[^,.;]{0,60},?\s+including\s+(?:the\s+)?$"
    # ... or a state's standing deals, by example: "its partnership agreements with ASEAN member
    # states, including Indonesia and Cambodia"
    r"|\b(?:its|their|existing|network\s+of)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|deals?|pacts?|partnerships?|accords?|treaties)\s+with\s+(?:[\w-]+\s+){0,3}?"
    r"(?:member\s+states|members|countries|nations|economies),?\s+including\s+(?:the\s+)?$"
    # a standing grouping's members as examples: "the ADMM-Plus, which brings together ASEAN and
    # eight partners including Japan, the United States and China"
    r"|\bbrings\s+together\b[^.;]{0,80}\bincluding\s+(?:the\s+)?$"
    # a comparison: "Unlike the pact between ASEAN and Australia, ...", "Like Japan before it, ..."
    r"|\bunlike\b[^,]*$|^\s*(?:like|as\s+with|just\s+as)\b[^,]*$"
    # ... or an earlier deal of its kind: "its second such pact after the one with Australia",
    # "Japan's third after those with Australia and the United Kingdom"
    r"|\b(?:after|than|like|similar\s+to)\s+(?:the\s+ones?|those|that)\s+"
    r"(?:[\w-]+\s+)?(?:signed\s+|concluded\s+|agreed\s+)?with\s+(?:the\s+)?$"
)
# The backdrop of what is reported ("signed amid a sea row with China", "amid concern over China's
# growing reach", "The visit comes as US tariffs rattle the region", "came a day after Prabowo held
# talks with Xi"): whoever acts there acts in another story.
_BACKDROP_WHEN = (
    r"(?:comes?|came|coming)\s+(?:(?:just\s+|only\s+)?(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|hours?)\s+)?(?:as|after|amid|ahead\s+of|before|following)\b"
)
# ... up to the sentence's end; in a relative clause ("At the talks, which came after the protocol
# was signed, Malaysia's minister urged"), up to the comma that closes it (past a date's year:
# "which came after the protocol was signed on Oct. 28, 2025, by ASEAN and China").
_BACKDROP_BEFORE = re.compile(
    rf"\bamid\b[^,]*$|(?<!\bwhich )\b{_BACKDROP_WHEN}.*$"
    rf"|\bwhich\s+{_BACKDROP_WHEN}[^,]*(?:,\s*\d{{4}}\s*,[^,]*)?$"
)
# The next stop of a trip, low in a story about this one: "Ishiba ... will travel to the
# Philippines on Tuesday to meet President Ferdinand Marcos Jr.", "Luxon flies to Singapore on
# Wednesday, where he is expected to meet Prime Minister Lawrence Wong". The leader met there, and
# the state, are no party of this story (see _Reading.next_stop).
_NEXT_STOP_BEFORE = re.compile(
    r"\b(?:(?:will|to|is\s+(?:due|scheduled|expected|set)\s+to)\s+(?:then\s+)?"
    r"(?:travel|fly|head|go|proceed|continue)|travels|flies|heads|goes|proceeds|continues)"
    r"(?:\s+on)?\s+to\b[^.;]*?"
    r"(?P<meets>\bto\s+meet|\b(?:to\s+hold\s+|for\s+)talks\s+with|"
    r"\b(?:where|there)\s+(?:he|she|they)\s+(?:will|is\s+(?:expected|due|scheduled)\s+to)\s+"
    r"(?:meet|hold\s+talks\s+with))\s+(?:[\w.'’-]+\s+){0,6}$"
)
_TRIP = re.compile(r"\b(?:travel|fly|flies|head|go|proceed|continue)")  # a cheap first look
# ... unless the trip is the news, in the title or the lead: "Japan's Ishiba to visit Southeast Asia
# next week".
_TRIP_NEWS = re.compile(
    r"\b(?:to|will|set\s+to|due\s+to)\s+(?:visit|travel|tour)\b|\b(?:trip|tour)\s+(?:to|of)\b"
)
# A body whose reform is called for is the topic, not a speaker: "called for reform of the United
# Nations Security Council".
_REFORMED_BEFORE = re.compile(r"\breforms?\s+(?:of|to|at)\s+(?:the\s+)?$")
# ... and one a market expects to act does not act in the story: "on expectations that the US
# Federal Reserve would lower interest rates".
_EXPECTED_BEFORE = re.compile(
    r"\b(?:expectations?|bets?|hopes?|speculation|wagers?)\s+(?:that|of)\s+(?:the\s+)?$"
    # "Analysts expect Bank Indonesia and Bank Negara Malaysia to keep rates on hold"
    r"|\b(?:analysts|economists|traders|investors|markets|dealers|strategists|polls?)\s+"
    r"(?:\w+\s+)?(?:expect|expected|predict|predicted|forecast|bet)\s+(?:that\s+)?(?:the\s+)?$"
)
# ... and one others' efforts would bring back to talks is their topic: "support for Seoul's efforts
# to resume dialogue with North Korea", "ASEAN help to bring North Korea back to talks".
_DIALOGUE_SOUGHT = re.compile(
    r"\b(?:efforts?|bids?|push|drive|attempts?|help|support|initiatives?)\s+(?:[\w-]+\s+){0,2}?to\s+"
    r"(?:(?:resume|restart|reopen|revive|renew)\s+(?:[\w-]+\s+)?(?:dialogue|talks|negotiations|"
    r"contacts?)\s+with|(?P<bring>bring|lure|coax|draw))\s+(?:the\s+)?$"
)
# ... "back to talks" after the name, for the verbs that need it ("bring North Korea back to talks")
_BACK_TO_TALKS = re.compile(r"\s+back\s+to\s+(?:the\s+)?(?:dialogue|talks|negotiat)")
# ... unless the state has a body of its own there, or a clause of what it did: "efforts to resume
# dialogue with North Korea's government", "talks with Cambodia, which proposed a meeting".
_ITS_OWN_CLAUSE = re.compile(r",\s+(?:which|who)\b")
# A trip's earlier stop is where the traveller was: "arrived in Moscow last night fresh from a
# working visit to Italy", "arrived in Hanoi on Monday, returning from a visit to Manila".
_PRIOR_STOP_BEFORE = re.compile(
    r"\b(?:(?P<fresh>fresh|straight)|returning|returned|back|coming)\s+from\s+"
    r"(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)s?\s+to\s+(?:the\s+)?$"
)
# ... where the traveller has since arrived: one "returning from a state visit to Japan" with
# nowhere else named may be back from the trip that is the news.
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|landed|lands)\s+(?:in|at)\b")
# A state, or its body, that says or does nothing in the story: "China's embassy in Manila did not
# immediately respond to a request for comment", "Brunei, which also has claims, did not comment",
# "Myanmar's junta leaders were not invited".
_SILENT_AFTER = re.compile(
    r"^(?:'s?(?:\s+[\w-]+){0,5}?)?(?:,[^,.;]{0,80},)?\s*"
    r"(?:did\s+not|didn't|declined\s+to|could\s+not\s+be|(?:is|are|was|were)\s+not|"
    r"ha(?:s|ve)\s+not\s+been)\s+"
    r"(?:immediately\s+)?(?:respond|reply|return|comment|be\s+reached|reached|invited|"
    r"take\s+part|taking\s+part|attend|participate|represented|present|sign|involved)\b"
)
# A meeting still to come, low in a story about another: its states are not the story's parties.
_PLANNED = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:scheduled|expected|set|due|slated|likely)\s+to|"
    r"to\s+be\s+(?:held|hosted|convened)|look(?:s|ed|ing)?\s+forward\s+to|upcoming|forthcoming)\b"
)
_MEMBERS_OF_AFTER = re.compile(
    r"\s+(?:are|is|were|was)\s+(?:also\s+|all\s+)?(?:(?:fellow|founding|full)\s+)?(?:members?|part)\s+of\b"
    # "Egypt, Ethiopia, Iran and the UAE became full members on January 1, 2024"
    r"|\s+became\s+(?:(?:full|founding)\s+)?members\b"
    # ... or a standing seat: "Malaysia, Thailand and Vietnam attend BRICS meetings as partner
    # countries" (in the present, not an attendance reported)
    # (not with a determiner: "attend the meetings as observers" is the meeting reported)
    r"|\s+(?:also\s+)?(?:attend|take part in|sit in on|sit in)\s+"
    r"(?!(?:the|this|these|those|today['\u2019]s|this\s+week['\u2019]s|this\s+year['\u2019]s)\b)"
    r"[^.;,]{0,40}?\bas\s+"
    r"(?:(?:partner|observer|member|guest)\s+(?:countries|states|nations)|partners|observers|"
    r"members|dialogue partners)\b"
)
# ... or a source market sending them: "The United States, Taiwan, Japan and India also sent large
# numbers of tourists" (not workers or students, whom a state's own scheme may send).
_SENT_VISITORS_AFTER = re.compile(
    r"\s+(?:also\s+|each\s+)?(?:sent|send|sends|sending)\s+"
    r"(?:(?!(?:to|home|back)\b)[\w,-]+\s+){0,5}?"  # not "sent ships to rescue", "sent home"
    r"(?:tourists|visitors|arrivals|holidaymakers|travell?ers|guests|passengers)\b"
)
# People or goods named by where they come from ("visitors from ASEAN member states", "imports
# from Chinese suppliers"): places, whatever body follows the name.
_ORIGIN_BEFORE = re.compile(
    r"\b(?:visitors|tourists|arrivals|travell?ers|holidaymakers|imports|investors|investment|"
    r"buyers|(?<!relief )goods|products|shipments|students|workers|exhibitors|fans|athletes|"
    r"student-athletes|players|musicians|artists|performers)\s+from\s+(?:the\s+)?"
    r"(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|all|several|many)\s+)?$"
    # "groups from 70 countries, including Türkiye": where the people come from, a few named
    r"|\b(?:groups|troupes|artists|performers|teams|athletes|participants|exhibitors|companies|"
    r"firms|visitors|tourists)\s+from\s+(?:(?:more than|over|about|some)\s+)?\d+\s+"
    r"(?:countries|nations|economies)(?:\s+and\s+territories)?,?\s+including\s+(?:the\s+)?$"
)
# A wire's credit line: its reporters and bureaus.
_CREDIT = re.compile(r"\((?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[^)]*$")
# A newspaper's name ("Vientiane Times", "China Daily", "the Bangkok Post", "told Viet Nam News",
# "the Vietnam News Agency"), read as written.
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:Times|Post|Daily|Herald|Tribune|Bulletin|Inquirer|Gazette|Journal|Mail|Globe|"
    r"Chronicle|Standard|Insider|News)\b"
)
# Officials of both sides of a pair: "the ASEAN-Russia ministers", "ASEAN-China foreign ministers".
_PAIR_OFFICIALS = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:ministers|leaders|officials|negotiators|delegations|diplomats|"
    r"envoys|senior officials)\b"
)
# A clause of cause or time, open before a name: "prices fell after India lifted its curbs".
_CAUSE_BEFORE = re.compile(r"(?:^|[\s,])(?:after|as|since|following|because|amid)\s+(?:the\s+)?$")


def place_actors(
    text: str,
    mentions: Iterable[Mention],
    gazetteer: Gazetteer,
    home: str | None = None,
    domestic: bool = False,
    evidence: dict[str, str] | None = None,
    year: int | None = None,
    day: date | None = None,
) -> tuple[set[str], str]:
    """The states `text` names without evidence that they act as states (its places), and how
    `home`, the state the story is written in, is a party ("" when it is not). "office": where no
    other state's officials are in the story, one of its agencies by name or a minister by
    portfolio; in the home press's own copy (`domestic`), also a minister or ministry named with
    no state ("Transport Minister Anthony Loke", "the Plantation and Commodities Ministry") or a
    leader by title alone ("The Prime Minister will visit India"), as that press names its own.
    "body": only an official body acting unnamed ("the police said", "the ministry said"), where
    no other state's officials are. The home state may be named by the dateline alone ("BANGKOK
    -"). `year`, the story's, dates background: what a state did in an earlier year.

    `evidence`, when given, is filled with what decided each state or bloc: for a party its
    strongest evidence ("office", "official", "body-name", "statement"..., or a weak sign: "acts",
    "relation", "own", "forum", "meeting", "home"; `WEAK_EVIDENCE`), for a place its explicit cue
    ("sport", "company", "people", "origin", "background"...) or "none". benchmarks/party_model.py
    reads it. `day`, the story's, when known, dates background to the day: an act on a day some days
    before it, told reporting no one, is recalled."""
    reading = _Reading(text, mentions, gazetteer)
    for chain in reading.lists:
        reading.read_list(chain)
    reading.the_country()
    reading.both_sides()
    reading.chairs(year)
    reading.pairs()
    reading.weak_signs()
    reading.standing_facts(year, day)
    reading.recalled_states(day)
    reading.descriptions()
    reading.hedged()
    reading.match_sides()
    home_party = reading.home_party(home, domestic)
    if home and home_party:
        reading.acts(home, "home")
    if evidence is not None:
        evidence.update(reading.evidence())
    return reading.named - reading.party, home_party


# A meeting that may happen, right before a state or its list: "possibly including with the
# leaders of", "possibly with", "including possibly with", "could include", "may also involve"; no
# comma between (not "The agenda could include coast guard cooperation, Japan's foreign ministry
# said"), nor a hedge of something else ("possibly as early as next week", "potentially worth $1
# billion").
_HEDGED = re.compile(
    r"\b(?:(?:possibly|perhaps|potentially)\s+(?:also\s+)?(?:including|involving|with)|"
    r"including\s+(?:possibly|perhaps)|(?:could|might|may)\s+(?:also\s+)?(?:include|involve))"
    r"\b[^.;:,()\n]{0,70}$"
)


class _Reading:
    """One text's states and what each is found to be, built up cue by cue: the parties and the
    evidence of each, the weak signs that make a party unless the mention is background, and the
    cues that make a place."""

    def __init__(self, text: str, mentions: Iterable[Mention], gazetteer: Gazetteer) -> None:
        self.text = text
        self.folded = fold(text)
        self.gazetteer = gazetteer
        self.party: set[str] = set()
        # Named as a party only by a weak sign (a relation word before it, a list of participants
        # or members, its own name in a compound), and which: kept unless it is a passing mention
        # (see weak_signs).
        self.signs: dict[str, str] = {}
        # For `evidence`: what made each party (an office, an official body, a verb...) and each
        # explicit cue to a place (sport, a company's name, a list of members...).
        self.how: dict[str, list[str]] = {}
        self.cue: dict[str, str] = {}
        self.named: set[str] = set()
        self.states: list[Mention] = []
        self.ordered = sorted(mentions, key=lambda m: m.start)
        # How often each actor is named outright, and those named only through an office-holder.
        self.direct = Counter(m.actor for m in self.ordered if m.via is None)
        self.implied = {m.actor for m in self.ordered if m.via is not None}
        self.forums = [
            m.start
            for m in self.ordered
            if (actor := gazetteer.actors.get(m.actor)) is not None and _with_partners(actor)
        ]
        # The state each office-holder's mention stands for, by where it starts.
        self.by_office = {m.start: m.actor for m in self.ordered if m.via is not None}
        # The title and the lead's first sentence: what the story is about.
        self.lead_end = LEAD.search(self.folded).end()  # type: ignore[union-attr]  # `$` matches
        for m in self.ordered:
            self._first_read(m)
        self.leading = {m.actor for m in self.states if m.start < self.lead_end}
        # The states in lists joined by commas and "and" (a name alone is a list of one).
        self.lists = lists_of(self.states, self.folded)

    def next_stop(self, state: str, start: int, before: str) -> bool:
        """The state is where a trip goes next, named earlier in the sentence, and the mention at
        `start` is whom the traveller meets there (`before`: the sentence up to it)."""
        if (
            not _TRIP.search(before)
            or not in_passing(self.text, start)
            or _TRIP_NEWS.search(self.folded, 0, self.lead_end)
        ):
            return False
        found = _NEXT_STOP_BEFORE.search(before)
        if found is None:
            return False
        opened = start - len(before)
        if any(
            x.actor == state and opened + found.start() <= x.start < opened + found.start("meets")
            for x in self.ordered
            if x.via is None
        ):
            return True
        # a capital the trip goes to is no mention of its state ("will travel to Manila")
        actor = self.gazetteer.actors.get(state)
        trip = before[found.start() : found.start("meets")]
        return actor is not None and any(
            re.search(rf"\b{re.escape(fold(city))}\b", trip) for city in actor.metonyms
        )

    def acts(self, actor: str, evidence: str) -> None:
        self.party.add(actor)
        self.how.setdefault(actor, []).append(evidence)

    def place(self, actors: Iterable[str], cue: str) -> None:
        for actor in actors:
            self.cue.setdefault(actor, cue)

    def drop(self, actor: str, cue: str) -> None:
        """A party found before, taken back: the mention is background, a description or sport."""
        self.party.discard(actor)
        self.how.pop(actor, None)
        self.cue.setdefault(actor, cue)

    def _first_read(self, m: Mention) -> None:
        """People, official bodies, states through their office-holders or their own bodies act
        (unless in the backdrop or a place named after a person: "the Hassanal Bolkiah Trophy");
        a state, bloc or framework named is read further, one place one mention."""
        text, gazetteer = self.text, self.gazetteer
        actor = gazetteer.actors.get(m.actor)
        if (
            actor is None
            or m.via is not None
            or not _needs_evidence(actor)
            or is_body(m, gazetteer)
        ):
            personal = m.via is not None or (actor is not None and actor.type == "person")
            if personal and named_for(text, m.start, m.end):
                # a name inside a name, the person's or their state's: no actor, unless it acts
                self.named.add(m.actor)
                self.cue.setdefault(m.actor, "named-for")
                return
            before = sentence_parts(self.folded, m.start, m.end)[0]
            state = m.actor if m.via is not None else self.by_office.get(m.start)
            if state is not None and self.next_stop(state, m.start, before):
                self.named.add(m.actor)
                self.cue.setdefault(m.actor, "next-stop")
            elif _REFORMED_BEFORE.search(before):
                self.named.add(m.actor)
                self.cue.setdefault(m.actor, "topic")
            elif not _BACKDROP_BEFORE.search(before):
                self.acts(m.actor, "office")
        elif not self.states or m.start >= self.states[-1].end:
            self.states.append(m)
            self.named.add(m.actor)

    def read_list(self, chain: list[Mention]) -> None:
        """A list of states ("Brunei, Cambodia and Laos", or one name) read in its sentence: the
        cues that settle the whole list first, then each name."""
        text, folded, gazetteer = self.text, self.folded, self.gazetteer
        first, last = chain[0], chain[-1]
        actors = [m.actor for m in chain]
        if self.party.issuperset(actors) and (
            all(not WEAK_EVIDENCE.issuperset(self.how[a]) for a in actors)
            or not sport_story(folded)
        ):
            # nothing left to learn: in a story about sport, a side of a match needs more than a
            # verb (see match_sides), which a later sentence may give ("Vietnam's Ministry of
            # Sports")
            return
        sentence = sentence_parts(folded, first.start, last.end)
        if sport_sentence(*sentence, folded) and not government_after(folded, last.end):
            self.place(actors, "sport")
            return  # teams of a match, not "Vietnam's Ministry of Culture, Sports and Tourism"
        if _MEMBERS_PLUS.search(sentence[0]):
            self.place(actors, "members-listed")
            return
        if _REFORMED_BEFORE.search(sentence[0]):
            self.place(actors, "topic")
            return  # "called for reform of the United Nations Security Council"
        if _EXPECTED_BEFORE.search(sentence[0]):
            self.place(actors, "expected")
            return  # "expectations that the US Federal Reserve would lower interest rates"
        prior = _PRIOR_STOP_BEFORE.search(sentence[0])
        if prior is not None and (prior.group("fresh") or _ARRIVED.search(sentence[0])):
            self.place(actors, "prior-stop")
            return  # "fresh from a working visit to Italy"
        sought = _DIALOGUE_SOUGHT.search(sentence[0])
        if (
            sought is not None
            and len(chain) == 1  # two states brought to talks are the talks' sides
            and (sought.group("bring") is None or _BACK_TO_TALKS.match(folded, last.end))
            and not official_after(text, folded, last.end)
            and not _ITS_OWN_CLAUSE.match(folded, last.end)
        ):
            self.place(actors, "topic")
            return  # "Seoul's efforts to resume dialogue with North Korea"
        if forum_members(folded, first.start, self.forums):
            for m in chain:
                if not is_region(m, gazetteer):
                    self.signs.setdefault(m.actor, "forum")
            return
        if _COMPOSED_OF.search(sentence[0]):
            self.place(actors, "members-listed")
            return  # the members of something, listed
        if _ORIGIN_BEFORE.search(sentence[0]) or _SENT_VISITORS_AFTER.match(folded, last.end):
            self.place(actors, "origin")
            return  # "visitors from ASEAN member states": where they come from
        if _MET_OFFICIALS_OF_SEVERAL.search(sentence[0]):
            for a in actors:
                self.acts(a, "relation")
            return  # "held talks with defense chiefs from several countries, including Laos"
        if _EXAMPLES_BEFORE.search(sentence[0]) or _BACKDROP_BEFORE.search(sentence[0]):
            self.place(actors, "example")
            return  # "partners such as Japan", "amid a sea row with China"
        if _SILENT_AFTER.match(window_after(folded, last.end, WINDOW * 2)):
            self.place(actors, "silent")
            return  # "China's embassy did not immediately respond", "Myanmar was not invited"
        if _PLANNED.search(sentence[0]) and in_passing(text, first.start):
            self.place(actors, "planned")
            return  # "Ishiba is also scheduled to meet the prime ministers of Malaysia and..."
        if all(self.next_stop(a, first.start, sentence[0]) for a in actors):
            self.place(actors, "next-stop")
            return  # "will travel on to Jakarta for talks with her Indonesian counterpart"
        if _MEMBERS_OF_AFTER.match(folded, last.end):
            self.place(actors, "member-of")
            return  # "Pakistan, Egypt and Bangladesh are members of the D-8": what they belong to
        if len(chain) >= 3 and _CLAIMANTS_BEFORE.search(sentence[0]):
            # the claimants listed in a sea's background: "overlapping with the claims of Vietnam,
            # the Philippines, Malaysia, Brunei and Taiwan" (not "the EEZ claims of Indonesia and
            # Vietnam")
            self.place(actors, "background")
            return
        body = (
            official_after(text, folded, last.end, len(chain) > 1)
            or body_after_fronted(folded, first.start, last.end)
            or (
                _LOCALITIES_AFTER.match(folded, last.end) is not None
                and _LOCALITIES_DEALT_BEFORE.search(sentence[0]) is not None
            )
        ) and not market_members(folded, first.start, last.end)
        before = evidence_before(*sentence)
        if (
            before == "relation"
            and _REGION_STATES.fullmatch(fold(last.text))
            and _AS_CLAUSE.search(sentence[0])
        ):
            # the region's states in the backdrop of the news: ", as Tokyo seeks to deepen
            # security ties with Southeast Asian nations" (not "the Southeast Asian bloc")
            before = None
        if (
            before == "acting"
            and _TEAM_FROM.search(sentence[0])
            and (_ENTRANTS.search(sentence[0]) or sport_story(folded))
        ):
            before = None  # "the largest foreign contingents from Malaysia": teams at the Games
        gathered = gathered_as(folded, first.start)
        others = (
            bool(_THANKED_AFTER.match(window_after(folded, last.end)))
            or bool(
                _PRAISED_FOR_AFTER.match(window_after(folded, last.end, 2 * WINDOW))
                and _PRAISE_BEFORE.search(sentence_parts(folded, first.start, first.end)[0])
            )
            # "the ADMM-Plus brings together the defence ministers of ASEAN and Australia...": a
            # standing grouping's members, its ministers or not
            or (before == "acting" and gathered != "standing")
            or acts(text, folded, first.start, last.end)
            or gathered == "reported"
        )
        # "a deal with Japan's JERA": with what the state owns, not with the state
        owned = _OWNED_NAME_AFTER.match(text, last.end) is not None
        weakly = (before == "relation" and not owned) or gathered == "standing"
        # The body after an adjective that ends the list past a bare comma is that adjective's alone
        # ("toward central Vietnam, the Philippine weather bureau said"); after "and" it is all of
        # theirs ("ASEAN and Australian leaders").
        adjective_body = (
            body
            and len(chain) > 1
            and demonym_form(last, gazetteer) == "adjective"
            and not _COORDINATED.search(folded[chain[-2].end : last.start])
        )
        # a capital listed with provinces is a city among them ("Bangkok, Chonburi and Songkhla")
        regional = any(is_region(m, gazetteer) for m in chain)
        # its officials or teams named before it ("rescue teams from Malaysia"): as strong as an
        # official body after it
        staffed = before == "acting" and staffed_before(sentence[0])
        for m in chain:
            self._read_name(m, body, adjective_body, others, weakly, regional, staffed)

    def _read_name(
        self,
        m: Mention,
        body: bool,
        adjective_body: bool,
        others: bool,
        weakly: bool,
        regional: bool,
        staffed: bool = False,
    ) -> None:
        """One name of a list: what it names (a meeting, a body of the bloc, a company, a
        province, a people, the press) before the evidence its list gives."""
        text, folded, gazetteer = self.text, self.folded, self.gazetteer
        actor = gazetteer.actors[m.actor]
        if is_setting(actor, folded, m.start, m.end, m.actor in self.leading):
            self.cue.setdefault(m.actor, "setting")
            return
        before = window_before(folded, m.start)
        if (
            _TRADE_AGREEMENT.search(actor.name)
            and (
                _TRADE_REGIME_BEFORE.search(before)
                or _TRADE_USE_BEFORE.search(before)
                or _TRADE_REGIME_AFTER.match(folded, m.end)
                or (_TRADE_TIME.search(before) and folded.startswith(",", m.end))
            )
            and not _AGREEMENT_NEWS_AFTER.match(folded, m.end)
        ):
            # "certificates of origin issued under the RCEP", "exports to other members of the
            # RCEP": the agreement as the frame of trade, no meeting of it
            self.cue.setdefault(m.actor, "setting")
            return
        if _with_partners(actor) and _MEETING_BEFORE.search(before):
            # "at the ASEAN Regional Forum": the meeting reported, unless named once low in a
            # story about something else ("Lavrov is in Vientiane to attend the ARF")
            self.signs.setdefault(m.actor, "meeting")
            return
        if _STATEMENT_AFTER.match(folded, m.end) or _STATEMENT_BEFORE.search(
            window_before(folded, m.start)
        ):
            # "the ARF chair's statement urged": the meeting speaking through its chair
            self.acts(m.actor, "statement")
            return
        if actor.type == "framework" and _TALKS_AFTER.match(folded, m.end):
            # "the ASEAN-Canada FTA talks resumed": its sides negotiating
            self.acts(m.actor, "talks")
            return
        if actor.type == "framework" and _PAIR_NAMED_BEFORE.search(
            window_before(folded, m.start, 40)
        ):
            # "the Russia-ASEAN ministerial meeting", "the ASEAN-UK Post Ministerial
            # Conference": a pair's meeting
            self.acts(m.actor, "pair")
            return
        if m.actor == "ASEAN" and (
            (
                _BLOC_ORGAN_AFTER.match(text, m.end)
                and not _POSSESSOR_BEFORE.search(text, max(0, m.start - 30), m.start)
            )
            or (
                _BLOC_ORGAN_BEFORE.search(text, max(0, m.start - 80), m.start)
                and not _NAME_GOES_ON.match(text, m.end)
            )
        ):
            # "the ASEAN Brussels Committee", "the ASEAN Committee on Disaster Management",
            # "the ASEAN Centre of Military Medicine", "the London Committee of the Southeast
            # Asian regional grouping": one of the bloc's own bodies
            self.acts(m.actor, "organ")
            return
        if actor.type == "igo" and (
            _STATUS_AFTER.match(folded, m.end)  # "a BRICS partner country": a relation with it
            or _ORGAN_ACTS.match(folded, m.end)  # "the UN General Assembly adopted"
            or _STAFF_SPEAK.match(folded, m.end)  # "U.N. human rights experts had warned"
            # aid given through its agency: "to be delivered through the World Food Programme"
            or _CHANNEL_BEFORE.search(folded, max(0, m.start - 180), m.start) is not None
        ):
            self.acts(m.actor, "status")
            return
        inside = inside_name(text, m.start, m.end)
        if inside is not None:
            if inside:
                self.acts(m.actor, "body-name")  # "Statistics Indonesia", "Bank Negara Malaysia"
            self.cue.setdefault(m.actor, "company")
            return  # "JTI Philippines", "Vale Indonesia": a company's name
        if (
            is_capital(m, gazetteer)
            and actor.type == "state"  # a bloc's own seat ("the Brussels-based body") is the bloc
            and _SEAT_OF_SECRETARIAT.match(folded, m.end)
        ):
            # "the bloc's Jakarta secretariat": where a grouping's secretariat sits
            self.cue.setdefault(m.actor, "seat")
            return
        if is_capital(m, gazetteer) and REGIONAL_GOVERNMENT_AFTER.match(
            window_after(folded, m.end)
        ):
            # "the Bangkok Metropolitan Administration": a city's government
            self.acts(m.actor, "city-government")
            return
        if is_region(m, gazetteer) or (regional and is_capital(m, gazetteer)):
            # A province or state is a place ("Bali welcomed record arrivals") unless its own
            # government acts ("the Yunnan authorities", "the governor of Sabah").
            if regional_government(folded, m.start, m.end, text):
                self.acts(m.actor, "regional-government")
            self.cue.setdefault(m.actor, "region")
            return
        word = demonym_form(m, gazetteer)
        if word == "people" or (
            word == "adjective"
            and (ethnic_listing(folded, m.start, m.end) or nationality(folded, m.start, m.end))
        ):
            self.cue.setdefault(m.actor, "people")
            return  # "Filipinos", "the Malaysians": people or a team, not the state
        if _CREDIT.search(window_before(folded, m.start)) or _NEWSPAPER_AFTER.match(text, m.end):
            # "(Reporting by Kuala Lumpur bureau; ...)", "told Vientiane Times": the press
            self.cue.setdefault(m.actor, "press")
            return
        if word_before(folded, m.start) in PAST and official_after(text, folded, m.end):
            self.cue.setdefault(m.actor, "past-office")
            return  # "then U.S. President Barack Obama": a past office
        has_body = body and (word == "adjective" or not adjective_body)
        if has_body if word == "adjective" else has_body or others:
            self.acts(m.actor, "official" if has_body or staffed else "acts")
        elif (word != "adjective" and weakly) or owns(text, folded, m.start, m.end):
            self.signs.setdefault(m.actor, "relation" if weakly else "own")

    def the_country(self) -> None:
        """ "The country's" official body is that of the state named last before it in the
        paragraph: "the crisis in Myanmar, urging the country's military rulers to halt air
        strikes"."""
        for found in _THE_COUNTRY.finditer(self.folded):
            before = self._named_in_paragraph_before(found.start())
            if (
                before
                and self.gazetteer.actors[before[-1].actor].type == "state"
                and official_after(self.text, self.folded, found.end())
            ):
                self.acts(before[-1].actor, "official")

    def _named_in_paragraph_before(self, at: int) -> list[Mention]:
        """The states and blocs named in the paragraph before `at`, in order."""
        paragraph = self.folded.rfind("\n", 0, at)
        return [m for m in self.states if paragraph < m.start and m.end <= at]

    def both_sides(self) -> None:
        """ "Both countries" or "the two sides" acting stand for the pair named last before them in
        the paragraph, side by side: "On the border tensions between Thailand and Cambodia, he said
        both countries had assured the meeting"."""
        for found in _BOTH_SIDES.finditer(self.folded):
            before = self._named_in_paragraph_before(found.start())
            if len(before) < 2:
                continue
            first, second = before[-2:]
            third = before[-3] if len(before) > 2 else None
            chained = (
                third is not None
                # not the dateline before them: "ANKARA - Turkish and Bruneian students"
                and self.folded[third.start - 1 : third.start] not in ("", "\n")
                and (
                    _SIDE_BY_SIDE.fullmatch(self.folded, third.end, first.start)
                    or self.folded[third.end : first.start].strip() == ","
                )
            )
            # "the two countries' education ministries": their officials, though not a team's in
            # sport
            officials = "'" in found.group() or "’" in found.group()
            if (
                first.actor != second.actor
                and _SIDE_BY_SIDE.fullmatch(self.folded, first.end, second.start)
                # not a list of three or more ("the India-Myanmar-Thailand Trilateral Highway"),
                # nor places ("in Bangladesh and Indonesia, the two sides noted": two others)
                and not chained
                and word_before(self.folded, first.start) not in PREPOSITIONS
                and not self.folded[: found.start()].rstrip().endswith(",")
                and not self._subordinate(found.start())
                and (
                    (
                        officials
                        and not sport_story(self.folded)
                        # a team's delegation at the Games
                        and not (
                            found.group().endswith("delegations") and _AT_GAMES.search(self.folded)
                        )
                    )
                    or acts(self.text, self.folded, found.start(), found.end())
                )
            ):
                self.acts(first.actor, "acts")
                self.acts(second.actor, "acts")

    def _subordinate(self, start: int) -> bool:
        """The pair's act at `start` is in a clause of condition or place ("only if both countries
        agreed", "the conflict between Thailand and Cambodia, where both countries agreed"), or,
        below the lead, of time ("the trade war eased after both countries agreed in May"): a
        backdrop, not the news."""
        word = word_before(self.folded, start)
        return word in _CONDITION or (word in _TIME_CLAUSE and start >= self.lead_end)

    def chairs(self, year: int | None) -> None:
        """A member or its leader named with the bloc's chair in apposition ("Malaysia, as ASEAN
        chair, will coordinate the ceasefire"; "commended Malaysia, in its role as ASEAN chair, for
        convening these talks"; "talks hosted by Anwar Ibrahim in his capacity as ASEAN Chair"; "the
        Philippine president, who briefed him in his role as this year's chair of ...") is the
        chair acting as chair: the member and the bloc are parties."""
        bloc = [m for m in self.ordered if m.actor == "ASEAN"]
        # a leader named by role alone ("the Philippine president") is the state its phrase opens
        # with
        opening = {m.start: m.actor for m in self.states}
        for m in self.ordered:  # states named, and through their leaders
            found = _AS_BLOC_CHAIR.match(self.folded, m.end)
            actor = self.gazetteer.actors.get(m.actor)
            person = actor is not None and actor.type == "person"
            state = opening.get(m.start) if person else m.actor
            if (
                state is not None
                and found is not None
                # the act in the role is a leader's: "a rights activist from Myanmar, who wrote to
                # ..." is not
                and (found.group("did") is None or person or m.via is not None)
                and (
                    (found.group("comma") is not None and found.group("appos") is None)
                    or found.group("capacity") is not None
                    or (
                        (
                            found.group("appos") is not None
                            or _CHAIR_ACTS_BEFORE.search(self.folded, max(0, m.start - 80), m.start)
                            or _CHAIR_ACTS_AFTER.match(self.folded, found.end())
                            or _CHAIR_ROLE_BEFORE.search(self.folded, max(0, m.start - 80), m.start)
                        )
                        and self._chair_this_year(
                            state, m.start, year, found.group("appos") is not None
                        )
                    )
                )
                and self.gazetteer.is_member(state)
                and found.group("when") is None
                and found.group("then") is None
                and (
                    found.group("year") is None or year is None or int(found.group("year")) == year
                )
                and not self._past_turn(m.start, year)
                and not (found.group("for_role") and self._earlier_year_after(found.end(), year))
                and any(m.end < b.start < found.end() for b in bloc)
            ):
                self.acts(state, "chair")
                self.acts("ASEAN", "chair")
        # the role opening the sentence, the member right after it: "As ASEAN Chair, the
        # Philippines looks to Australia", "As ASEAN chair, Anwar urges Min Aung Hlaing"
        if "asean" not in self.folded or "chair" not in self.folded:
            return  # a cheap first look
        for found in _CHAIR_OPENING.finditer(self.folded):
            at = found.end()
            sentence = "".join(sentence_parts(self.folded, at, at))
            if year is not None and (
                (found.group("year") is not None and int(found.group("year")) != year)
                or any(int(y) < year for y in _YEAR_IN.findall(sentence))
                or "last year" in sentence
            ):
                continue  # an earlier turn: "As ASEAN chair, Laos hosted 300 meetings in 2024"
            state = next(
                (
                    opening.get(m.start, m.actor)
                    for m in self.ordered
                    if m.start == at and (m.via is not None or m.start in opening)
                ),
                None,
            )
            if state is not None and self.gazetteer.is_member(state):
                self.acts(state, "chair")
                self.acts("ASEAN", "chair")

    def _chair_this_year(self, state: str, start: int, year: int | None, appos: bool) -> bool:
        """For the chair named with no comma or capacity: the state holds the year's turn; in
        apposition (`appos`), after the host of a meeting, not a banquet; its act in the role told
        next ("as ASEAN Chair in hosting"), the chair is the agent or the one praised, not a turn
        another backs."""
        folded = self.folded
        before = folded[max(0, start - 240) : start]
        if appos:
            hosted = _MEETING_HOSTED_BEFORE.search(before)
            if hosted is None or _NOT_A_MEETING.search(hosted.group("between")):
                return False
        elif not _CHAIR_ACTS_BEFORE.search(before) and (
            _TURN_BACKED_BEFORE.search(before[-60:])
            or not _CHAIR_PRAISED_BEFORE.search(before[-80:])
        ):
            # the agent ("the working group meeting hosted by Malaysia as ASEAN chair"), else the
            # one praised and not backed
            return False
        return year is None or _CHAIR_OF_YEAR.get(year, state) == state

    def _earlier_year_after(self, at: int, year: int | None) -> bool:
        """The rest of the sentence from `at` dates the act praised to an earlier year: "thanked
        the Philippines for its role as ASEAN chair in facilitating the adoption of the framework
        in 2017", in a story of 2026."""
        if year is None:
            return False
        _, rest = sentence_parts(self.folded, at, at)
        # the act's own clause, not what a later one recalls ("14 years after it applied in 2011")
        act = _CLAUSE_ENDS.split(rest, maxsplit=1)[0]
        return any(int(y) < year for y in _ACT_YEAR.findall(act))

    def _past_turn(self, start: int, year: int | None) -> bool:
        """The chair named at `start` held an earlier turn: "then-Cambodian Prime Minister Hun
        Sen", "first floated in 2022 by Hun Sen, who chaired the summit ..." (a year before the
        story's, earlier in the sentence)."""
        before = sentence_parts(self.folded, start, start)[0]
        if _THEN_BEFORE.search(before):
            return True
        return year is not None and any(int(y) < year for y in _YEAR_IN.findall(before))

    def pairs(self) -> None:
        """The first of a pair shares the officials named after it: "the ASEAN-Russia ministers
        agreed"."""
        for first, second in pairwise(self.states):
            if (
                first.actor not in self.party
                and second.actor in self.party
                and self.text[first.end : second.start] == "-"
                and _PAIR_OFFICIALS.match(self.folded, second.end)
            ):
                self.acts(first.actor, "official")

    def weak_signs(self) -> None:
        """A name given once, in the lower half of the story, and only weakly as a party is
        background: "The Philippines is locked in territorial disputes with China", "The
        ADMM-Plus brings together ... eight partners: Australia, China...". Given by name: an
        adjective ("a Southeast Asian country") names no one."""
        needing = {id(m) for m in self.states}
        names = [
            m
            for m in self.ordered
            if id(m) not in needing
            or demonym_form(m, self.gazetteer) != "adjective"
            # the bloc's members together: "the 11 Southeast Asian member states"
            or _MEMBER_STATES_NEXT.match(self.folded, m.end)
        ]
        times = Counter(m.actor for m in names)
        first_at: dict[str, int] = {}
        for m in names:  # in text order: the first mention stays
            first_at.setdefault(m.actor, m.start)
        for a, sign in self.signs.items():
            if sign == "meeting" and any(
                sidelines(self.folded, m.start, m.end) for m in names if m.actor == a
            ):
                # the meeting where others met: "on the sidelines of the EAS ... in Kuala Lumpur
                # to represent India at the EAS"
                self.cue.setdefault(a, "setting")
                continue
            # named only by an adjective ("ties with Southeast Asian nations"): where that stands
            at = first_at.get(a, next((m.start for m in self.ordered if m.actor == a), 0))
            if times[a] > 1 or not in_passing(self.text, at) or self._framed(a):
                self.acts(a, sign)
            else:
                self.cue.setdefault(a, "background")

    def _framed(self, actor: str) -> bool:
        """The bloc, in a story where a framework built on it acts ("The East Asia Summit groups
        the 10 Southeast Asian member states with ..."): its members are the framework's side."""
        return actor == "ASEAN" and any(
            (other := self.gazetteer.actors.get(a)) is not None
            and other.type == "framework"
            and "ASEAN" in other.involves
            for a in self.party
        )

    def standing_facts(self, year: int | None, day: date | None = None) -> None:
        """A state named once, below the lead, whose only sign of acting is a verb in the present
        perfect of a sentence that reports no one and names no day is a standing fact, not the
        news: "Sri Lanka, Chile and Bangladesh have also applied to join", "China and India have
        maintained ties with the military government". So is an act dated to an earlier year
        ("India withdrew from the negotiations in 2019") or to a day a week or more before the
        story's `day` ("agreed at talks on July 28" in a story of August 7), and one in a clause of
        cause ("after India lifted its curbs")."""
        folded = self.folded
        for m in self.states:
            a = m.actor
            if (
                set(self.how.get(a, ())) == {"acts"}
                and self.direct[a] == 1
                and a not in self.implied
                and m.start >= self.lead_end
                and (
                    settled(folded, m.start, m.end)
                    or dated(folded, m.start, m.end, year, day)
                    or _CAUSE_BEFORE.search(window_before(folded, m.start, 30)) is not None
                )
            ):
                self.drop(a, "background")

    def recalled_states(self, day: date | None) -> None:
        """A state named, itself or through its people, only below the lead in sentences of an
        earlier time that report no one (a day a week or more before the story's, "at the time")
        is background: "The declaration was signed in Kuala Lumpur on October 26 in the presence
        of US President Donald Trump" in a story of November 10, "The US president had pressed
        both governments at the time". (Its people stay mentioned: a person is never a place.)"""
        folded = self.folded
        for a in sorted(self.party):
            actor = self.gazetteer.actors.get(a)
            mine = [m for m in self.ordered if m.actor == a]
            if (
                actor is not None
                and actor.type == "state"
                and mine
                and all(
                    m.start >= self.lead_end and earlier_time(folded, m.start, m.end, day)
                    for m in mine
                )
            ):
                self.drop(a, "background")

    def descriptions(self) -> None:
        """A state named only in what a place or time is ("the South China Sea, where Beijing
        claims almost all of it", "where Manila has been locked in confrontations with Chinese
        coast guard vessels", "next year, when the Philippines chairs ASEAN") describes it; one
        named below the lead only beside deals made before or elsewhere ("a similar pact with New
        Zealand") is background."""
        folded = self.folded
        for a in sorted(self.party):
            mine = [m for m in self.states if m.actor == a]
            if (
                mine
                and a not in self.implied
                and set(self.how.get(a, ())) <= {"acts", "relation", "official"}
                and self.direct[a] == len(mine)
                and (
                    all(describes_place(folded, m.start, m.end) for m in mine)
                    or all(
                        m.start >= self.lead_end and other_deals(folded, m.start, m.end)
                        for m in mine
                    )
                )
            ):
                self.drop(a, "background")

    def hedged(self) -> None:
        """A state named only in meetings that may happen ("bilateral meetings on the sidelines,
        possibly including with the leaders of the Philippines, Vietnam and Australia", "talks
        that could include Japan") is no party: development sets' authors label possible meetings
        background."""
        folded = self.folded
        first_of = {id(m): chain[0].start for chain in self.lists for m in chain}
        for a in sorted(self.party):
            mine = [m for m in self.states if m.actor == a]
            if (
                mine
                and a not in self.implied
                and self.direct[a] == len(mine)
                and set(self.how.get(a, ())) <= {"acts", "relation"}
                and all(
                    _HEDGED.search(
                        folded,
                        max(0, first_of.get(id(m), m.start) - 90),
                        first_of.get(id(m), m.start),
                    )
                    for m in mine
                )
            ):
                self.drop(a, "background")

    def match_sides(self) -> None:
        """In a story about sport, a state that only beats, meets, hosts or is drawn with another
        is a side of a match ("Laos held Vietnam to a draw", "hosts Thailand topped the medal
        table")."""
        sides = [
            a
            for a in self.party
            if a not in self.implied and set(self.how.get(a, ())) <= _SIDE_SIGNS
        ]
        if sides and sport_story(self.folded):
            for a in sorted(sides):
                self.drop(a, "sport")

    def home_party(self, home: str | None, domestic: bool) -> str:
        """How the home state acts: through its leaders, ministers or named agencies ("office"),
        those that conduct its relations, or only through its police, courts or an unnamed
        ministry ("body"); "" when it does not, or there is none."""
        if home is None:
            return ""
        text, folded, ordered = self.text, self.folded, self.ordered
        # Other states' officials in the story ("a report from Singapore on two visiting defence
        # chiefs"): "the ministry said" may be theirs, and is left unread.
        foreign = any(
            a != home
            and (actor := self.gazetteer.actors.get(a)) is not None
            and actor.type == "state"
            for a in self.party
        )
        if (
            # one of its agencies by its own name, in its own copy wherever other states act:
            # "The Union Election Commission met observer teams from ... the Russian Federation",
            # "handed two suspects to Malaysian police ... The Customs Department said"
            ((not foreign or domestic) and named_body(text, ordered, home))
            or (not foreign and home_minister(text, ordered, _MINISTER_UNNAMED))
            or (
                domestic
                and (home_minister(text, ordered) or home_title(text, folded, ordered, home))
            )
        ):
            return "office"
        if (
            (not foreign and unnamed_official(folded, self.ordered))
            # in its own copy, its unnamed government in the lead, whoever else acts below: "were
            # flown to Xinjiang early on Thursday, the government confirmed"
            or (domestic and unnamed_official(folded[: self.lead_end], self.ordered))
            # ... or a province's People's Committee anywhere, however many states act
            or (domestic and unnamed_official(folded, self.ordered, PEOPLES_COMMITTEE))
        ):
            return "body"
        return ""

    def evidence(self) -> dict[str, str]:
        """What decided each state or bloc named: a party's strongest evidence, a place's cue."""
        out = {}
        for a in self.named | self.party:
            if a not in self.party:
                out[a] = self.cue.get(a, "none")
            else:  # the strongest evidence found
                found = self.how.get(a, ["sign"])
                out[a] = next((e for e in found if e not in WEAK_EVIDENCE), found[0])
        return out


_THE_COUNTRY = re.compile(r"\bthe country(?=['’]s\s)")
# Two states named again as a pair, and how the pair is written: "Thailand and Cambodia",
# "Thai-Cambodian".
_BOTH_SIDES = re.compile(
    r"\b(?:both|the two)\s+(?:countries|sides|nations|neighbou?rs|governments)\b(?!['’])"
    # ... or their officials: "an exchange launched by the two countries' education ministries"
    # (not "the two countries' relations", "the two countries' people")
    r"|\b(?:both|the two)\s+(?:countries|sides|nations|neighbou?rs)['’]\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:ministries|ministers|governments|leaders|officials|navies|coast\s*guards|militaries|"
    r"armed\s+forces|central\s+banks|embassies|delegations|agencies|authorities|police|"
    r"diplomats|presidents|"
    r"prime\s+ministers|heads\s+of\s+state|chiefs|negotiators|envoys|ambassadors)\b"
)
_SIDE_BY_SIDE = re.compile(r"\s+and\s+|\s*[-–/]\s*")
# A clause of backdrop opened before the name in its sentence: ", as Tokyo seeks to", "came as".
_AS_CLAUSE = re.compile(r"(?:,\s+(?:as|with)|\bcomes\s+as|\bcame\s+as|\bcome\s+as)\s+[^,;:]{0,80}$")
_AT_GAMES = re.compile(r"\b(?:games|olympics?|athletes|championships?|tournament)\b")
_CLAIMANTS_BEFORE = re.compile(r"\bclaims\s+(?:of|by|from)\s+(?:the\s+)?$")
_REGION_STATES = re.compile(r"south[- ]?east asian (?:nations|countries|states)")
_MEMBER_STATES_NEXT = re.compile(
    r"\s+(?:member\s+(?:states|countries|nations|economies)|members)\b"
)
_CONDITION = frozenset({"where", "whether", "if", "once", "until", "unless"})
_TIME_CLAUSE = frozenset({"after", "when", "since", "before", "as"})
# A minister by portfolio alone: "The Youth and Sports Minister, who presented the trophies, said",
# "attended by a deputy minister of education and sports".
# Whose, where another state's officials are in the story, the text does not say.
_MINISTER_UNNAMED = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4}Minister\b(?!\s+[A-Z])"
    r"|\b(?:[Tt]he|[Aa])\s+(?:(?:deputy|vice)\s+)?minister\s+(?:of|for)\s+[a-z]"
)


def _needs_evidence(actor: Actor) -> bool:
    """States, blocs, international organisations and frameworks can be named as a place, a venue
    or a background ("the ASEAN chair", "forums such as the UN", "the upgraded ACFTA is expected to
    boost trade"); an official body is a party whenever it is named."""
    return actor.type in {"state", "bloc", "igo", "framework"}


def _with_partners(actor: Actor) -> bool:
    """A framework of ASEAN with partners (ARF, EAS, RCEP, ACFTA): its meeting is a relation with
    them; an ASEAN-only meeting ("on the sidelines of the ASEAN Summit") may be only a venue."""
    return actor.type == "framework" and bool(actor.partners or actor.involves)


# What makes a party only on a weak sign: a verb, a relation word, a forum or meeting it is at,
# its own name in a compound, or, for the home state, an official body acting unnamed.
WEAK_EVIDENCE = frozenset({"acts", "relation", "own", "forum", "meeting", "sign", "home"})


# An organisation's agency that aid goes through: "$1 million through the World Food Programme".
_CHANNEL_BEFORE = re.compile(
    r"\b(?:aid|assistance|relief|funds?|funding|grants?|donations?|money|rice|food|supplies|"
    r"delivered|channell?ed|disbursed|distributed|provid\w*\s+(?:us|s)?\$)"
    r"(?:(?!\b(?:but|while|said|says|called|agreed|added)\b)[^.;\n]){0,140}?"
    r"\bthrough\s+(?:the\s+)?\Z"
)


# Teams at a sporting event, named by where they come from.
_TEAM_FROM = re.compile(r"\b(?:contingents?|delegations?|delegates)\s+from\s+(?:the\s+)?$")
_ENTRANTS = re.compile(
    r"\b(?:participants|athletes|runners|players|competitors|entrants|riders|swimmers|cyclists)\b"
)


# What a side of a match shows: a verb, a relation word, its own name in a compound.
_SIDE_SIGNS = frozenset({"acts", "relation", "own"})
