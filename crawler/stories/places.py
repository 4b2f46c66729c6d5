"""Parties and places: a state is a party to a story only when the text shows it acting, speaking
or being acted on as a state; named any other way (a market, an origin, a destination, a venue, a
team, the home of a company or a tourist) it is a place, and must not make a trade or tourism
figure look like foreign relations.

Each mention of a state is read in its sentence, and counts as a party on evidence of agency:
  - an office or person of the state (a role phrase, a named leader) - found before this module;
  - an official body after the name ("the Thai government", "Chinese officials", "Japan's foreign
    ministry", "the Philippine coast guard") or before it ("the president of Indonesia");
  - the name as the subject of a verb of state action or speech ("China hails", "Vietnam and Japan
    agreed", "Malaysia will host"), or the object of one ("urged Myanmar", "talks with Russia");
  - a relation it is a side of ("Vietnam-Japan relations", "Russia's stance", "between Laos and
    Thailand" with a word of relation).
A list of states ("Brunei, Cambodia and Laos") shares the evidence around it. A demonym needs an
official body after it ("Chinese officials", not "Chinese buyers"); a people ("Filipinos") and a
state inside another name ("JTI Philippines") are never parties, a state's own body ("Statistics
Indonesia") always. A sentence about a match is sport: its nations are teams. An official body
acting unnamed ("the police said") makes the home state (the dateline's, else the agency's) a
party when the text names it. A state with no evidence in the whole article is a place.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from crawler.stories.gazetteer import Actor, Gazetteer
from crawler.stories.mentions import Mention, fold


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Bodies and people that act for a state: "Thai officials", "Japan's foreign ministry".
_OFFICIAL = (
    r"government|governments|govt|administration|authorities|authority|officials|official|"
    r"ministry|ministries|"
    r"minister|ministers|president|presidency|presidential|prime minister|pm|premier|king|queen|"
    r"emperor|sultan|monarch|royal|crown prince|leader|leaders|leadership|chancellor|cabinet|"
    r"parliament|lawmakers|legislators|legislator|legislature|senate|congress|national assembly|"
    r"embassy|embassies|"
    r"ambassador|ambassadors|envoy|envoys|consulate|consul|consul general|diplomats|diplomat|"
    r"undersecretary|under-secretary|undersecretaries|"
    r"diplomatic|delegation|delegates|negotiators|negotiating teams?|negotiation teams?|side|"
    r"counterpart|counterparts|navy|navies|naval|"
    r"coast guards?|coastguards?|military|militaries|army|armies|armed forces|air force|troops|"
    r"forces|soldiers|"
    r"defence|defense|police|customs|immigration|central bank|federal reserve|regulator|regulators|"
    r"state department|foreign office|department|spokesperson|spokesman|spokeswoman|junta|regime|"
    r"communist party|party chief|mission|missions|representative|representatives|"
    r"head of state|state media|foreign(?! (?:tourists?|visitors?|arrivals?|investors?|investment|"
    r"workers?|direct|students?|buyers?|companies|firms|nationals?|interest|demand|capital|"
    r"exchange|currency|currencies|reserves|inflows?|outflows?|funds?|ownership|brands?|goods|"
    r"markets?|shipments?|players?|films?|debt))|secretary|agency|council|"
    r"commission|commissioner|commissioners|high representative|court|investigators|"
    r"chief adviser|adviser|advisor|bureau|board|office|institute|"
    r"chiefs?(?! (?:executive|economist|operating|financial|investment|technology|strategist|"
    r"editor|scientist|commercial|marketing))|"
    r"election commission|people's congress|mfa|mofa|dfa|kemlu|wisma putra|observers|"
    r"observer teams?|observer missions?|monitors|member states|member countries|"
    r"members|peacekeepers|peacekeeping|command|border force|border guards?|secretariat|"
    r"marine corps|marines|(?<!fishing )(?<!merchant )(?<!tanker )fleets?"
)
_OFFICIAL_AFTER = re.compile(
    # portfolios listed: "Malaysia's Investment, Trade and Industry Minister"
    # a short name in brackets between: "the Pacific Islands Forum (PIF) Secretariat"
    rf"^(?:'s?)?(?:\s+\([\w-]+\))?\s+(?:(?:[a-z][\w-]*,\s+){{0,3}}(?:[a-z][\w-]*\s+)?[a-z][\w-]*\s+and\s+)??"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?P<body>{_OFFICIAL})\b"
)
_OFFICIAL_BEFORE = re.compile(
    r"\b(?:government|ministry|ministries|minister|ministers|president|prime minister|premier|"
    r"king|queen|sultan|emperor|crown prince|emir|amir|mayor|"
    r"leaders?|ambassadors?|envoys?|embassy|embassies|consulate|"
    r"missions?|delegations?|officials?|authorities|navy|coast guard|military|armed forces|"
    r"high commissioners?|"
    r"police|parliament|foreign ministry|foreign minister|people's republic|republic|kingdom|"
    r"state|states|sovereignty|territory|waters|claims|side|governors?|representatives?|"
    r"chiefs?|chair|chairman|chairwoman|chairperson|secretary[- ]general|"
    # "the navies of Indonesia, Malaysia...", "the governments of"
    r"governments|navies|coast guards|armed forces|militaries|armies|"
    r"government and people|people and government)\s+of\s+"
    r"(?:the\s+)?(?:(?:\d+|ten|eleven|[\w-]+-member)\s+)?$"
    # a region's government acting for its state: "the government of Ibaraki prefecture in Japan"
    r"|\b(?:government|governor|authorities)\s+of\s+(?:[\w-]+\s+){1,3}"
    r"(?:prefecture|province|state|county)\s+(?:in|of)\s+(?:the\s+)?$"
    # "the Ministry of Education of Timor-Leste", "Minister of Industry and Trade of Vietnam", "the
    # Minister of Agriculture and Food Security of Malaysia"
    r"|\b(?:ministry|ministries|ministers?|department|secretary|office|institute|bureau|"
    r"directorate)\s+of\s+"
    r"(?:[a-z'-]+\s+){1,3}?(?:and\s+(?:[a-z'-]+\s+){1,2}?)?of\s+(?:the\s+)?$"
    r"|\b(?:ministers?|chiefs?|officials?|leaders?|diplomats?|delegates?|delegations?|envoys?|"
    r"representatives?|negotiators?|counterparts?|troops|forces|soldiers|navies|warships|aircraft|"
    r"participating ships|ships and aircraft|(?:rescue|relief|medical) teams?|"
    r"(?:military\s+)?personnel|service members|sailors|airmen|"
    r"attaches?|officers|commanders|observers|contingents?|detachments?|"
    r"coast guards?|governors?|(?:coast guard|naval|navy) (?:vessels?|ships?))"
    r"\s+from\s+(?:the\s+)?$"
    # "ministers from the four EFTA member states – Iceland, Liechtenstein, Norway and Switzerland"
    r"|\b(?:ministers?|officials?|leaders?|delegates?|delegations?|representatives?)\s+from\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:member\s+)?(?:states|countries|nations|parties|members|"
    r"economies|partners)\s*(?:--|[–—-])\s*$"
)
# Verbs of a state's action or speech, after its name (a headline's present tense included).
_ACTS = (
    r"cut off|cuts off|conducted|conducts|lodged|lodges|filed|repatriated|repatriates|evacuated|"
    r"took part|participated|hit with|brought in|brings in|attaches|attached|attach|"
    r"revive|revives|revived|bring back|brings back|brought back|"
    # a measure aimed at the state: "Malaysia is facing a 25% tariff from Aug. 1"
    r"fac(?:e|es|ed|ing)\s+(?:an?\s+|the\s+)?(?:[\w%.$-]+\s+){0,3}?"
    r"(?:tariffs?|sanctions|duties|levies|curbs|restrictions|embargo)|"
    # the years of a relation, not a national day: "Russia and ASEAN will celebrate the 30th
    # anniversary of their dialogue partnership"
    r"(?:celebrat|commemorat|mark)(?:e|es|ed|s|)\s+(?:the\s+)?[\w-]+\s+(?:years?|anniversary)\s+of\s+"
    r"(?:their\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:ties|relations|partnership|friendship|dialogue)|"
    r"seized|seizes|"
    r"arrested|detained|confirmed|confirms|push|pushed|pushes|pressed|presses|raised|raises|voiced|"
    r"voices|assured|assures|reassured|promised|promises|declared|declares|designated|allowed|"
    r"allows|blocked|blocks|barred|bars|restricted|restricts|released|releases|freed|returned|"
    r"returns|intercepted|patrolled|fired|attacked|struck|invaded|annexed|occupied|mobilised|"
    r"mobilized|vetoed|vetoes|abstained|co-sponsored|sponsored|tabled|submitted|submits|acceded|"
    r"initialled|initialed|extended|extends|renewed|renews|strengthened|bolstered|reinforced|"
    r"enhanced|earmarked|allocated|funded|funds|co-fund|co-funds|co-funded|financed|"
    r"suggested|"
    r"recommended|requested|requests|nominated|elected|objected|objects|refused|refuses|"
    r"declined|declines|dismissed|dismisses|disputed|disputes|contested|asserted|asserts|"
    r"clarified|explained|hit back|hits back|weighed|weighs|studied|reviewed|reviews|examined|"
    r"withdrew|withdraws|pulled out|halted|halts|restarted|reopened|reopens|sealed|tightened|"
    r"tightens|eased|eases|relaxed|waived|waives|spoke|speaks|phoned|began|begins|begin|"
    r"started|starts|kicked off|trying|tried|tries|is seeking|are seeking|"
    r"said|says|say|told|tells|stated|states|announced|announces|urged|urges|urge|called|calls|"
    r"call|asked|asks|agreed|agrees|agree|signed|signs|sign|inked|inks|ink|pledged|pledges|"
    r"secured|secures|"
    r"pledge|vowed|vows|vow|welcomed|welcomes|welcome|hailed|hails|hail|praised|praises|"
    r"rejected|rejects|reject|protested|protests|protest|condemned|condemns|condemn|denied|"
    r"denies|deny|accused|accuses|accuse|warned|warns|warn|proposed|proposes|propose|offered|"
    r"offers|offer|hosted|hosts|host|hosting|supports|supported|support|backs|backed|back|"
    r"opposed|opposes|oppose|expressed|expresses|express|reaffirmed|reaffirms|reaffirm|"
    r"affirmed|affirms|affirm|committed|commits|commit|recognised|recognized|recognises|"
    r"recognizes|recognise|recognize|invited|invites|invite|sent|sends|send|dispatched|"
    r"dispatches|deployed|deploys|deploy|imposed|imposes|impose|lifted|lifts|lift|sanctioned|"
    r"sanctions|approved|approves|approve|ratified|ratifies|ratify|voted|voting|"
    r"votes|vote|seeks|sought|seek|wants|want|plans|planned|plan|intends|aims|aim|is ready|are "
    r"ready|stands ready|stand ready|is willing|are willing|eyes|eyed|eye|mulls|mulled|mull|"
    r"slams|slammed|slam|summoned|summons|summon|expelled|expels|expel|recalled|recalls|recall|"
    r"deported|deports|deport|extradited|extradites|extradite|resumed|resumes|resume|suspended|"
    r"suspends|suspend|banned|bans|ban|donated|donates|donate|provided|provides|provide|"
    r"granted|grants|grant|boost|boosts|boosted|step up|steps up|stepped up|deepen|deepens|"
    r"deepened|elevate|elevates|elevated|upgrade|upgrades|upgraded|discuss|discusses|discussed|"
    r"sending|is sending|are sending|appreciated|appreciates|resisted|resists|"
    r"hold|holds|held|meet|meets|met|talk|launched|launches|launch|negotiated|negotiates|"
    r"negotiate|concluded|concludes|conclude|thanked|thanks|thank|congratulated|congratulates|"
    r"congratulate|criticised|criticized|criticises|criticizes|demanded|demands|demand|"
    r"insisted|insists|insist|maintains|maintained|considers|considered|regards|views|viewed|"
    r"believes|hopes|hoped|has urged|stressed|stresses|stress|"
    r"emphasised|emphasized|noted|notes|responded|responds|retaliated|retaliates|retaliate|"
    r"threatened|threatens|threaten|cooperate|cooperates|cooperated|work together|will work|"
    r"claims|claimed|claim|reached|reach|reaches|attended|attends|attend|established|"
    r"establishes|establish|"
    r"normalised|normalized|restored|restores|restore|appointed|appoints|endorsed|"
    r"endorses|endorse|exempted|exempts|shared|shares|share|engaged|engages|"
    r"engage|is committed|remains committed|has been|"
    r"co-chaired|co-chairs|chaired|chairs|assumed|assumes|attending|"
    r"handed over|hands over|reiterated|reiterates|reiterate|opened|represented|be represented|"
    r"applied|applies|"
    r"opens|closed|closes|adopted|adopts|adopt|issued|issues|issue|ended|ends|wrapped up|"
    r"contributed|contributes|contributing|admit|admits|lends|lent|reopens|reopened|"
    r"co-hosted|co-hosts|co-host|co-hosting|"
    r"co-organised|co-organized|was ready|were ready|set up|sets up|"
    # told of what it is to know: "Vietnam had been fully briefed", "Hanoi was given the documents"
    r"briefed|briefs|informed|informs|notified|consulted|given"
)
# Between the name (or the last of a list) and its verb: an auxiliary, an adverb, a day.
_ACTS_AFTER = re.compile(
    r"^(?:,\s+(?:which|who|whose|this|the|its|as|a|an|two|three|four|both|all|fellow|founding|"
    # a participle: "Timor-Leste, admitted to ASEAN on Sunday, attended"
    r"[a-z]+ed)\b"
    r"[^,;.]{0,80},(?:\s+each\b)?)?(?:\s+(?:economies|nations|countries|states|members|"
    r"member states|governments))?(?:\s+and\s+(?:its|their)\s+[a-z]+)?(?:\s*\([^)]{1,40}\))?"
    r"(?:\s+-)?"
    r"(?:\s*,)?\s+(?:(?:has|have|had|will|would|could|should|must|may|might|can|did|does|do|"
    r"is|are|was|were|been|also|both|now|then|again|jointly|firmly|strongly|formally|keeps|kept|"
    r"officially|"
    r"today|"
    r"yesterday|on \w+day|last week|this week|not|never|always|still|further|once again|"
    r"on (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|"
    r"\w+ly)\s+)"
    rf"{{0,3}}(?:{_ACTS})\b"
    r"|^(?:\s+(?:economies|nations|countries|states|members|member states|governments))?"
    r"\s+(?:\w+ly\s+)?(?:will|would|should|must|can|could|shall|may|might|is to|are to|is set to|"
    r"failed to|fail to|fails to|"
    r"are set to|is going to|has to|have to|needs to|need to|"
    r"(?:is|are|was|were|stands|stand|stood)\s+(?:ready|willing|prepared)\s+to)\s+(?:not\s+)?(?:\w+ly\s+)?"
    rf"(?:{_ACTS}|resist|continue|work|pursue|play|contribute|build|strengthen|promote|push|"
    r"consider|review|respond|take|make|open|allow|keep|present|establish|set up|seek|admit|"
    r"lend|reopen)\b"
)
# A relation the name is a side of, right before it: "talks with", "urged", "between".
_RELATION_BEFORE = re.compile(
    r"\b(?:with|between|among|urge|urged|urges|urging|called on|calls on|calling on|told|tells|"
    r"as did|"
    r"voting (?:against|for|in favou?r) included|"
    r"conveyed to|communicated to|"
    r"thanked|thanks|accused|accuses|warned|warns|invited|invites|invite|inviting|congratulated|"
    r"provided|"
    r"provides|provide|gave|gives|give|offered|offers|assured|assures|reassured|persuaded|"
    r"pressured|blamed|blames|condemned|condemns|returned to|"
    r"congratulates|sanctioned|sanctions on|sanctions against|tariffs on|tariff on|duties on|"
    r"levies on|curbs on|embargo on|criticised|criticized|asked|"
    r"pressed|press|presses|pressing|summoned|welcomed|welcomes|supported|supports|support for|"
    r"backing for|met|meets|"
    r"meet|meeting|received by|against|recognised|"
    r"recognized|protest to|protest against|envoy to|envoys to|"
    # aid "to" a state hit by a disaster goes where it struck (a place); a grant or a loan is to the
    # state itself
    r"mission to|delegation to|loan to|grant to|grant aid to|"
    # a bloc's place in a region, upheld by another: "supports the central role of ASEAN"
    r"(?:support|supports|supported|supporting|backs|backed|respects|respected|upholds|upheld|"
    r"reaffirmed|reaffirms|recognised|recognized|recognises|recognizes)\s+(?:for\s+)?(?:the\s+)?"
    r"(?:(?:central|leading|pivotal)\s+role|centrality)\s+of|"
    # held by its police or courts: "fishermen who had been detained in Indonesia"
    r"(?:detained|arrested|jailed|imprisoned|convicted|sentenced|prosecuted) in|"
    r"help|helped|lend|lends|lent|"
    r"helps|assist|assisted|pressure on|calls for|appeal to|message to|letter to|relations with|"
    r"ties with|talks with|deals? with|pacts? with|agreements? with|accords? with|partnership with|"
    r"frameworks? with|"
    r"cooperation with|dialogue with|dispute with|row with|tensions with|"
    r"negotiations with|consultations with|treaty with|alliance with|friendship with|"
    r"counterpart from|counterparts from|leaders of|leader of|heads of|head of|ministers of|"
    r"diplomats from|ministers from|negotiators from|leaders from|representatives from|"
    r"minister of|officials from|officials of|delegation from|delegations from|envoy from|"
    r"president|prime minister|premier|king|member of|members of|membership of|membership in|"
    r"accession to|admission to|partner country of|partner countries of|join|joined|joining|"
    # the member a bloc takes in: "admitted East Timor", "welcomed the admission of Timor-Leste"
    r"admitted|admits|admitting|admission of|accession of|"
    # the agent of a passive: "a resolution introduced by the UAE", "a truce brokered by Malaysia"
    r"(?:led|proposed|promoted|brokered|introduced|tabled|drafted|co-sponsored|vetoed|brought|"
    r"filed|lodged|pushed|put forward|floated|championed|spearheaded|"
    r"mediated|facilitated|coordinated|backed|funded|financed|sponsored|supported|initiated|"
    r"anchored|"
    r"chaired|co-chaired|elected|re-elected|"
    r"signed|"
    r"imposed|announced|organised|organized|witnessed|condemned|rejected|welcomed|granted|"
    r"provided|offered|donated|sent|deployed|issued|adopted|ratified|approved|endorsed|"
    r"requested|demanded|criticised|criticized|accused|sanctioned|recognised|recognized|"
    r"invited|attended|represented|protested|seized|detained|arrested|submitted|hosted|"
    r"co-hosted|wanted|raised|pledged) by|"
    r"(?:a|the|its|their)\s+(?:request|proposal|invitation|offer|appeal|announcement|decision) by|"
    r"(?:attempts?|efforts?|bids?) by|(?:role|part|efforts?|contributions?) (?:played|made) by|"
    # what a state said of the act reported: "drawing condemnation from the United Nations"
    r"(?:condemnation|criticism|protests?|rebukes?|objections?) from|"
    r"on behalf of|speaking for|representing|resolutions? on|"
    # "welcomed the efforts of Qatar and Egypt", "applications from Hong Kong, Sri Lanka and Chile",
    # "state visits to Vietnam, Malaysia and Cambodia"
    r"(?:welcomed|welcomes|praised|praises|thanked|thanks|appreciated|commended|lauded|"
    r"acknowledged)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:efforts|role|mediation|contributions?|support|"
    r"assistance|"
    r"leadership|initiative)\s+of|"
    r"(?:applications?|bids?) (?:from|by)|(?:state|official|working) visits? to|"
    r"(?:work|works|worked|working|engage|engages|engaged|engaging)\s+(?:closely\s+)?with|"
    # what a state is given: "donated 3,000 tonnes of rice to Laos"
    r"(?:donated|donates|granted|grants|gifted|handed over|hands over|presented)\s+"
    r"(?:[\w,.$%-]+\s+){1,8}?to|"
    # nationals sent home: "deported 103 Chinese nationals to China", "repatriated to the US"
    r"(?:deport|deported|deports|deporting|repatriate|repatriated|repatriates|repatriating|"
    r"extradite|extradited|extradites|extraditing)\s+"
    r"(?:[\w,.$%-]+\s+){0,8}?to|"
    # aid in the passive: "$2 million will be given to Vietnam"
    r"\b(?:be|is|are|was|were|been)\s+(?:given|provided|allocated|disbursed)\s+to|"
    # "called on all parties concerned, including Israel and Iran, to exercise restraint"
    r"(?:urge|urged|urges|urging|called on|calls on|calling on)\s+all\s+(?:the\s+)?"
    r"(?:parties|sides|countries|states|nations)(?:\s+concerned|\s+involved)?,?\s+including)"
    r"\s+(?:the\s+)?(?:(?:\d+|ten|eleven|[\w-]+-member)\s+)?$"
)
# A word of relation in the rest of the sentence, for "with" and "between" ("trade between Laos and
# Thailand rose" is a market, "a border dispute between Laos and Thailand" a relation).
_RELATION_WORDS = re.compile(
    r"\b(?:relations|ties|talks|diplomatic|diplomacy|dialogue|summit|agreement|agreements|accord|"
    r"pact|deal|treaty|partnership|cooperation|cooperate|alliance|dispute|disputes|row|tensions|"
    r"conflict|negotiations|negotiate|negotiated|consultations|consult|memorandum|mou|joint|"
    r"bilateral|visit|visits|visited|met|meet|meeting|meetings|spoke|phone|call|talked|session|"
    r"counterpart|counterparts|ministers|"
    r"minister|leaders|officials|delegation|envoy|ambassador|(?<!-)border|sanctions|tariffs?|"
    r"friendship|solidarity|signed|sign|agreed|agree|discussed|discuss|hold|held|urged|urge|"
    r"support|normalise|normalize|trade talks|free trade agreement|defence|defense|"
    r"security|military|exercise|drills|peace|ceasefire|mediat\w+|framework|protest|"
    r"closely|coordinate|coordinated|coordination)\b"
)
# "Vietnam-Japan relations", "US-China rivalry": a pair that is itself a relation.
_PAIR_NOUNS = (
    r"relations|ties|summit|talks|dialogue|partnership|rivalry|tensions|dispute|agreement|pact|"
    r"deal|treaty|cooperation|alliance|friendship|joint|strategic|comprehensive|free trade|fta|"
    r"defence|defense|security|maritime|consultations|meeting|commission|committee|"
    r"diplomatic|bilateral|session|sessions|ministerial"
)
# After the first name of a pair: the hyphen and the second name ("-China ", "-Republic of Korea ").
_PAIR_HEAD = r"^-\s*[\w.' ]{2,30}?\s+"
_PAIR = re.compile(rf"{_PAIR_HEAD}(?:{_PAIR_NOUNS}|row|trade pact|trade deal|trade agreement)\b")
_PAIR_SECOND = re.compile(
    rf"^\s+(?:{_PAIR_NOUNS}"
    # "the China-ASEAN (10+1) Foreign Ministers' Meeting"
    r"|(?:[\w'’]+\s+){1,3}(?:meeting|summit|talks|consultations|dialogue))\b"
)
# A meeting's or bloc's chair's statement: "the ARF chair's statement", "the Chairman's Statement of
# the ASEAN Summit".
_CHAIR_STATEMENT = r"(?:chair|chairman|chairperson)(?:'s|\u2019s)?\s+statement"
_STATEMENT_AFTER = re.compile(rf"(?:'s|\u2019s)?\s+{_CHAIR_STATEMENT}")
_STATEMENT_BEFORE = re.compile(rf"\b{_CHAIR_STATEMENT}\s+(?:of|at|from)\s+(?:the\s+)?(?:\w+\s+)?$")
# An agreement's talks: "the ASEAN-Canada FTA talks", "RCEP negotiations".
_TALKS_AFTER = re.compile(r"\s+(?:talks|negotiations|negotiating rounds?|consultations)\b")
_PAIR_BEFORE = re.compile(r"[\w.']+\s*-\s*$")
# Two powers' rivalry as the setting of a story ("amid US-China tensions", "shaped by US-China
# rivalry"): neither acts in it.
_RIVALRY_NOUNS = r"(?:rivalry|tensions|competition|trade war|tariff war|trade tensions|feud)\b"
_RIVALRY = re.compile(_PAIR_HEAD + _RIVALRY_NOUNS)
_RIVALRY_SECOND = re.compile(rf"^\s+{_RIVALRY_NOUNS}")
_BACKGROUND_WORD = re.compile(
    r"\b(?:amid|by|in|over|of|from|about|on|despite|between|growing|escalating|intensifying|"
    r"great-power|renewed)\s+(?:the\s+)?$"
)
_PAIR_NAMED_BEFORE = re.compile(r"[\w.']+\s*-\s*(?:[\w.']+\s+)?$")
# "Russia's stance", "China's claims": a state's own position or conduct.
_OWN = re.compile(
    r"^'s?\s+(?:[\w-]+\s+){0,2}?(?:relations|ties|stance|position|policy|policies|foreign policy|"
    r"proposal|proposals|support|commitment|request|decision|bid|chairmanship|membership|"
    r"accession|sovereignty|territory|territorial|waters|eez|claims|claim|actions|conduct|"
    r"aggression|invasion|offer|initiative|pledge|role|view|views|concerns|objection|"
    r"sanctions|retaliation|response|aid|assistance|contribution|contributions|presidency|"
    r"leadership|interests|security|defence|defense|national security|diplomacy|partners|"
    r"partner|ally|allies|invitation|approval|consent|veto|rejection|protest|warning|demand|"
    r"demands|efforts|readiness|vote|ratification|recognition|cooperation|engagement)\b"
)
# A score ("won 3-2", "21-15"), not a span of days or years ("June 16-20", "2026-2030").
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_SCORE = (
    r"(?=\d)"  # fails fast where no digit starts
    + "".join(rf"(?<!\b{month} )" for month in sorted(_MONTHS))
    + r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])"
    + rf"(?!\s+(?:{'|'.join(sorted(_MONTHS))})\b)"
    + r"(?!,?\s+(?:19|20)\d\d\b)"  # "16-20, 2025", its month cut off by the window
)
# The words before one "goal" of a match: "a late goal", "the winning goal", "his second goal".
_GOAL_BEFORE = sorted(
    _words(
        "winning late first second third opening equalising equalizing own headed penalty golden "
        "away consolation decisive stoppage-time injury-time solo a the his her"
    )
)
# A sentence about a match: national names there are teams, not governments. A score or one of
# the strong words is enough; the weak ones (final, title, won) take two.
_SPORT_STRONG = re.compile(
    # "goals" of a match, not "the goals of Saudi Vision 2030", "development goals" or "our goal is
    # a rate that keeps Cambodia competitive"; one "goal" only as a match has it ("a late goal")
    rf"\b({_SCORE}|(?<!development )(?<!climate )(?<!common )(?<!shared )(?<!our )(?<!their )"
    r"(?<!its )goals(?!\s+of\b)|"
    r"(?=goal\b)(?:"
    + "|".join(f"(?<={w} )" for w in _GOAL_BEFORE)
    + r")goal(?!\s+(?:of|is|was|to|for)\b)|"
    r"scored|scoring|striker|goalkeeper|midfielder|defender|winger|medals?|"
    r"tournament|championships?|stadium|world cup|fifa|"
    r"kick-?off|qualifiers?|semi-?finals?|quarter-?finals?|singles|doubles|seeds?|seeded|"
    r"group match|group stage|matchday|fixtures?|motogp|grand prix|formula one|podium|laps?|"
    r"shuttlers|paddlers|cagers|spikers|booters|cricket|twenty20|t20s?|tri-series|wickets?|"
    r"innings|athletes|volleyball|badminton|basketball|futsal|swimming|athletics|bouts?|"
    r"sepak takraw)\b"
)
_SPORT_WEAK = re.compile(
    r"\b(coach|cup|title|match|final|beat|defeated|drew|won|lift|lifted|squad|league|fans|"
    r"victory over|trophy|champions|players|side|(?<!arms )race|rider|riders|circuit|away|manager|"
    r"national team|football|"
    r"titles|crown|edition|contenders)\b"
)
# States thanked or praised for what they did, whatever came before ("thanked Malaysia, as ASEAN
# Chair, as well as the United States and China for their support").
_THANKED_AFTER = re.compile(
    r"^\s+for\s+(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:support|contributions?|assistance|"
    r"help|role|roles|efforts|cooperation|hospitality|solidarity|mediation|facilitation|backing)\b"
)
_COORDINATED = re.compile(r"\b(?:and|or)\b|&")
# Between two states of a list ("Brunei, Cambodia and Laos"; "China and the US").
_LIST_JOIN = re.compile(
    r"^\s*(?:,|and|or|&|/|,\s*and|,\s*or|as well as|,\s*as well as|,?\s*and\s+from)\s*"
    r"(?:the\s+)?"
    # "Canada and the 10 members of the Association of Southeast Asian Nations", "China and the
    # member states of ASEAN", "Japan and the 11 ASEAN"
    r"(?:(?:\d{1,2}|ten|eleven)\s+(?:(?:member states|members|countries)\s+of\s+(?:the\s+)?)?|"
    r"(?:\d{1,2}|ten|eleven)-member\s+|"  # "India and the 10-member ASEAN"
    r"(?:south-?east\s+)?asia['’]s\s+|region['’]s\s+|"  # "the EU and Southeast Asia's grouping"
    r"member (?:states|countries)\s+of\s+(?:the\s+)?)?$"
    # a bloc's states in a list of states: "leaders of ASEAN countries, Japan and South Korea"
    r"|^\s+(?:countries|nations|member states|members|states)\s*(?:,|and|,\s*and)\s*(?:the\s+)?$"
)
# An official body named without its state: "the police said", "the Ministry of Health".
_UNNAMED_OFFICIAL = re.compile(
    r"(?:\bthe\s+|(?:^|[.!?]\s+|\n))(?:[a-z-]+\s+)?"
    r"(?:ministry|ministries|government|police|central bank|authorities|"
    r"cabinet|parliament|national assembly|senate|city council|municipal council|"
    # a council of the state's own, not a business or tourism council ("the Tourism Council")
    r"(?:state|security|legislative|executive|privy) council|"
    r"election commission|immigration (?:department|office|authorities)|customs department|"
    r"department of|office of the|"
    r"(?:[a-z]+ ){1,3}department|national [a-z]+ council|national museum|"
    r"customs administration|administration of customs|customs authorities|customs office|"
    r"statistics office|statistics agency|statistics bureau|bureau of statistics|"
    r"investment authority|development authority|"
    r"coast guard|navy|armed forces|military|prime minister's office|presidential palace|"
    r"minister (?:of|for))\b"
    r"|\b(?:provincial|city|municipal|district|regency) (?:government|administration|"
    r"authorities|people's committee)\b|\bcity hall\b"
    # a court of law is the state's ("the High Court here today sentenced")
    r"|\b(?:high|federal|supreme|constitutional|district|sessions|magistrates?'?s?|criminal|"
    r"syariah|sharia|appeals?) court\b|\bcourt of appeal\b"
    # a city council or a state agency named in full ("Kuching South City Council", "the
    # Geological Agency", "the National Disaster Mitigation Agency")
    r"|\b(?:city|municipal|district|town) council\b"
    r"|\b(?:geological|meteorological|disaster [a-z]+) agency\b|\bthe national [a-z ]{3,40}agency\b"
    r"|\bpeople's committee of\b"
    r"|\b(?:local|provincial|district|city|municipal|state|national|federal) "
    r"(?:authorities|officials|police|government)\b"
)
# Words that name the parties of a meeting or a grouping before a list of states: "the summit
# brings together the ASEAN states and Australia, China...", "the participating navies included
# those of...", "partners including Japan and India".
_GATHERING = re.compile(
    r"\b(?:brings? together|brought together|bringing together|attended by|joined by|"
    r"with the participation of|"
    r"participants? (?:included|including|were)|participating [a-z]+ (?:included|were)|"
    r"(?<!trading )(?<!trade )(?<!export )(?:partners|members|parties|signatories|participants) "
    r"(?:including|such as|like|namely)|"
    r"(?:included|including) those of|"
    r"taking part (?:this year |again )?(?:are|were|will be)|participating (?:are|were))\b"
)
_REPORTED_GATHERING = re.compile(r"\b(?:brought|attended|joined|included|were|participation)\b")
_OWNED_NAME_AFTER = re.compile(
    r"(?:'s|\u2019s|'|\u2019)\s+[A-Z]"
    # the state's name opening an institution's or a firm's: "told the Indonesia Stock Exchange"
    r"|\s+(?:[A-Z][a-z]+\s+){0,2}(?:Stock Exchange|Exchange|Airlines|Airways|Berhad|Bhd|Tbk|Corp|"
    r"Corporation|Holdings|Group)\b"
)
# A verb's present participle right before the name makes the name its object ("tourists visiting
# Vietnam"), unless it is an adjective ("neighbouring Thailand", "oil-producing Brunei") or lists
# part of the subject ("members including Vietnam agreed").
_OBJECT_OF = re.compile(r"[a-z]{3,}ing$")
_NOT_OBJECT_OF = _words(
    "during including excluding thing something nothing anything king neighbouring neighboring "
    "emerging developing ruling leading governing growing booming rising remaining producing "
    "exporting importing"
)
# The agent of a passive is the one who acts: "a meeting hosted by Laos", "a proposal pushed by
# the Philippines".
_HOST_BY = re.compile(
    r"(?:co-)?(?:hosted|chaired|proposed|pushed|put forward|initiated|sponsored|introduced|"
    r"tabled|drafted|brokered|mediated|submitted|requested|raised|pledged) by\b"
)
# A chair named in apposition acts for its meeting: "the balanced position of the ASEAN chair,
# Malaysia", "representatives of the ASEAN chair, Laos, described".
_CHAIR_NAMED = re.compile(
    r"\b(?:chair|chairman|current chair|chair country),\s+(?:the\s+)?$"
    r"|\b(?:hosted|chaired) by\s+(?:this|last|next) year's\s+(?:asean\s+)?chair,?\s+(?:the\s+)?$"
)
# The last of the chairs of a meeting, after one named as a person: "co-chaired by Japanese
# Finance Minister Katsunobu Kato and Malaysia".
_CHAIRED_WITH = re.compile(
    r"\b(?:co-)?(?:hosted|chaired) by\s+[^,.;()]{3,80}?\s+and\s+(?:by\s+)?(?:the\s+)?$"
)
# A relative clause the name ends, its antecedent before it: the verb after the comma is the
# antecedent's.
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\s+[^,;.()]{0,60}$")
# The name as the subject of a relative clause of what only a state does: "to Bangladesh, which
# will host the next summit" (not "competition from Vietnam, which offers lower prices").
_RELATIVE_ACTS = re.compile(
    r"^,\s+(?:which|who)\s+(?:(?:has|have|had|will|would|is|are|was|were|also|now|then|"
    r"currently|\w+ly)\s+){0,3}(?:host|hosts|hosted|chair|chairs|chaired|takes over|took over|"
    r"assumes|assumed|holds the (?:rotating )?(?:chair|chairmanship|presidency)|"
    r"held the (?:rotating )?(?:chair|chairmanship|presidency)|"
    r"signed|ratified|vetoed|recognised|recognized|protested|summoned|imposed|"
    r"sanctioned|annexed|invaded|claims|joined|acceded|sent|sends|dispatched|deployed|"
    r"represented by)\b"
    # a chair named by its office in apposition: "to the Philippines, the 2026 ASEAN Chair"
    r"|^,\s+(?:the|this year's|next year's)\s+(?:\d{4}\s+)?(?:current\s+|incoming\s+|rotating\s+)?"
    r"(?:asean\s+)?(?:chair|chairman|chair country)\b"
)
# A short name in brackets after a name: "the Gulf Cooperation Council (GCC)-China Summit".
_ACRONYM = re.compile(r"^\s*\([^)\s]{1,12}\)")
# Words that cannot stand between a name and its official body: "Viet Nam and the Embassy of
# Japan" is no body of Viet Nam's.
_NOT_BETWEEN = _words(
    "and or but with in of for to from at by on as than the a an allies ally partners partner "
    "neighbours neighbors colonial through via into across towards toward "
    # people, not the state's: "14 Filipino crew members", "Thai family members"
    "crew family club band fan fans"
)
# Trades whose "agency" is a firm, not the state's: "a private Vietnamese event agency", "a South
# Korean entertainment agency".
_TRADE_AGENCY = re.compile(
    r"\b(?:news|event|events|travel|advertising|ad|talent|recruitment|employment|manpower|marketing|"
    r"modelling|modeling|shipping|insurance|ticketing|booking|entertainment|music|media|creative|"
    r"design|production|casting|rating|ratings|credit rating|property|real estate)\s+$"
)
# Courts whose name ends in "s" ("the Appeals Court"); after another plural, "court" is a verb.
_COURT_PLURALS = _words("appeals sessions magistrates 's ’s")
# The capitalised word right before a name.
_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w&.-]*|[a-z]+[A-Z][\w&.-]*)\s$")  # "iMe Indonesia"
_NOT_A_NAME = _words(
    "the in at on for from to with and but as by of while when after before since both "
    "meanwhile also president prime minister premier king queen sultan emperor ambassador "
    "envoy mr mrs ms dr gen general secretary foreign state said says where that which if how "
    "why what who whom than like including between among against via into over under near "
    "about across southeast northeast east west north south central western eastern northern "
    "southern neighbouring neighboring new all every each"
)
# Bodies named "<Word> <State>" that are the state's own: its statistics office, central bank,
# tourism board, investment agency.
_STATE_BODIES = _words("statistics bank tourism invest customs immigration police royal")
# ... and a central bank named before its state: "Bangko Sentral ng Pilipinas".
_CENTRAL_BANK_BEFORE = re.compile(r"\b(?:bangko sentral ng|central bank of(?: the)?)\s+$")
# Central banks named "Bank of" their state; others so named are commercial ("Bank of China").
_CENTRAL_BANK_OF = re.compile(
    r"(?:Korea|Thailand|Japan|England|Canada|Russia|Israel|Italy|France|Spain|Mexico|"
    r"Papua New Guinea|the Lao PDR|Lao PDR|Ghana|Uganda|Tanzania|Zambia|Jamaica|Guyana|Namibia|"
    r"Botswana|Mauritius|Sierra Leone|Greece|Portugal|Slovenia|Lithuania|Latvia|Estonia|Finland)\b"
)
# A state body's proper name ending in the state: "the Civil Aviation Authority of Singapore", "the
# Film Development Council of the Philippines" (capitalised, so not "the authority of the state").
_BODY_NAME_BEFORE = re.compile(
    r"(?<![A-Za-z])(?!(?:Business|Trade|Tourism|Industry|Football|Olympic|Chamber)\s+Council\b)"
    r"[A-Z][\w-]+\s+(?:Authority|Commission|Agency|Council|Board|Administration|Bureau|Directorate)"
    r"\s+of\s+(?:the\s+)?$"
)
# An association's, federation's or university's name ending in the state.
_ORGANISATION_BEFORE = re.compile(
    r"(?<![A-Za-z])[A-Z][\w-]+\s+(?:Association|Federation|Confederation|Union|Society|Club|"
    r"Chamber|League|University|Foundation)\s+of\s+(?:the\s+)?$"
)
# Capitalised words of an official title between a state and its body: "Malaysian Trade Minister",
# "Indonesian Investment Coordinating Board".
_PORTFOLIOS = _words(
    "foreign trade defence defense finance investment development home interior health education "
    "transport agriculture industry economy economic affairs capital international national "
    "maritime immigration energy tourism information communications labour labor justice "
    "environment fisheries commerce planning coordinating digital security public works "
    "religious social women youth sports culture science technology deputy vice senior chief "
    "acting first second state federal central provincial municipal city regional general "
    "statistics statistical self-defense self-defence marine naval enforcement anti-corruption "
    "meteorological meteorology welfare civil aviation supreme constitutional treasury homeland"
)
# A framework's meeting as the setting of what is reported: "at the ASEAN Regional Forum", "on the
# sidelines of the East Asia Summit", "under RCEP".
_MEETING_BEFORE = re.compile(
    r"\b(?:at|during|sidelines of|under|within|ahead of|before|after|to|into|attend|attends|"
    r"attended|attending|host|hosts|hosted|hosting|chair|chairs|chaired|chairing|join|joined|"
    r"joining|through|via|in|address|addresses|addressed|addressing|told|tells|"
    r"(?:review|upgrade|conclusion|implementation|negotiations?|talks|"
    r"consultations|protocol|signing|ratification|entry into force|accession|membership|text|"
    r"round|meeting|session|members|parties|chapters?|provisions?|commitments?|statement|"
    r"declaration)\s+(?:of|on|to|"
    r"for))\s+(?:the\s+)?(?:(?:\d+(?:st|nd|rd|th)|annual|upcoming|"
    r"special|latest|next|first|informal)\s+)*$"
)
# A meeting named as where others met ("on the sidelines of the ASEAN Summit") is a venue, however
# much of a relation its own name holds; and a bloc named as what a state belongs to or joins ("the
# 11th member of ASEAN", "its accession to the bloc") is the state's status, not the bloc acting.
_VENUE_BEFORE = re.compile(
    r"\b(?:sidelines?|margins?|fringes?)\s+of\s+(?:the\s+|an?\s+)?(?:(?:\d+(?:st|nd|rd|th)|annual|"
    r"upcoming|special|latest|informal)\s+)*"
    # "on the sidelines of a summit of Southeast Asian leaders"
    r"(?:(?:summit|meeting|gathering|conference)\s+of\s+(?:the\s+)?)?$"
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
# One of the bloc's own bodies, its name after the bloc's in capitals.
# Not a think tank's or a university's ("the ASEAN Studies Centre", "MGIMO's ASEAN Centre").
_BLOC_ORGAN_AFTER = re.compile(
    r"\s+(?:(?!Studies|Research|Business|Youth|Football|Law|Institute)[A-Z][\w'-]*\s+){0,3}?"
    r"(?:Committee|Centre|Center|Network|Working Group|Task Force|Coordinating Council|"
    r"Senior Officials)\b"
)
_POSSESSOR_BEFORE = re.compile(r"[\w)]['’]s\s+$")
_VENUE_AFTER = re.compile(r"\s*(?:summit\s+|meeting\s+)?(?:sidelines|margins)\b")
# The UN named for its law rather than acting ("a violation of UN Security Council resolutions",
# "the UN Convention on the Law of the Sea", "UN peacekeeping").
_LAW_AFTER = re.compile(
    r"\s*(?:security\s+council\s+|general\s+assembly\s+)?(?:resolutions?|sanctions|charter|"
    r"convention|conventions|peacekeeping|law)\b"
)
_MEMBERSHIP_BEFORE = re.compile(
    r"(?<![\w-])(?:members?|member\s+(?:states?|countr(?:y|ies)|nations?)|membership|accession|"
    r"admission|admitted|joined|join|joining)\s+(?:of|in|to|"
    r"into)?\s*(?:the\s+)?(?:\w+\s+)?$"
    # a partner's status: "to become a sectoral dialogue partner of ASEAN"
    r"|\b(?:dialogue|development|sectoral)\s+partner(?:ship)?(?:\s+status)?\s+(?:of|with|to)\s+"
    r"(?:the\s+)?$"
)
# An organisation as the forum or frame of what others do: "support in the UN Security Council",
# "a seat on the Security Council", "forces under the UN mission".
_FORUM_BEFORE = re.compile(r"\b(?:in|at|on|under|within)\s+(?:the\s+)?$")
_MEMBERSHIP_AFTER = re.compile(r"\s+(?:full\s+)?(?:membership|accession|entry|admission|bid)\b")
# What one state hopes for with the bloc, or a deal that may come one day ("to strengthen ties with
# Southeast Asian nations", "to promote Russia's relations with ASEAN", "a region-to-region
# agreement with ASEAN"): the bloc as the state's horizon, not a side of what is reported.
_ASPIRED_BEFORE = re.compile(
    r"\b(?:strengthen|strengthening|bolster|bolstering|deepen|deepening|expand|expanding|develop|"
    r"developing|boost|boosting|enhance|enhancing|promote|promoting|broaden|broadening|forge|"
    r"forging|build|building|step up|stepping up|closer|stronger|deeper|greater|broader|"
    r"through)\s+"
    r"(?:(?:its|their|his|her|our|the|economic|trade|further|[a-z]+['’]s)\s+){0,3}"
    r"(?:relations|ties|cooperation|partnerships?|links|engagement|relationship|dialogue)\s+"
    r"with\s+(?:the\s+)?$"
    r"|\bregion-to-region\s+(?:free\s+trade\s+)?(?:agreement|deal|pact|fta|trade\s+deal)\s+"
    r"with\s+(?:the\s+)?$"
)
# A bloc's name before some of its states ("four ASEAN nations", "among Asean members", "the first
# Southeast Asian leader") names states of the bloc, not the bloc acting. "ASEAN member states" is
# left alone: as often the bloc as a whole ("thanked all ASEAN member states for their support").
_MEMBERS_AFTER = re.compile(
    # one of them described: "ASEAN's biggest economy", "the bloc's most populous nation"
    r"(?:'s?)?\s+(?:(?:biggest|largest|smallest|richest|poorest|most\s+populous|"
    r"(?:second|third)-(?:largest|biggest))\s+(?:economy|member|nation|country|state)\b|"
    r"(?:newest|latest|youngest|new|\d+(?:st|nd|rd|th)|eleventh|tenth)\s+member\b|"
    r"member\s+(?:state|country|nation)\b|"
    r"members?\b(?!\s+(?:states|countries|nations))|nations?\b|countries\b|country\b|"
    r"neighbou?rs?\b|economies\b|economy\b|leader\b(?!s)|government\b|president\b|"
    r"prime minister\b)"
)
# A state's own thing named after the bloc ("the country's ASEAN secretariat", "Malaysia's ASEAN
# chairmanship", "the national ASEAN committee"): the state's, not the bloc acting. A region owns
# no bloc: "Southeast Asia's regional grouping" is the bloc itself.
_OWNED_BEFORE = re.compile(
    r"(?:\b(?!asia['’]|region['’])\w+['’]s?|\bnational|\bits|\btheir|\bour)\s+$"
)
# "Laos, which chaired ASEAN in 2024": the state's turn, not the bloc acting (but "co-chaired the
# ASEAN-Canada Summit" is a meeting of the two).
_CHAIRED_BEFORE = re.compile(
    r"\b(?:chaired|chairs|chairing|chair of|chairmanship of|chairman of)(?:\s+the)?\s+$"
)
# The chair acting as the bloc's, in apposition: "Laos, in its capacity as Chair of ASEAN, issued a
# statement" (not "its duties as chair of ASEAN").
_AS_CHAIR_BEFORE = re.compile(
    r"(?:(?:,\s+|\b)in\s+(?:its|his|her|their)\s+capacity\s+|,\s+)as\s+"
    r"(?:the\s+|this year's\s+)?(?:current\s+|rotating\s+)?(?:chair|chairman) of\s+(?:the\s+)?$"
)
# "chaired the ASEAN side", "led the ASEAN delegation": the bloc's side of a negotiation.
_SIDE_AFTER = re.compile(r"\s+(?:side|delegation|team|negotiators)\b")
# "officials from the 11 members of ASEAN", "all members of the bloc": every member, so the bloc.
_EVERY = r"(?:10|11|ten|eleven)"  # the bloc's members, all of them counted
_ALL_MEMBERS_BEFORE = re.compile(
    rf"\b(?:the(?:\s+{_EVERY})?|all(?:\s+the)?(?:\s+{_EVERY})?)\s+"
    r"(?:members|member\s+(?:states|countries|nations))\s+of\s+(?:the\s+)?$"
)
# Plural members stand for the bloc unless counted or picked out ("ASEAN countries agreed with
# China" is the bloc; "four ASEAN nations signed", "some ASEAN members", "other ASEAN economies" are
# not).
_PLURAL_MEMBERS = re.compile(
    r"(?:'s?)?\s+(?:member\s+)?(?:members|nations|countries|economies|neighbou?rs)\b"
)
_MEMBER_STATES = re.compile(r"\s+member\s+(?:states|countries|nations)\b")
# Goods, money or people going to or coming from somewhere: "exports to", "investment from".
_MARKET_TO = re.compile(
    r"\b(?:exports?|shipments?|imports?|sales|investments?|investors|tourists|arrivals|visitors|"
    r"flights)\s+(?:\w+\s+){0,2}?(?:to|from|into)\s+(?:the\s+)?(?:(?:\d+|ten|eleven)\s+)?$"
)
# The bloc named in the plural ("Southeast Asian nations"), to be counted or picked out like its
# members.
_PLURAL_NAME = re.compile(r"\b(?:nations|countries|states)$")
_EVERY_MEMBER = re.compile(rf"\b{_EVERY}\s+$")
# What states are: "both countries are ASEAN members", "as fellow ASEAN members".
_ARE_MEMBERS_BEFORE = re.compile(r"\b(?:are|were|as|both)\s+(?:fellow\s+)?$")
_COUNTED_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|several|some|many|most|few|other|these|"
    r"those|both|all\s+but|individual|certain|various|fellow|among|between|poorer|richer|smaller|"
    r"larger|maritime|mainland|claimant)\s+(?:of\s+the\s+)?(?:the\s+)?(?:[\w-]+\s+)?$"
)


def _market_members(folded: str, start: int, end: int) -> bool:
    """A bloc's member states as a market ("exports to the 10 ASEAN member states"), not as the
    bloc's officials acting."""
    return bool(
        _MEMBER_STATES.match(folded, end) and _MARKET_TO.search(folded, max(0, start - 60), start)
    )


def _members(folded: str, start: int, end: int) -> bool:
    """The bloc's name before some of its states: see _MEMBERS_AFTER and _PLURAL_MEMBERS."""
    if _MEMBER_STATES.match(folded, end):  # "fellow ASEAN member states": some, not the bloc
        behind = _behind(folded, start, 40)  # ... but "the 10 ASEAN member states" are all
        return bool(_COUNTED_BEFORE.search(behind)) and not _EVERY_MEMBER.search(behind)
    if _PLURAL_NAME.search(folded, start, end):  # "among Southeast Asian nations": some of them
        behind = _behind(folded, start, 40)  # ... but "the 11 Southeast Asian states" are all
        return bool(_COUNTED_BEFORE.search(behind)) and not _EVERY_MEMBER.search(behind)
    if not _MEMBERS_AFTER.match(folded, end):
        return False
    if not _PLURAL_MEMBERS.match(folded, end):
        return True  # "the first Southeast Asian leader", "an ASEAN member state"
    behind = _behind(folded, start, 40)
    return bool(_COUNTED_BEFORE.search(behind) or _ARE_MEMBERS_BEFORE.search(behind))


# The stock phrases of a bilateral communique about the bloc ("support for ASEAN centrality",
# "ASEAN's central role", "our ASEAN family"): the bloc as a subject, not a side.
_STOCK_AFTER = re.compile(
    r"(?:'s?)?\s+(?:central role|centrality|unity|solidarity|integration|commitments|standards|"
    r"processes|practice|flag|family|way)\b"
)
# A bloc-partner relation as the topic of someone else's meeting ("exchanged views on ASEAN-China
# relations", "within the Russia-ASEAN dialogue", "as coordinator of ASEAN-Russia relations").
_DISCUSSED = r"discussed|discussing|discuss|discusses"
_TOPIC_BEFORE = re.compile(
    rf"\b(?:on|about|of|within|for|regarding|under|in|{_DISCUSSED})\s+"
    r"(?:the\s+)?(?:frameworks?\s+of\s+)?"
    r"(?:(?:[\w-]+|\d+\w*)\s+)?(?:the\s+)?$"
)
# What others talked about: "discussed the early review of the ASEAN-India Trade in Goods
# Agreement".
_REVIEWED_BEFORE = re.compile(
    rf"\b(?:{_DISCUSSED})\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:of\s+)?(?:the\s+)?$"
)
# A state joining or settling into a bloc ("Timor-Leste's integration into ASEAN").
_INTEGRATION_BEFORE = re.compile(
    r"\b(?:integration|integrating|integrate|integrated|accede|acceding|get|got)\s+(?:in|into|"
    r"to|with)\s+(?:the\s+)?$"
)
_COMPARISON = _words("similar earlier previous existing separate ones such")
# A list of what something is made of ("ASEAN comprises Brunei, Cambodia...", "Group B comprises
# Thailand, the Philippines..."): its members named, none of them acting.
_MADE_OF = (
    r"comprises|comprising|comprised of|consists of|consisting of|made up of|composed of|"
    r"(?:expanded|grown|widened)\b[^.;]{0,40}\bto (?:include|take in)"
)
# ... and "the Pacific Alliance, which brings together Chile, Colombia...", "the FPDA, which also
# include Australia, New Zealand and Malaysia"
_COMPOSED_OF = re.compile(
    rf"\b(?:{_MADE_OF}|which\s+(?:also\s+)?(?:brings together|bring together|includes|include))"
    r"\s+(?:the\s+)?$"
)
# The same words with a framework of partners as their subject list who takes part in it ("The EAS
# comprises the 10 ASEAN member states along with Australia, China...", "the agreement groups the
# ASEAN countries with China, Japan..."); a bloc's own members (ASEAN, the GCC) do not act.
_GROUPS = re.compile(rf"\b(?:groups|{_MADE_OF})\b[^.;]{{0,120}}$")
_GROUP_NOUN = re.compile(r"\b(?:agreement|pact|forum|summit|grouping|framework)\b")
# An adjective of size or pace before a name makes it a market ("weaker US, China demand").
_MARKET_ADJECTIVES = _words(
    "weaker weak stronger strong slower slow softer soft firmer firm higher lower rising falling "
    "robust sluggish solid resilient booming"
    # a market's role right before its name: "supplies from top producer Indonesia also supported"
    " producer producers exporter exporters importer importers buyer buyers supplier suppliers"
    " consumer consumers"
)
# "has"/"have" as the sentence's verb of possession ("has a Visiting Forces Agreement with", "have
# claims in"), not an auxiliary ("has signed").
_POSSESSED = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+)?(?!been\b|not\b|also\b|already\b|yet\b|never\b)"
    r"(?![a-z]+ed\b)(?![a-z]+en\b)(?:a|an|its|their|bilateral|free|several|many|similar|\d+|"
    r"(?:(?:sectoral|dialogue|strategic|comprehensive|full|trade|defence|defense|security|"
    r"diplomatic|economic|close|formal|visiting|forces|reciprocal|access|military|maritime)\s+)"
    r"{0,2}[a-z-]+s)\b[^.;]*$"
)
_HAVE = _words("has have had")
# Past participles not ending in -ed or -en: "China has sent", "Japan has met".
_PARTICIPLES = _words("sent met held led made built paid struck sought brought kept won lent told")
# Examples of a kind ("close partners such as Australia, Japan and the United States") are not the
# parties of what is reported.
# Talks with several states' officials, some named: "held talks with defense chiefs from several
# countries, including Malaysia, Laos and Thailand" (each a side of the talks, not an example).
_MET_WITH = r"\b(?:talks|met|meets|meeting|meetings)\s+with\s+"
_OFFICIALS = r"(?:chiefs|ministers|leaders|counterparts|officials|delegations|envoys|ambassadors)"
_SEVERAL = r"(?:several|many|some|other)"
_INCLUDING = r"[^.;]*including\s+(?:from\s+)?(?:the\s+)?$"
_MET_OFFICIALS_OF_SEVERAL = re.compile(
    rf"{_MET_WITH}(?:[\w-]+\s+){{0,3}}?{_OFFICIALS}\s+(?:(?:from|of)\s+)?{_SEVERAL}\b{_INCLUDING}"
    # "held separate talks with several ministers, including from the Philippines and Thailand"
    rf"|{_MET_WITH}{_SEVERAL}\s+(?:[\w-]+\s+){{0,2}}?{_OFFICIALS}\b{_INCLUDING}"
)
_EXAMPLES_BEFORE = re.compile(
    r"\bsuch\s+as\s+(?:the\s+)?$"
    # others named as examples: "Other members of the pact, including Japan and Australia, ..."
    r"|\b(?:other|others|some|several|many)\b[^,.;]{0,60},?\s+including\s+(?:the\s+)?$"
    # a standing grouping's members as examples: "the ADMM-Plus, which brings together ASEAN and
    # eight partners including Japan, the United States and China"
    r"|\bbrings\s+together\b[^.;]{0,80}\bincluding\s+(?:the\s+)?$"
    # a comparison: "Unlike the pact between ASEAN and Australia, ...", "Like Japan before it, ..."
    r"|\bunlike\b[^,]*$|^\s*(?:like|as\s+with|just\s+as)\b[^,]*$"
)
# The backdrop of what is reported ("signed amid a sea row with China", "amid concern over China's
# growing reach", "The visit comes as US tariffs rattle the region", "came a day after Prabowo held
# talks with Xi"): whoever acts there acts in another story.
_BACKDROP_BEFORE = re.compile(
    r"\bamid\b[^,]*$|\b(?:comes?|came|coming)\s+(?:(?:just\s+|only\s+)?(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|hours?)\s+)?(?:as|after|amid|ahead\s+of|before|following)\b.*$"
)
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
)
# People or goods named by where they come from ("visitors from ASEAN member states", "imports
# from Chinese suppliers"): places, whatever body follows the name.
_ORIGIN_BEFORE = re.compile(
    r"\b(?:visitors|tourists|arrivals|travell?ers|holidaymakers|imports|investors|investment|"
    r"buyers|goods|products|shipments|students|workers|exhibitors|fans|athletes|student-athletes|"
    r"players|musicians|artists|performers)\s+from\s+(?:the\s+)?"
    r"(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|all|several|many)\s+)?$"
    # "groups from 70 countries, including Türkiye": where the people come from, a few named
    r"|\b(?:groups|troupes|artists|performers|teams|athletes|participants|exhibitors|companies|"
    r"firms|visitors|tourists)\s+from\s+(?:(?:more than|over|about|some)\s+)?\d+\s+"
    r"(?:countries|nations|economies)(?:\s+and\s+territories)?,?\s+including\s+(?:the\s+)?$"
)
# Delegates or leaders who are not the state's: "business delegations from Japan", "young leaders
# from Malaysia".
_BUSINESS_BEFORE = re.compile(
    r"\b(business|trade|investment|industry|corporate|company|young|youth|student|community|"
    r"religious|faith|civil society)\s+$"
)
# ... but a portfolio's officials and ministers are the state's: "trade officials from Chile".
_PORTFOLIO_WORDS = _words("trade investment industry")
_GOVERNMENT_STAFF = re.compile(r"(?:officials?|ministers?|negotiators?|envoys?|diplomats?)\b")
# A wire's credit line: its reporters and bureaus.
_CREDIT = re.compile(r"\((?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[^)]*$")
# A newspaper's name ("Vientiane Times", "China Daily", "the Bangkok Post"), read as written.
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:Times|Post|Daily|Herald|Tribune|Bulletin|Inquirer|Gazette|Journal|Mail|Globe|"
    r"Chronicle|Standard|Insider)\b"
)
_PAST = _words("then former ex")
# "have also applied", "has long been", "has imposed": a present perfect (regular and common
# irregular participles)
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|long\s+|already\s+|not\s+|yet\s+|since\s+)*"
    r"(?:been\s+)?\w+(?:ed|en|wn|ne|un|ept|ught|id|ld|lt)\b"
)
# a commitment made is news, whatever its tense: "the US has pledged $1 million"
_PLEDGED = re.compile(r"\b(?:pledged|offered|agreed|promised|vowed|committed|proposed)$")
_REPORTED = re.compile(r"\b(?:said|says|told|according|announced|added|noted|stated)\b")
_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:this|last|next) week|on \w+ \d+)\b"
)
# Officials of both sides of a pair: "the ASEAN-Russia ministers", "ASEAN-China foreign ministers".
_PAIR_OFFICIALS = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:ministers|leaders|officials|negotiators|delegations|diplomats|"
    r"envoys|senior officials)\b"
)
# A clause on a place, open before a name: "the South China Sea, where", "the waters, which".
_PLACE_CLAUSE = re.compile(
    r"\b(?:seas?|waters|region|area|border|borderlands?|triangle|strait|straits|peninsula|"
    r"islands?|shoals?|reefs?|atolls?|archipelago),?\s+(?:where|which|that)\s+"
    r"(?:[\w.'\u2019-]+(?:\s+[\w.'\u2019-]+){0,2},\s+)*[^,;:()\"]*$"  # a list of names: "Myanmar, "
)
# Deals made before or elsewhere: "already has free trade agreements with", "a similar pact with".
_DEAL_NOUNS = (
    r"(?:agreements?|pacts?|accords?|deals?|arrangements?|partnerships?|ftas?|cepas?|exercises|"
    r"drills|patrols)"
)
_OTHER_DEALS = re.compile(
    rf"\b(?:already|also)\s+(?:has|have|had)\b[^.;]{{0,60}}?\b{_DEAL_NOUNS}\b"
    rf"|\b(?:has|have|had)\s+(?:also|already)\s+(?:signed|concluded|sealed|struck)\s+"
    rf"(?:[\w-]+\s+){{0,4}}{_DEAL_NOUNS}\b"
    rf"|\b(?:similar|existing)\s+(?:[\w-]+\s+){{0,3}}{_DEAL_NOUNS}\b"
    rf"|\bhad\s+(?:already\s+)?(?:signed|concluded|sealed|struck)\s+(?:[\w-]+\s+){{0,4}}{_DEAL_NOUNS}\b"
    rf"|\b(?:following|after)\s+(?:the|its|a)\s+(?:[\w-]+\s+){{0,3}}{_DEAL_NOUNS}\s+with\b"
)
# A clause of cause or time, open before a name: "prices fell after India lifted its curbs".
_CAUSE_BEFORE = re.compile(r"(?:^|[\s,])(?:after|as|since|following|because|amid)\s+(?:the\s+)?$")
# A time told by who chairs: "next year, when the Philippines chairs ASEAN".
_WHEN_BEFORE = re.compile(r",\s+when\s+(?:the\s+)?$")
_CHAIR_AFTER = re.compile(
    r"^\s+(?:(?:will\s+)?chairs?\b|(?:holds|will hold|takes over|will take over|assumes|"
    r"will assume)\b[^,;]{0,40}?\bchair)"
)
# A time before the story's: what a state did then is background.
_EARLIER = re.compile(
    r"\b(?:in the past|in recent years|in previous years|in past years|years ago|last year|"
    r"previously|before it)\b"
)
# A relative clause between commas: its time is not the main verb's ("Timor-Leste, which joined
# last year, attended the retreat").
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]*,")
# "in 2019", "since 2016": a year an act is dated to
_YEAR = re.compile(r"\b(?:in|since|until|by|from)\s+((?:19|20)\d\d)\b")
_COUNTING_VERBS = _words(
    "welcomed welcomes received receives recorded records attracted attracts hosted hosts exported "
    "exports imported imports shipped ships earned earns posted logged saw drew accounted reached "
    "reaches totalled totaled topped"
)
# Words that put a figure in round terms: "about 2 million", "more than 160,000".
_ABOUT = r"about|around|nearly|almost|over|more than|some"
_AIMING_VERBS = _words("aims aimed plans planned expects expected targets targeted seeks hopes")
_COUNT_AIMED = re.compile(
    r"\s+to\s+(?:export|import|ship|attract|receive|welcome|earn|sell|produce)\s+"
    rf"(?:(?:{_ABOUT}|up to)\s+)?(?:us\$|\$|usd\s*)?\d"
)
# A place named before a city or state in an address: "in Santa Cruz, Manila, ...".
_ADDRESS_BEFORE = re.compile(r"\b(?:in|at|near|from)\s+(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*,\s*$")
# A share of a count, not money given: "contributed 160,418 arrivals", "contributed 12 percent".
_SHARE_COUNTED = re.compile(
    rf"\s+(?:(?:{_ABOUT})\s+)?[\d.,]+\s*(?:%|percent|"
    r"per cent|arrivals|visitors|tourists|tonnes|tons|passengers|units)"
)
# "demand" as the noun of a market: "US demand softens", "Chinese demand for durian".
_DEMAND_NOUN = re.compile(
    r"\s+(?:for|from|in|is|was|has|had|remains|remained|softens|softened|weakens|weakened|slows|"
    r"slowed|rises|rose|falls|fell|grows|grew|picks|picked|recovers|recovered|eases|eased|surges|"
    r"surged|slumps|slumped|jumps|jumped|drops|dropped)\b"
    r"|\s*[,.;]"
)
_COPULAS = _words("been is was are were remains remained became becomes")
_MARKET_ROLE = re.compile(
    r"\s+(?:[\w'-]+\s+){0,4}?(?:market|markets|buyer|buyers|customer|customers|destination|"
    r"destinations|source|supplier|suppliers|investor|investors|exporter|importer|producer|"
    r"consumer)\b"
)
_FIGURE_NEXT = re.compile(
    rf"\s+(?:(?:{_ABOUT}|an estimated|a record|up to)\s+)?"
    r"(?:us\$|\$|rm|s\$|usd\s*)?\d"
)
# A name right after one of these is not the subject of the verb after it.
_PREPOSITIONS = _words(
    "to from in into at for of on via across over than after like through throughout inside "
    "outside near toward towards about unlike"
)
# The title and the body's first two paragraphs say what the story is about: no background there.
LEADING_PARAGRAPHS = 2
_PARAGRAPH_BREAK = re.compile(r"\n+")
# How far around a name the words of its context are read.
_WINDOW = 60


def _ahead(folded: str, end: int, size: int = _WINDOW) -> str:
    """Up to `size` characters after a name, within its line: a title that ends with a state is not
    followed by the first words of the body ("...help Timor-Leste in ASEAN" / "Foreign Minister
    Penny Wong said")."""
    return folded[end : end + size].split("\n", 1)[0]


def _behind(folded: str, start: int, size: int = _WINDOW) -> str:
    """Up to `size` characters before a name, within its line."""
    return folded[max(0, start - size) : start].rsplit("\n", 1)[-1]


def place_actors(
    text: str,
    mentions: Iterable[Mention],
    gazetteer: Gazetteer,
    home: str | None = None,
    domestic: bool = False,
    evidence: dict[str, str] | None = None,
    year: int | None = None,
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
    reads it."""
    folded = fold(text)
    party: set[str] = set()
    # Named as a party only by a weak sign (a relation word before it, a list of participants or
    # members, its own name in a compound), and which: kept unless it is a passing mention (see
    # below).
    signs: dict[str, str] = {}
    # For `evidence`: what made each party (an office, an official body, a verb...) and each
    # explicit cue to a place (sport, a company's name, a list of members...).
    how: dict[str, list[str]] = {}
    cue: dict[str, str] = {}
    named: set[str] = set()
    states = []
    ordered = sorted(mentions, key=lambda m: m.start)
    forums = [
        m.start
        for m in ordered
        if (actor := gazetteer.actors.get(m.actor)) is not None and _with_partners(actor)
    ]
    for m in ordered:
        actor = gazetteer.actors.get(m.actor)
        if actor is None or m.via is not None or not _needs_evidence(actor) or _body(m, gazetteer):
            # people, official bodies, states through their office-holders or their own bodies,
            # unless in the backdrop or a place named after a person ("the Hassanal Bolkiah
            # Trophy")
            personal = m.via is not None or (actor is not None and actor.type == "person")
            if personal and _named_for(text, m.start, m.end):
                # a name inside a name, the person's or their state's: no actor, unless it acts
                named.add(m.actor)
                cue.setdefault(m.actor, "named-for")
                continue
            if not _BACKDROP_BEFORE.search(_sentence(folded, m.start, m.end)[0]):
                party.add(m.actor)
                how.setdefault(m.actor, []).append("office")
        elif not states or m.start >= states[-1].end:  # one place, one mention
            states.append(m)
            named.add(m.actor)
    # The title and the lead's first sentence: what the story is about.
    lead_end = LEAD.search(folded).end()  # type: ignore[union-attr]  # `$` always matches
    leading = {m.actor for m in states if m.start < lead_end}
    for chain in _lists(states, folded):
        first, last = chain[0], chain[-1]
        if party.issuperset(m.actor for m in chain) and (
            all(not WEAK_EVIDENCE.issuperset(how[m.actor]) for m in chain)
            or not _sport_story(folded)
        ):
            # nothing left to learn: in a story about sport, a side of a match needs more than a
            # verb (see below), which a later sentence may give ("Vietnam's Ministry of Sports")
            continue
        sentence = _sentence(folded, first.start, last.end)
        if _sport(*sentence, folded) and not _government_after(folded, last.end):
            cue.update({m.actor: "sport" for m in chain if m.actor not in cue})
            continue  # teams of a match, not "Vietnam's Ministry of Culture, Sports and Tourism"
        if _forum_members(folded, first.start, forums):
            for m in chain:
                if not _region(m, gazetteer):
                    signs.setdefault(m.actor, "forum")
            continue
        if _COMPOSED_OF.search(sentence[0]):
            cue.update({m.actor: "members-listed" for m in chain if m.actor not in cue})
            continue  # the members of something, listed
        if _ORIGIN_BEFORE.search(sentence[0]):
            cue.update({m.actor: "origin" for m in chain if m.actor not in cue})
            continue  # "visitors from ASEAN member states": where they come from
        if _MET_OFFICIALS_OF_SEVERAL.search(sentence[0]):
            for m in chain:
                party.add(m.actor)
                how.setdefault(m.actor, []).append("relation")
            continue  # "held talks with defense chiefs from several countries, including Laos"
        if _EXAMPLES_BEFORE.search(sentence[0]) or _BACKDROP_BEFORE.search(sentence[0]):
            cue.update({m.actor: "example" for m in chain if m.actor not in cue})
            continue  # "partners such as Japan", "amid a sea row with China"
        if _SILENT_AFTER.match(_ahead(folded, last.end, _WINDOW * 2)):
            cue.update({m.actor: "silent" for m in chain if m.actor not in cue})
            continue  # "China's embassy did not immediately respond", "Myanmar was not invited"
        if _PLANNED.search(sentence[0]) and _passing(text, first.start):
            cue.update({m.actor: "planned" for m in chain if m.actor not in cue})
            continue  # "Ishiba is also scheduled to meet the prime ministers of Malaysia and..."
        if _MEMBERS_OF_AFTER.match(folded, last.end):
            cue.update({m.actor: "member-of" for m in chain if m.actor not in cue})
            continue  # "Pakistan, Egypt and Bangladesh are members of the D-8": what they belong to
        body = _official_after(text, folded, last.end, len(chain) > 1) and not _market_members(
            folded, first.start, last.end
        )
        before = _before(*sentence)
        if (
            before == "acting"
            and _TEAM_FROM.search(sentence[0])
            and (_ENTRANTS.search(sentence[0]) or _sport_story(folded))
        ):
            before = None  # "the largest foreign contingents from Malaysia": teams at the Games
        gathered = _gathered(folded, first.start)
        others = (
            bool(_THANKED_AFTER.match(_ahead(folded, last.end)))
            # "the ADMM-Plus brings together the defence ministers of ASEAN and Australia...": a
            # standing grouping's members, its ministers or not
            or (before == "acting" and gathered != "standing")
            or _acts(text, folded, first.start, last.end)
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
        regional = any(_region(m, gazetteer) for m in chain)
        for m in chain:
            if _setting(gazetteer.actors[m.actor], folded, m.start, m.end, m.actor in leading):
                cue.setdefault(m.actor, "setting")
                continue
            if _with_partners(gazetteer.actors[m.actor]) and _MEETING_BEFORE.search(
                _behind(folded, m.start)
            ):
                # "at the ASEAN Regional Forum": the meeting reported, unless named once low in a
                # story about something else ("Lavrov is in Vientiane to attend the ARF")
                signs.setdefault(m.actor, "meeting")
                continue
            if _STATEMENT_AFTER.match(folded, m.end) or _STATEMENT_BEFORE.search(
                _behind(folded, m.start)
            ):
                # "the ARF chair's statement urged": the meeting speaking through its chair
                party.add(m.actor)
                how.setdefault(m.actor, []).append("statement")
                continue
            if gazetteer.actors[m.actor].type == "framework" and _TALKS_AFTER.match(folded, m.end):
                # "the ASEAN-Canada FTA talks resumed": its sides negotiating
                party.add(m.actor)
                how.setdefault(m.actor, []).append("talks")
                continue
            if gazetteer.actors[m.actor].type == "framework" and _PAIR_NAMED_BEFORE.search(
                _behind(folded, m.start, 40)
            ):
                # "the Russia-ASEAN ministerial meeting", "the ASEAN-UK Post Ministerial
                # Conference": a pair's meeting
                party.add(m.actor)
                how.setdefault(m.actor, []).append("pair")
                continue
            if (
                m.actor == "ASEAN"
                and _BLOC_ORGAN_AFTER.match(text, m.end)
                and not _POSSESSOR_BEFORE.search(text, max(0, m.start - 30), m.start)
            ):
                # "the ASEAN Brussels Committee", "the ASEAN Committee on Disaster Management",
                # "the ASEAN Centre of Military Medicine": one of the bloc's own bodies
                party.add(m.actor)
                how.setdefault(m.actor, []).append("organ")
                continue
            if gazetteer.actors[m.actor].type == "igo" and (
                _STATUS_AFTER.match(folded, m.end)  # "a BRICS partner country": a relation with it
                or _ORGAN_ACTS.match(folded, m.end)  # "the UN General Assembly adopted"
            ):
                party.add(m.actor)
                how.setdefault(m.actor, []).append("status")
                continue
            inside = _inside_name(text, m.start)
            if inside is not None:
                if inside:
                    party.add(m.actor)  # "Statistics Indonesia", "Bank Negara Malaysia"
                    how.setdefault(m.actor, []).append("body-name")
                cue.setdefault(m.actor, "company")
                continue  # "JTI Philippines", "Vale Indonesia": a company's name
            if _capital(m, gazetteer) and _REGIONAL_GOVERNMENT_AFTER.match(_ahead(folded, m.end)):
                party.add(m.actor)  # "the Bangkok Metropolitan Administration": a city's government
                how.setdefault(m.actor, []).append("city-government")
                continue
            if _region(m, gazetteer) or (regional and _capital(m, gazetteer)):
                # A province or state is a place ("Bali welcomed record arrivals") unless its own
                # government acts ("the Yunnan authorities", "the governor of Sabah").
                if _regional_government(folded, m.start, m.end):
                    party.add(m.actor)
                    how.setdefault(m.actor, []).append("regional-government")
                cue.setdefault(m.actor, "region")
                continue
            word = demonym_form(m, gazetteer)
            if word == "people":
                cue.setdefault(m.actor, "people")
                continue  # "Filipinos", "the Malaysians": people or a team, not the state
            if _CREDIT.search(_behind(folded, m.start)) or _NEWSPAPER_AFTER.match(text, m.end):
                # "(Reporting by Kuala Lumpur bureau; ...)", "told Vientiane Times": the press
                cue.setdefault(m.actor, "press")
                continue
            if _word_before(folded, m.start) in _PAST and _official_after(text, folded, m.end):
                cue.setdefault(m.actor, "past-office")
                continue  # "then U.S. President Barack Obama": a past office
            has_body = body and (word == "adjective" or not adjective_body)
            if has_body if word == "adjective" else has_body or others:
                party.add(m.actor)
                how.setdefault(m.actor, []).append("official" if has_body else "acts")
            elif (word != "adjective" and weakly) or _own(text, folded, m.start, m.end):
                signs.setdefault(m.actor, "relation" if weakly else "own")
    # "The country's" official body is that of the state named last before it in the paragraph:
    # "the crisis in Myanmar, urging the country's military rulers to halt air strikes".
    for found in _THE_COUNTRY.finditer(folded):
        paragraph = folded.rfind("\n", 0, found.start())
        before = [m for m in states if paragraph < m.start and m.end <= found.start()]
        if (
            before
            and gazetteer.actors[before[-1].actor].type == "state"
            and _official_after(text, folded, found.end())
        ):
            party.add(before[-1].actor)
            how.setdefault(before[-1].actor, []).append("official")
    # The first of a pair shares the officials named after it: "the ASEAN-Russia ministers agreed".
    for first, second in pairwise(states):
        if (
            first.actor not in party
            and second.actor in party
            and text[first.end : second.start] == "-"
            and _PAIR_OFFICIALS.match(folded, second.end)
        ):
            party.add(first.actor)
            how.setdefault(first.actor, []).append("official")
    # A name given once, in the lower half of the story, and only weakly as a party is background:
    # "The Philippines is locked in territorial disputes with China", "The ADMM-Plus brings
    # together ... eight partners: Australia, China...". Given by name: an adjective ("a Southeast
    # Asian country") names no one.
    needing = {id(m) for m in states}
    names = [
        m for m in ordered if id(m) not in needing or demonym_form(m, gazetteer) != "adjective"
    ]
    times = Counter(m.actor for m in names)
    first_at: dict[str, int] = {}
    for m in names:  # in text order: the first mention stays
        first_at.setdefault(m.actor, m.start)
    for a, sign in signs.items():
        if times[a] > 1 or not _passing(text, first_at.get(a, 0)):
            party.add(a)
            how.setdefault(a, []).append(sign)
        else:
            cue.setdefault(a, "background")
    # A state named once, below the lead, whose only sign of acting is a verb in the present perfect
    # of a sentence that reports no one and names no day is a standing fact, not the news:
    # "Sri Lanka, Chile and Bangladesh have also applied to join", "China and India have maintained
    # ties with the military government". So is an act dated to an earlier year ("India withdrew
    # from the negotiations in 2019") and one in a clause of cause ("after India lifted its curbs").
    direct = Counter(m.actor for m in ordered if m.via is None)
    implied = {m.actor for m in ordered if m.via is not None}
    for m in states:
        a = m.actor
        if (
            set(how.get(a, ())) == {"acts"}
            and direct[a] == 1
            and a not in implied
            and m.start >= lead_end
            and (
                _settled(folded, m.start, m.end)
                or _dated(folded, m.start, m.end, year)
                or _CAUSE_BEFORE.search(_behind(folded, m.start, 30)) is not None
            )
        ):
            party.discard(a)
            del how[a]
            cue.setdefault(a, "background")
    # A state named only in what a place or time is ("the South China Sea, where Beijing claims
    # almost all of it", "where Manila has been locked in confrontations with Chinese coast guard
    # vessels", "next year, when the Philippines chairs ASEAN") describes it; one named
    # below the lead only beside deals made before or elsewhere ("a similar pact with New Zealand")
    # is background.
    for a in sorted(party):
        mine = [m for m in states if m.actor == a]
        if (
            mine
            and a not in implied
            and set(how.get(a, ())) <= {"acts", "relation", "official"}
            and direct[a] == len(mine)
            and (
                all(_describes_place(folded, m.start, m.end) for m in mine)
                or all(m.start >= lead_end and _other_deals(folded, m.start, m.end) for m in mine)
            )
        ):
            party.discard(a)
            how.pop(a, None)
            cue.setdefault(a, "background")
    # In a story about sport, a state that only beats, meets, hosts or is drawn with another is a
    # side of a match ("Laos held Vietnam to a draw", "hosts Thailand topped the medal table").
    sides = [a for a in party if a not in implied and set(how.get(a, ())) <= _SIDE_SIGNS]
    if sides and _sport_story(folded):
        for a in sorted(sides):
            party.discard(a)
            how.pop(a, None)
            cue.setdefault(a, "sport")
    # Other states' officials in the story ("a report from Singapore on two visiting defence
    # chiefs"): "the ministry said" may be theirs, and is left unread.
    foreign = any(
        a != home and (actor := gazetteer.actors.get(a)) is not None and actor.type == "state"
        for a in party
    )
    # Through its leaders, ministers or named agencies ("office"), those that conduct its
    # relations, or only through its police, courts or an unnamed ministry ("body").
    home_party = ""
    if home is None:
        pass
    elif (
        # one of its agencies by its own name, in its own copy wherever other states act: "The
        # Union Election Commission met observer teams from ... the Russian Federation", "handed
        # two suspects to Malaysian police ... The Customs Department said"
        ((not foreign or domestic) and _named_body(text, ordered, home))
        or (not foreign and _home_minister(text, ordered, _MINISTER_UNNAMED))
        or (
            domestic and (_home_minister(text, ordered) or _home_title(text, folded, ordered, home))
        )
    ):
        home_party = "office"
    elif (not foreign and _unnamed_official(folded, states)) or (
        # in its own copy, its unnamed government in the lead, whoever else acts below: "were
        # flown to Xinjiang early on Thursday, the government confirmed"
        domestic and _unnamed_official(folded[:lead_end], states)
    ):
        home_party = "body"
    if home_party:
        party.add(home)
        how.setdefault(home, []).append("home")
    if evidence is not None:
        for a in named | party:
            if a not in party:
                evidence[a] = cue.get(a, "none")
            else:  # the strongest evidence found
                found = how.get(a, ["sign"])
                evidence[a] = next((e for e in found if e not in WEAK_EVIDENCE), found[0])
    return named - party, home_party


def _settled(folded: str, start: int, end: int) -> bool:
    """The sentence around a name tells a standing fact: what others also have or are, reported or
    not (_ALSO_STANDING), or a verb in the present perfect (not a commitment) where no one is
    reported ("said", "told") and no day named."""
    after = _sentence(folded, start, end)[1]
    if _ALSO_STANDING.match(after):
        return True  # "Indonesia and Vietnam have also expressed interest", "also claim"
    sentence = _unreported(folded, start, end)
    perfect = _PERFECT.search(sentence) if sentence is not None else None
    return perfect is not None and _PLEDGED.search(perfect.group()) is None


# What others also have or are, told beside the news whoever reports it: "Indonesia and Vietnam
# have also expressed interest", "Malaysia and Brunei also claim parts of the Spratlys", "Pakistan
# and Norway hold the same status".
_ALSO_STANDING = re.compile(
    r"(?:\s*(?:,|,?\s+and)\s+(?:the\s+)?[a-z'-]+(?:\s+[a-z'-]+)?)*?"  # the rest of a list
    r"\s+(?:(?:has|have)\s+also\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|un|ept|ught|id|ld|lt)\b"
    r"|also\s+(?:claims?|have claims|has claims)\b"
    r"|(?:hold|holds|have|has|enjoy|enjoys)\s+(?:the\s+)?(?:same|similar)\s+status\b)"
)


def _dated(folded: str, start: int, end: int, year: int | None) -> bool:
    """The sentence around a name tells what happened in an earlier year, reporting no one: "India
    withdrew from the negotiations in 2019"."""
    sentence = _unreported(folded, start, end)
    if sentence is None:
        return False
    if _EARLIER.search(_RELATIVE_CLAUSE.sub(",", sentence)):
        return True  # "have held similar talks in the past", "sent medical teams in recent years"
    if year is None:
        return False
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) < year


def _unreported(folded: str, start: int, end: int) -> str | None:
    """The sentence around a name, when it reports no one ("said", "told") and names no day: what
    a standing or past fact is told in."""
    before, after = _sentence(folded, start, end)
    sentence = before + folded[start:end] + after
    if (
        _REPORTED.search(sentence) is not None
        or _DAY.search(sentence) is not None
        or _quoted(folded, start)
    ):
        return None
    return sentence


_THE_COUNTRY = re.compile(r"\bthe country(?=['’]s\s)")


def _quoted(folded: str, start: int) -> bool:
    """The name is inside a direct quotation: someone's words, reported however far away the
    "said" is ("The Government of Japan has provided $26 million ..., " the director said)."""
    paragraph = folded[folded.rfind("\n", 0, start) + 1 : start]
    return paragraph.count('"') % 2 == 1 or paragraph.count("“") > paragraph.count("”")


def _describes_place(folded: str, start: int, end: int) -> bool:
    """The name is in a clause on a place ("the South China Sea, where ...", "the Golden Triangle,
    where ...", "waters which Beijing claims") or on a time ("next year, when the Philippines
    chairs ASEAN")."""
    before, after = _sentence(folded, start, end)
    return _PLACE_CLAUSE.search(before) is not None or (
        _WHEN_BEFORE.search(before) is not None and _CHAIR_AFTER.match(after) is not None
    )


def _other_deals(folded: str, start: int, end: int) -> bool:
    """The sentence around a name lists deals made before or elsewhere: "already has free trade
    agreements with Vietnam and Singapore", "a similar pact with New Zealand"."""
    before, after = _sentence(folded, start, end)
    return _OTHER_DEALS.search(f"{before} {after}") is not None


def _passing(text: str, start: int) -> bool:
    """Past the middle of the story (title and body) and below its leading paragraphs: where
    background goes."""
    breaks = len(_PARAGRAPH_BREAK.findall(text, 0, start))  # the first ends the title
    return start > len(text) / 2 and breaks > LEADING_PARAGRAPHS


def _setting(actor: Actor, folded: str, start: int, end: int, leading: bool = False) -> bool:
    """The name is where others met ("on the ADMM-Plus sidelines"), or, for a bloc, what a state
    belongs to or joins, the states it is made of, or, when the title and lead do not name it
    (`leading`), what one state hopes to draw closer to."""
    before = _behind(folded, start)
    if actor.type != "state" and (
        _VENUE_BEFORE.search(before) or _VENUE_AFTER.match(folded, end, end + 30)
    ):
        return True
    if actor.type == "igo" and (_LAW_AFTER.match(folded, end) or _FORUM_BEFORE.search(before)):
        return True  # "UN Security Council resolutions", "support in the UN Security Council"
    if actor.type == "framework" and (
        _MEMBERSHIP_BEFORE.search(before) or _MEMBERSHIP_AFTER.match(folded, end)
    ):
        return True  # "its bid to join the RCEP": what a state joins
    if actor.type == "framework" and _REVIEWED_BEFORE.search(before):
        return True  # "discussed the early review of AITIGA": the topic of others' talks
    return actor.type == "bloc" and (
        # "joined ASEAN", not "joined the ASEAN-China foreign ministers' meeting"
        bool(
            (
                _MEMBERSHIP_BEFORE.search(before)
                or (_CHAIRED_BEFORE.search(before) and not _AS_CHAIR_BEFORE.search(before))
            )
            and not _PAIR.match(_after_name(folded, end))
            and not _SIDE_AFTER.match(folded, end)
            and not _ALL_MEMBERS_BEFORE.search(before)
        )
        or bool(_INTEGRATION_BEFORE.search(before))
        # "support for Timor-Leste's ASEAN membership": what the state joins
        or bool(_MEMBERSHIP_AFTER.match(folded, end))
        or (not leading and bool(_ASPIRED_BEFORE.search(before)))
        or bool(_OWNED_BEFORE.search(before))
        or bool(_members(folded, start, end) or _STOCK_AFTER.match(folded, end))
        or _topic(folded, start, end)
    )


def _topic(folded: str, start: int, end: int) -> bool:
    """The name is one side of a pair ("ASEAN-China relations") that a preposition makes the
    topic of something else."""
    after = _after_name(folded, end)
    before = _behind(folded, start)
    if not _PAIR.match(after):
        pair = _PAIR_BEFORE.search(before)
        if pair is None or not _PAIR_SECOND.match(after):
            return False
        before = before[: pair.start()]
    elif _EXERCISE_AFTER.match(after):
        return False  # "the second edition of the ASEAN-India Maritime Exercise": both sail in it
    return bool(_TOPIC_BEFORE.search(before))


_EXERCISE_AFTER = re.compile(
    rf"{_PAIR_HEAD}(?:(?:maritime|naval|military|joint)\s+)*(?:exercises?|drills)\b"
)


def _named_for(text: str, start: int, end: int) -> bool:
    """A person's name begins the name of a place or a prize: "the Hassanal Bolkiah Trophy". In
    a title, whose every word is capitalised, only a name the body also prints."""
    found = _NAMED_FOR.match(text, end)
    if found is None:
        return False
    title_end = text.find("\n")
    if 0 <= title_end < start:
        return True
    return title_end >= 0 and text.find(text[start : found.end()], title_end) >= 0


def _inside_name(text: str, start: int) -> bool | None:
    """Whether a capitalised word right before the name makes it part of another name: True for a
    state body ("Statistics Indonesia", "Bank Indonesia"), False for a company or an organisation
    ("JTI Philippines"), None when the name stands alone. The title line, in title case, is left
    out."""
    if _CENTRAL_BANK_BEFORE.search(text[max(0, start - 30) : start].lower()):
        return True  # "Bangko Sentral ng Pilipinas", "the Central Bank of the Philippines"
    if text.startswith("Bank of ", max(0, start - 8)) and _CENTRAL_BANK_OF.match(text, start):
        return True  # "the Bank of Korea", not the commercial "Bank of China"
    if _BODY_NAME_BEFORE.search(text, max(0, start - 60), start):
        return True  # "the Civil Aviation Authority of Singapore"
    if _ORGANISATION_BEFORE.search(text, max(0, start - 60), start):
        return False  # "the Squash Racquets Association of Malaysia": not the state's
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return None
    # from the line break on, so that a name opening the line ("JTI Philippines") is read too
    found = _WORD_BEFORE.search(text, max(line_start - 1, start - 40), start)
    if found is None:
        return None
    word, at = found.group(1), found.start(1)
    if word.lower() in _NOT_A_NAME or word.endswith("."):
        return None  # a common word, or the end of the sentence before
    if word.lower() in _STATE_BODIES:
        return True  # "Statistics Indonesia", wherever the sentence starts
    first = at == line_start or text[max(line_start, at - 2) : at].strip() in {
        ".",
        "!",
        "?",
        '"',
        "-",
        ":",
    }
    if first and not (word.isupper() and len(word) > 1):
        return None  # a sentence's first word ("Neighbouring Malaysia"), unless an acronym
    return word.lower() in _STATE_BODIES


# A minister by portfolio and name, with no state before the title: "Transport Minister Anthony
# Loke", "Deputy Prime Minister Datuk Seri Fadillah Yusof", "the Minister of Transport and
# Infocommunications said".
_MINISTER_NAMED = re.compile(
    # the head of state by title alone, in the home press: "HH the Amir", "His Majesty the King"
    r"\b(?:HH|HM|His Highness|His Majesty|Her Majesty)\s+the\s+(?:Amir|Emir|King|Sultan|Queen)\b"
    r"(?!\s+of\b|['’]s\s+[A-Z\d])|"  # not a trophy: "His Majesty the King's Cup"
    r"(?<![\w'’-])(?:(?:Deputy|Senior|Acting|First|Second)\s+)?"
    r"(?:Prime\s+Minister|(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4}Minister)\s+"
    r"(?:(?:Datuk|Dato'?|Datin|Seri|Sri|Tan|Dr\.?|Gen\.?|Pehin|Haji|Hajah|Awang|Dame|Sir)\s+)*"
    r"[A-Z][a-z]+"
    r"|\b[Tt]he\s+(?:(?:Deputy|Union|Federal)\s+)?Minister\s+(?:of|for)\s+[A-Z]"
    # its ministry by portfolio: "the Plantation and Commodities Ministry", "the Ministry of Health"
    r"|\b[Tt]he\s+(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4}Ministry\b|\b[Tt]he\s+Ministry\s+of\s+[A-Z]"
)
# on the same line: "...detained off Terengganu\nThe Ministry of Foreign Affairs" is not Malaysia's
_OWNER_BEFORE = re.compile(r"(?:['’]s?)?[^\S\n]*(?:the\s+)?\Z")
# A minister by portfolio alone: "The Youth and Sports Minister, who presented the trophies, said",
# "attended by a deputy minister of education and sports".
# Whose, where another state's officials are in the story, the text does not say.
_MINISTER_UNNAMED = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4}Minister\b(?!\s+[A-Z])"
    r"|\b(?:[Tt]he|[Aa])\s+(?:(?:deputy|vice)\s+)?minister\s+(?:of|for)\s+[a-z]"
)


def _home_minister(
    text: str, mentions: list[Mention], pattern: re.Pattern[str] = _MINISTER_NAMED
) -> bool:
    """A minister or ministry the home press names without a state: its own (see _MINISTER_NAMED).
    A state or a known person in the match is not unnamed ("Malaysian Transport Minister", "Prime
    Minister Anwar Ibrahim")."""
    ends = {m.end for m in mentions}
    for found in pattern.finditer(text):
        at = found.start()
        owner = _OWNER_BEFORE.search(text, max(0, at - 12), at)
        if owner is not None and owner.start() in ends:
            continue  # "China's Commerce Minister Wang Wentao"
        if any(at <= m.start < found.end() for m in mentions):
            continue
        return True
    return False


# A leader by title alone: "The Prime Minister will make an official visit to India", "His
# Majesty received the credentials", "the Foreign Minister will lead the delegation".
_HOME_TITLE = re.compile(
    r"\b[Tt]he\s+(?P<title>(?:State\s+)?President|Prime\s+Minister|Premier|King|Sultan|Amir|Emir|"
    r"Foreign\s+Minister|prime\s+minister|foreign\s+minister)\b(?!\s+(?:of\b|[A-Z])|['’]s\s+[A-Z\d])"
    r"|\b(?P<majesty>His\s+Majesty)\b(?!\s+[A-Z]|\s+the\s+\w+['’]s\s+[A-Z\d])"
)


def _home_title(text: str, folded: str, mentions: list[Mention], home: str) -> bool:
    """The home press's own leader by title alone, before any other state's holder of that title
    is named: "The Prime Minister will visit India ... his Indian counterpart" is the home state's;
    after "Indonesia's Foreign Minister", "the Foreign Minister" is Indonesia's again, and so is any
    title after "the country's"."""
    ends = {m.end: m.actor for m in mentions}
    for found in _HOME_TITLE.finditer(text):
        title = " ".join((found.group("title") or found.group("majesty")).split()).lower()
        for earlier in re.compile(rf"\b{title}\b").finditer(folded, 0, found.end()):
            owner = _OWNER_BEFORE.search(folded, max(0, earlier.start() - 12), earlier.start())
            actor = ends.get(owner.start()) if owner is not None else None
            if (actor is not None and actor != home) or folded.endswith(
                "country's ", 0, earlier.start()
            ):
                break
        else:
            return True
    return False


# A state's agency by its own name, with no state in it: "the Laguna Lake Development Authority
# (LLDA)", "the Board of Investments", "the city's Department of Tourism", "the Games and
# Amusements Board". A news, travel or press agency and a company's board are no such body.
_NAMED_BODY = re.compile(
    # within a line: "...from China, Taiwan\nThe Department of Foreign Trade" is no Taiwanese body
    r"\b(?:[A-Z][\w'’&-]*[^\S\n]+(?:(?:of|for|and|on)[^\S\n]+)?){1,6}"
    r"(?:Authority|Agency|Department|Directorate|Bureau|Commission|Board)\b"
    r"|\b(?:Authority|Department|Directorate|Bureau|Commission|Board)\s+(?:of|for|on)\s+[A-Z]"
    # Cambodia's and Timor-Leste's: "the State Secretariat of Civil Aviation", "the Secretariat of
    # State for Vocational Training"
    r"|\bState\s+Secretariat\s+(?:of|for)\s+[A-Z]|\bSecretariat\s+of\s+State\s+(?:of|for)\s+[A-Z]"
)
_NOT_A_BODY = re.compile(
    r"\b(?:News|Press|Travel|Advertising|Talent|Ratings?|Credit)\s+Agency\b"
    r"|\bBoard of (?:Directors|Trade)\b"
)
_ACRONYM_FIRST = re.compile(r"[A-Z]{2,4}\s")  # another organisation's body: "the AU Commission"


def _named_body(text: str, mentions: list[Mention], home: str) -> bool:
    """One of the home state's agencies by its own name (_NAMED_BODY), naming no other state or
    bloc ("the Laguna Lake Development Authority" names a Philippine province)."""
    for found in _NAMED_BODY.finditer(text):
        name = found.group().removeprefix("The ")
        if _NOT_A_BODY.search(text, found.start(), found.end() + 12) or _ACRONYM_FIRST.match(name):
            continue
        if any(
            m.start < found.end() and found.start() < m.end and m.actor != home for m in mentions
        ):
            continue  # another's: "the European Commission", "the Thai Trade Commission"
        return True
    return False


_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")


def _unnamed_official(folded: str, states: list[Mention]) -> bool:
    """An official body that acts without its state's name ("the police said", "the Ministry of
    Health", "the central bank") is the home state's."""
    ends = {m.end for m in states}
    starts = {m.start for m in states}
    for found in _UNNAMED_OFFICIAL.finditer(folded):
        if any(m.start < found.end() and found.start() < m.end for m in states):
            continue  # "the Thai government"
        owner_after = _OWNER_AFTER.match(folded, found.end())
        if owner_after is not None and owner_after.end() in starts:
            continue  # "the Government of Japan"
        if not found.group()[0].isalpha():
            return True  # at a sentence's or a line's start: no state before it owns it
        owner = _OWNER_BEFORE.search(folded, max(0, found.start() - 8), found.start())
        if owner is not None and owner.start() in ends:
            continue  # "Japan's foreign ministry", "China the government"
        return True
    return False


_REGIONAL_BODY = (
    r"government|authorities|administration|governor|chief minister|menteri besar|"
    r"people's committee|people's government|party committee|party secretary|leaders|officials|"
    r"immigration|police|customs|tourism board|parks|border guards?|"
    r"(?:border guard|border defen[cs]e|military) (?:command|forces?)"
)
_REGIONAL_GOVERNMENT_AFTER = re.compile(
    r"^(?:'s?)?\s+(?:(?:province|state|prefecture|region|autonomous region|island)\s+)?"
    r"(?:(?:provincial|state|prefectural|regional|city|metropolitan|municipal|local|party)\s+)?"
    rf"(?:{_REGIONAL_BODY}|assembly)\b"
)
_REGIONAL_GOVERNMENT_BEFORE = re.compile(
    rf"\b(?:{_REGIONAL_BODY})\s+of\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:(?:province|state|prefecture|region)\s+of\s+)?$"
)


def _region(m: Mention, gazetteer: Gazetteer) -> bool:
    """The mention names one of the state's provinces or states ("Yunnan", "Sabah")."""
    return _named_by(gazetteer.actors[m.actor], m.text, "regions")


def _body(m: Mention, gazetteer: Gazetteer) -> bool:
    """The mention names one of the state's own official bodies ("JICA", "OJK")."""
    return _named_by(gazetteer.actors[m.actor], m.text, "bodies")


def _capital(m: Mention, gazetteer: Gazetteer) -> bool:
    return _named_by(gazetteer.actors[m.actor], m.text, "metonyms")


@lru_cache(maxsize=16384)
def _named_by(actor: Actor, text: str, kind: str) -> bool:
    """Whether `text` is one of the actor's names of that kind (its `regions` or `metonyms`);
    cached, as the same names come back in every article."""
    return fold(text) in {fold(name) for name in getattr(actor, kind)}


# A province or state agreeing with another or with a state: its government signs ("Fukuoka,
# Vietnam sign pact on worker recruitment", "Sarawak and Brunei agreed on a joint study", "Yunnan,
# Laos step up customs facilitation").
_REGION_AGREES_AFTER = re.compile(
    r"^(?:,?\s+(?:and\s+)?(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)?,?\s+(?:have\s+|has\s+)?"
    r"(?:agree|agrees|agreed|sign|signs|signed|ink|inks|inked|seal|seals|sealed|step up|steps up|"
    r"stepped up|hold talks|held talks)\b"
)


def _regional_government(folded: str, start: int, end: int) -> bool:
    return bool(
        _REGIONAL_GOVERNMENT_AFTER.match(_ahead(folded, end))
        or _REGIONAL_GOVERNMENT_BEFORE.search(_behind(folded, start))
        or _REGION_AGREES_AFTER.match(_ahead(folded, end))
    )


def demonym_form(m: Mention, gazetteer: Gazetteer) -> str | None:
    """'adjective' for "Chinese" (a party only with an official body after it: "Chinese
    officials", not "support for Palestinian independence"), 'people' for "Filipinos"."""
    aliases, demonyms, peoples = _names(gazetteer.actors[m.actor])
    name = fold(m.text)
    if name in aliases:
        return None  # "Laos", "the Philippines": names, though "Lao" is a demonym
    if name in demonyms:
        return "adjective"
    return "people" if name in peoples else None


@lru_cache(maxsize=4096)
def _names(actor: Actor) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """An actor's folded aliases, demonyms and plural demonyms."""
    demonyms = frozenset(fold(d) for d in actor.demonyms)
    peoples = frozenset(d + s for d in demonyms for s in ("s", "es"))
    return frozenset(fold(a) for a in actor.aliases), demonyms, peoples


def _needs_evidence(actor: Actor) -> bool:
    """States, blocs, international organisations and frameworks can be named as a place, a venue
    or a background ("the ASEAN chair", "forums such as the UN", "the upgraded ACFTA is expected to
    boost trade"); an official body is a party whenever it is named."""
    return actor.type in {"state", "bloc", "igo", "framework"}


def _with_partners(actor: Actor) -> bool:
    """A framework of ASEAN with partners (ARF, EAS, RCEP, ACFTA): its meeting is a relation with
    them; an ASEAN-only meeting ("on the sidelines of the ASEAN Summit") may be only a venue."""
    return actor.type == "framework" and bool(actor.partners or actor.involves)


def _forum_members(folded: str, start: int, forums: list[int]) -> bool:
    """The list names the members of a framework with partners: the framework, or "the agreement"
    in a story that names one, is the subject of _GROUPS."""
    if not forums:
        return False
    before = re.split(r"[.;!?]\s", _behind(folded, start, 240))[-1]
    found = _GROUPS.search(before)
    if found is None:
        return False
    subject = before[: found.start()]
    begins = start - len(before)
    return any(begins <= f < begins + len(subject) for f in forums) or bool(
        _GROUP_NOUN.search(subject)
    )


def _lists(states: list[Mention], folded: str) -> list[list[Mention]]:
    """Mentions grouped into lists joined by commas and "and"."""
    chains: list[list[Mention]] = []
    for m in states:
        if chains and _LIST_JOIN.match(folded[chains[-1][-1].end : m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    return chains


def _sentence(folded: str, start: int, end: int) -> tuple[str, str]:
    """This sentence's words before start and from end on."""
    before = re.split(r"[.;!?]\s", _behind(folded, start, _WINDOW * 2))[-1]
    after = re.split(r"[.;!?](?:\s|$)", _ahead(folded, end, _WINDOW * 2))[0]
    return before, after


_SENTENCE_END = re.compile(r"[.;!?]\s|\n")
# The title line and the body's first sentence (the whole text when there is none).
# What makes a party only on a weak sign: a verb, a relation word, a forum or meeting it is at,
# its own name in a compound, or, for the home state, an official body acting unnamed.
WEAK_EVIDENCE = frozenset({"acts", "relation", "own", "forum", "meeting", "sign", "home"})

LEAD = re.compile(r"\n[^\n]*?[.!?](?:\s|$)|$")


def _sport(before: str, after: str, folded: str) -> bool:
    """The sentence around a name is about a match; in a story about sport (see _sport_story), one
    word of a match is enough ("Thailand's bid for a third straight regional title")."""
    around = _whole_words(before, after)
    if _SPORT_STRONG.search(around):
        return True
    weak = len(set(_SPORT_WEAK.findall(around)))
    return weak >= 2 or (weak == 1 and _sport_story(folded))


def _whole_words(before: str, after: str, size: int = _WINDOW) -> str:
    """Up to `size` characters each side of a name, without the words the cut splits: "about" cut
    to "bout" is no boxing match."""
    left, right = before[-size:], after[:size]
    if len(before) > size and before[-size - 1].isalnum():
        left = left.partition(" ")[2]
    if len(after) > size and after[size].isalnum():
        right = right.rpartition(" ")[0]
    return left + " " + right


@lru_cache(maxsize=4)
def _sport_story(folded: str) -> bool:
    """Three sentences or more about a match: the story is about sport. Cached: asked once per
    sentence with a single word of a match, for the article being read."""
    hits = [m.start() for m in _SPORT_STRONG.finditer(folded)]
    if len(hits) < 3:
        return False  # most stories: no sentence need be read
    ends = [m.start() for m in _SENTENCE_END.finditer(folded)]
    return len({bisect.bisect(ends, at) for at in hits}) >= 3


_WELCOMED_MEMBER = re.compile(
    r"(?:'s?\s+(?:formal\s+)?(?:admission|accession|membership|entry|participation)\b"
    r"|,?\s+(?:as|which)\b[^,.;]{0,60}?\b(?:member|admitted|accession)\b)"
)


# What travels between two states: routes, not a relation between them.
_TRAVEL_BEFORE = re.compile(
    r"\b(?:flights?|routes?|services|connections|choices|travel|travell?ers|passengers|trips|"
    r"tourists|visitors|cargo|shipping|ferries|ferry)\s+(?:[\w-]+\s+){0,2}$"
)


def _before(before: str, after: str) -> str | None:
    """Right before the name (or the first of its list), given the sentence's words before and
    after it: an official body, or the host or chair of a meeting ("acting"), or a word of a
    relation ("relation")."""
    tail = before[-_WINDOW:]
    official = _OFFICIAL_BEFORE.search(tail)
    if official is not None and _PAST.intersection(tail[: official.start()].split()[-1:]):
        return None  # "a former president of Nauru": a past office
    if official is not None:
        # "business delegations from Japan": companies, not the state; "trade officials from
        # Chile" are the state's
        business = _BUSINESS_BEFORE.search(tail[: official.start()])
        if business is not None and not (
            business.group(1) in _PORTFOLIO_WORDS and _GOVERNMENT_STAFF.match(official.group())
        ):
            return None
        return "acting"
    found = _RELATION_BEFORE.search(tail)
    if found is None:
        return "acting" if _CHAIRED_WITH.search(before) or _CHAIR_NAMED.search(tail) else None
    if _HOST_BY.match(found.group()):
        if _GAMES_HOSTED.search(tail):
            return None  # "the 2023 SEA Games hosted by Cambodia": where they were played
        return "acting"  # "a meeting hosted by Laos", "co-chaired by the Philippines"
    phrase = found.group().split()
    word = phrase[0]
    if word == "between":
        if _TRAVEL_BEFORE.search(tail, 0, found.start()):
            return None  # "more choices between the Republic of Korea and Vietnam": routes
        return "relation" if _RELATION_WORDS.search(before + " " + after) else None
    words = tail[: found.start()].split()[-6:]
    # "similar agreements with the United States", "following ones with Australia", "after those
    # with Britain": a relation of another time or place, given for comparison; "The EU has
    # bilateral FTAs in force with Singapore": what a state already has. Neither is the relation
    # reported.
    if (
        "with" in phrase
        and (
            _COMPARISON.intersection(words[-3:])
            or words[-2:] in (["after", "those"], ["like", "those"], ["following", "those"])
            # "after those concluded with Australia": another pact, for comparison
            or (
                words[-3:-1] in (["after", "those"], ["like", "those"]) and words[-1].endswith("ed")
            )
            or _POSSESSED.search(before)
        )
    ):
        return None
    if word == "with" and _BORDER_WITH.search(" ".join(words)):
        return None  # "its border with Cambodia", "border trade with China": where, not who
    if word in {"with", "among", "against"}:  # "an agreement with", not "trade with"
        return "relation" if _RELATION_WORDS.search(" ".join(words)) else None
    # "welcomed Timor-Leste as the bloc's newest member", "welcomed Timor-Leste's admission": its
    # membership, as "joined ASEAN" is, not the state acting
    welcomed = word in {"welcomed", "welcomes"} and _WELCOMED_MEMBER.match(after)
    # "visitors rose 6%, led by Malaysia": the first of a market's ranks, not a leader
    ranked = word == "led" and _RANKED_BEFORE.search(tail[: found.start()])
    return None if welcomed or ranked else "relation"


# Teams at a sporting event, named by where they come from.
_TEAM_FROM = re.compile(r"\b(?:contingents?|delegations?|delegates)\s+from\s+(?:the\s+)?$")
_ENTRANTS = re.compile(
    r"\b(?:participants|athletes|runners|players|competitors|entrants|riders|swimmers|cyclists)\b"
)
_GAMES_HOSTED = re.compile(
    r"\b(?:games|cup|championships?|tournament|olympics|marathon)\s+"
    r"(?:(?:was|were|will be|to be|being)\s+)?(?:co-)?hosted by\s+(?:the\s+)?$"
)
_BORDER_WITH = re.compile(
    r"\bborders?(?:\s+(?:trade|posts?|crossings?|gates?|"
    r"checkpoints?|areas?|towns?|provinces?|districts?|regions?))?$"
)
_RANKED_BEFORE = re.compile(
    r"(?:%|percent|per cent|\d|\b(?:rose|risen|rising|fell|fallen|falling|grew|grown|growth|"
    r"increased?|declined?|jumped|surged|dropped|climbed|arrivals|visitors|exports|imports))"
    r"(?:\s+[\w'-]+){0,3}\W{0,3}$"  # "foreign visitors for Songkran, led by China"
)


def _gathered(folded: str, start: int) -> str | None:
    """The states are named as the parties of a meeting or a grouping, and not as the origin or
    place of something else ("exhibitors from China"): of the meeting reported ("reported": "the
    meeting was attended by", "brought together") or of a standing grouping ("standing": "the
    ADMM-Plus brings together", "partners including Japan")."""
    # The sentence's words before the name, over twice the usual reach: a long list of who came may
    # put the gathering far back ("brought together the defence ministers of ASEAN member states and
    # their counterparts from the eight Plus countries, including Australia").
    before = re.split(r"[.;!?]\s", _behind(folded, start, _WINDOW * 4))[-1]
    found = _GATHERING.search(before)
    if found is None or _word_before(folded, start) in _PREPOSITIONS - {"of"}:
        return None
    return "reported" if _REPORTED_GATHERING.search(found.group()) else "standing"


def _word_before(folded: str, start: int) -> str | None:
    """The word right before a name, past "the" and a part of the compass ("to the Philippines",
    "in southern Vietnam": "to", "in")."""
    words = _behind(folded, start, 30).split()
    if words and words[-1] in _COMPASS:
        words = words[:-1]  # "in southern Vietnam": "in"
    if words and words[-1] == "the":
        words = words[:-1]
    return words[-1] if words else None


_COMPASS = _words(
    "southern northern eastern western central south-eastern south-western north-eastern "
    "north-western southeastern southwestern northeastern northwestern"
)


def _after_name(folded: str, end: int) -> str:
    """The text after a name, past a short name in brackets ("Gulf Cooperation Council (GCC)")."""
    after = _ahead(folded, end, _WINDOW + 16)
    found = _ACRONYM.match(after)
    return after[found.end() :] if found else after[:_WINDOW]


_TIES_NEXT = re.compile(r"\s+(?:relations|ties)\b")
# The government itself, not a team's delegation, side or officials.
_GOVERNMENT = frozenset(
    ("government", "ministry", "ministries", "minister", "ministers", "president", "prime minister")
)


def _government_after(folded: str, end: int) -> bool:
    found = _OFFICIAL_AFTER.match(_ahead(folded, end))
    return found is not None and found.group("body") in _GOVERNMENT


# What a side of a match shows: a verb, a relation word, its own name in a compound.
_SIDE_SIGNS = frozenset({"acts", "relation", "own"})
# Bodies in the plural: several states' ("the Thai and Cambodian governments").
_PLURAL_BODIES = _words("governments navies militaries armies coastguards") | {"coast guards"}
# What a team has as a state has: in a story about sport, the team's.
_TEAM_BODIES = _words("delegation delegates side contingent")


# "on the Thai side": the name, one word, right after "on the"
_ON_THE = re.compile(r"on the \S+$")


def _official_after(text: str, folded: str, end: int, listed: bool = False) -> bool:
    """An official body right after the name ("the Thai government", "Japan's foreign ministry"),
    with no capitalised word between them: "Malaysian Furniture Council" is an association.
    Read a little further than other cues: "Malaysia's Natural Resources and Environmental
    Sustainability Ministry"."""
    found = _OFFICIAL_AFTER.match(_ahead(folded, end, _WINDOW + 20))
    if found is None or folded.endswith("chef de ", 0, end + found.start("body")):
        return False  # a team's "chef de mission"
    if found.group("body") in _PLURAL_BODIES and not listed:
        # "ASEAN governments" are its members', not the bloc's; "the Thai and Cambodian
        # governments" are the two states'
        return False
    if found.group("body") == "official" and folded.startswith(" development", end + found.end()):
        return False  # "Japanese official development assistance": aid, named as its origin
    if found.group("body") == "diplomatic" and _TIES_NEXT.match(folded, end + found.end()):
        return False  # "Vietnam and Morocco established diplomatic relations": a relation, no body
    at = end + found.start("body")
    if found.group("body") == "side" and _ON_THE.search(_behind(folded, end)):
        return False  # "Mae Sot, on the Thai side of the border": where, not who
    if found.group("body") in _TEAM_BODIES and _sport_story(folded):
        return False  # "Timor-Leste's largest-ever delegation" to the Games: a team
    if found.group("body") == "agency" and _TRADE_AGENCY.search(folded, max(0, at - 30), at):
        # "Indonesia's Antara news agency reported": the press; "a Vietnamese event agency": a firm
        return False
    if found.group("body") == "command" and not text[end + found.start("body")].isupper():
        return False  # "Lao coffee can command better prices": a verb, not a Theater Command
    between = [w.rstrip(",") for w in text[end : end + found.start("body")].split()]
    if (
        found.group("body") == "court"
        and between
        and between[-1].endswith("s")
        and between[-1].lower() not in _COURT_PLURALS
    ):
        return False  # "Indonesian furniture makers court US buyers": a verb
    # "Vietnam's National Statistics Office" is the state's own, "Malaysian Furniture Council" not
    named = bool(between) and between[0] in {"'s", "\u2019s", "'", "\u2019"}  # "Laos' ..."
    # ..., and so is "Vietnam's industry and trade ministry" ("Malaysian Investment, Trade and
    # Industry Minister"), an "and" between portfolios (not "Vietnam's exporters and Chinese
    # officials")
    portfolios = between[1:] if named else between
    if (
        named
        and found.group("body") in {"minister", "ministry", "ministers"}
        and all(w[0].isupper() or w.lower() in _PORTFOLIOS or w == "and" for w in portfolios)
    ):
        return True  # "Malaysia's Energy Transition and Water Transformation Minister"
    if "and" in portfolios[1:-1]:
        return all(w.lower() in _PORTFOLIOS or w == "and" for w in portfolios)
    return not any(
        (w[0].isupper() and w.lower() not in _PORTFOLIOS and not named) or w.lower() in _NOT_BETWEEN
        for w in between
    )


# A pair that names a place or an institution ("the Vietnam-Germany Friendship Hospital", "the
# Thai-Japanese Friendship Association"): read in the text as written, capitalised.
_INSTITUTION = (
    r"(?:[A-Z][\w'-]*\s+)*(?:Hospital|School|University|College|Park|Bridge|Road|Street|Avenue|"
    r"Centre|Center|Association|Society|Foundation|Institute|Hall|Building|Tower|Museum|Stadium|"
    r"Airport|Port|Railway|Highway|Village|Garden|Gardens|Club|Chamber|Cup|Trophy|Games|"
    r"Festival)\b"
)
# A place or a prize named after a person, right after the person's name.
_NAMED_FOR = re.compile(
    r"[^\S\n]+(?:[A-Z][\w'-]*[^\S\n]+){0,2}(?:Trophy|Cup|Stadium|Hall|Building|Road|Street|"
    r"Avenue|Bridge|Hospital|School|University|College|Park|Airport|Mosque|Foundation|Awards?|"
    r"Prize|Scholarship)\b"
)
_PAIR_NAMED = re.compile(rf"-\s*[\w.' ]{{2,30}}?\s+{_INSTITUTION}")
_NAMED_AFTER = re.compile(rf"\s+{_INSTITUTION}")


_TITLE_START = re.compile(r"\s*(?:\([^()\n]{1,12}\)\s*)?")
_TITLE_TO = re.compile(rf"^\s+to\s+(?:\w+ly\s+)?(?:{_ACTS})\b")
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:an?|the)\s+(?:eventual|possible|potential|future|prospective|hypothetical)\s+$"
)


def _acts(text: str, folded: str, start: int, end: int) -> bool:
    """The name (or the last of a list) as one side of a pair ("Vietnam-Japan relations", not the
    "Vietnam-Germany Friendship Hospital"), or as the subject of a verb of state action (not after
    a preposition: "exports to China will rise")."""
    after = _after_name(folded, end)
    if _PAIR.match(after):
        if _HYPOTHETICAL_BEFORE.search(folded, max(0, start - 30), start):
            return False  # "an eventual ASEAN-EU free trade agreement": a pact no one has made
        if _RIVALRY.match(after) and _BACKGROUND_WORD.search(folded, max(0, start - 40), start):
            return False  # "amid US-China rivalry": the setting of the story
        return not _PAIR_NAMED.match(text, end)
    clause = _ahead(folded, end, _WINDOW * 2)  # room for ", which joined ASEAN in 2025,"
    if clause.startswith(",") and _RELATIVE_OPEN.search(folded, max(0, start - 80), start):
        return False  # "Kazakhstan, which borders China and Russia, has sought": Kazakhstan's verb
    if _RELATIVE_ACTS.match(clause):
        return True  # "to Bangladesh, which will host the next summit"
    # "after" starts a clause as often as a phrase: "shortly after Russia and ASEAN agreed".
    word = _word_before(folded, start)
    if word in _MARKET_ADJECTIVES:
        return False
    if text.startswith(",", end) and _ADDRESS_BEFORE.search(text, max(0, start - 60), start):
        return False  # "in Santa Cruz, Manila, on Tuesday opened": a part of an address
    if word in _PREPOSITIONS and word != "after":
        return False
    participle = (word or "").rsplit("-", 1)[-1]
    if _OBJECT_OF.search(participle) and participle not in _NOT_OBJECT_OF:
        return False  # "tourists visiting Vietnam reached 3.6 million": the object of a verb
    found = _ACTS_AFTER.match(clause)
    if found is None and _TITLE_START.fullmatch(folded, 0, start):
        # a headline's future, its subject first: "Russia, ASEAN to mark 30 years" (not "Garuda
        # Indonesia to Resume Jakarta-Amsterdam Flights")
        found = _TITLE_TO.match(clause)
    # "Vietnam welcomed 15.8 million arrivals", "Myanmar exported 2 million tonnes": a figure
    # right after the verb is a market's count, not a state acting.
    if found is None:
        return False
    words = found.group().split()
    verb = words[-1] if words else ""
    if verb in _COUNTING_VERBS and _FIGURE_NEXT.match(clause, found.end()):
        return False
    if verb.startswith("contribut") and _SHARE_COUNTED.match(clause, found.end()):
        return False  # "Australia contributed 160,418 arrivals": a market's share
    if verb in {"demand", "demands"} and _DEMAND_NOUN.match(clause, found.end()):
        return False  # "as US demand softens": the market's demand, not a state demanding
    if verb in _HAVE or (
        len(words) > 1
        and words[-2] in _HAVE
        and not verb.endswith(("ed", "en", "ne"))
        and verb not in _PARTICIPLES
    ):
        return False  # possession ("Vietnam and Brunei have claims"), not an act
    # "Myanmar aims to export over 2.5 million tonnes", "Japan has been our most important market":
    # a market's target or role, not a state acting.
    return not (
        (verb in _AIMING_VERBS and _COUNT_AIMED.match(clause, found.end()))
        or (verb in _COPULAS and _MARKET_ROLE.match(clause, found.end()))
    )


def _own(text: str, folded: str, start: int, end: int) -> bool:
    """The name's own official body, position or relation: "Japan's foreign ministry",
    "Russia's stance", "Vietnam-Japan relations"."""
    after = _ahead(folded, end)
    if _OWN.match(after) or (
        _official_after(text, folded, end) and not _market_members(folded, start, end)
    ):
        return True
    # the second name of a pair: "Japan" in "Vietnam-Japan relations", not "amid US-China rivalry"
    pair = _PAIR_BEFORE.search(folded, max(0, start - 30), start)
    if pair is None:
        return False
    second = _after_name(folded, end)
    if _RIVALRY_SECOND.match(second):
        return not _BACKGROUND_WORD.search(folded, max(0, pair.start() - 40), pair.start())
    return bool(_PAIR_SECOND.match(second)) and not _NAMED_AFTER.match(text, end)
