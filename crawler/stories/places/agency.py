"""Evidence of agency: the official body after or before a name, the verb it is the subject of, the
relation it is a side of, the meeting it is a party to."""

from __future__ import annotations

import re

from crawler.stories.mentions import GOVERNMENT_IN, SAID_FROM, governs
from crawler.stories.places.context import (
    WINDOW,
    after_name,
    window_after,
    window_before,
    word_before,
    word_set,
)
from crawler.stories.places.setting import PAIR, PAIR_BEFORE, PAIR_HEAD, PAIR_SECOND, market_members
from crawler.stories.places.sport import sport_story

# Bodies and people that act for a state: "Thai officials", "Japan's foreign ministry".
_OFFICIAL = (
    r"government|governments|govt|administration|authorities|authority|officials|official|"
    r"ministry|ministries|"
    r"minister|ministers|president|presidency|presidential|prime minister|pm|premier|king|queen|"
    r"emperor|sultan|monarch|royal|crown prince|leader|leaders|leadership|chancellor|cabinet|"
    r"parliament|lawmakers|legislators|legislator|legislature|senate|congress|national assembly|"
    r"embassy|embassies|"
    r"ambassador|ambassadors|envoy|envoys|consulate|consul|consul general|diplomats|diplomat|"
    r"facilitators?|mediators?|"
    r"undersecretary|under-secretary|undersecretaries|"
    r"diplomatic|delegation|delegates|negotiators|negotiating teams?|negotiation teams?|side|"
    r"counterpart|counterparts|navy|navies|naval|"
    r"coast guards?|coastguards?|military|militaries|army|armies|armed forces|air force|troops|"
    r"forces|soldiers|"
    r"defence|defense|police|customs|immigration|central bank|federal reserve|regulator|regulators|"
    # "a department store" is a shop
    r"state department|foreign office|department(?![- ]stores?\b)|"
    r"spokesperson|spokesman|spokeswoman|junta|regime|"
    r"communist party|party chief|party,\s+state|mission|missions|representative|representatives|"
    r"head of state|state media|foreign(?! (?:tourists?|visitors?|arrivals?|investors?|investment|"
    r"workers?|direct|students?|buyers?|companies|firms|nationals?|interest|demand|capital|"
    r"exchange|currency|currencies|reserves|inflows?|outflows?|funds?|ownership|brands?|goods|"
    r"markets?|shipments?|players?|films?|debt|sources?|suppliers?|rivals?|competitors?|"
    r"contractors?|partners?|lenders?|bidders?))|"
    r"secretary|agency|council|"
    r"commission|commissioner|commissioners|high representative|court|investigators|"
    # "Cambodia's National Committee for Disaster Management", not a sport's "Olympic Committee"
    r"national committee|"
    r"chief adviser|adviser|advisor|bureau|board|office|institute|"
    # a trade ministry's office abroad: "the Indonesian Trade Promotion Center (ITPC) in Osaka"
    r"promotion cent(?:re|er)s?|"
    r"chiefs?(?! (?:executive|economist|operating|financial|investment|technology|strategist|"
    r"editor|scientist|commercial|marketing))|"
    r"election commission|people's congress|mfa|mofa|dfa|kemlu|wisma putra|observers|"
    r"observer teams?|observer missions?|monitors|member states|member countries|"
    r"members|peacekeepers|peacekeeping|command|border force|border guards?|secretariat|"
    # the commanders of two forces ("Thai and Cambodian commanders agreed") and a deployed or
    # serving force's commander ("Australian contingent commander"), not one general of history
    # ("French commander General de Castries")
    r"commanders|(?:contingent|exercise|task force|detachment|field|border|military|naval|army|"
    r"regional|theatre|theater|area)\s+commander|"
    r"marine corps|marines|(?<!fishing )(?<!merchant )(?<!tanker )fleets?|"
    # its forces' craft: "by a Chinese fighter jet", "Chinese warships shadowed the convoy"
    r"warships?|fighter jets?|fighter planes?|fighter aircraft|military aircraft|bombers|"
    r"naval vessels?|naval ships?"
)
_OFFICIAL_AFTER = re.compile(
    # portfolios listed: "Malaysia's Investment, Trade and Industry Minister"
    # a short name in brackets between: "the Pacific Islands Forum (PIF) Secretariat"
    rf"^(?:'s?)?(?:\s+\([\w-]+\))?\s+(?:(?:[a-z][\w-]*,\s+){{0,3}}(?:[a-z][\w-]*\s+)?[a-z][\w-]*\s+and\s+)??"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?P<body>{_OFFICIAL})\b"
    # ... not its people's kin: "British military families", "Thai navy veterans"
    r"(?!\s+(?:families|family|wives|spouses|children|dependants|dependents|veterans|widows|"
    r"retirees)\b)"
)
# A state's own people at work, named before it ("rescue teams from Malaysia"): among the officials
# of _OFFICIAL_BEFORE, and read apart by staffed_before.
_STAFF = (
    r"troops|soldiers|(?:rescue|relief|medical|(?:disaster\s+|emergency\s+)?response) teams?|"
    r"(?:military\s+)?personnel|sailors"
)
_OFFICIAL_BEFORE = re.compile(
    r"\b(?:government|ministry|ministries|minister|ministers|president|prime minister|premier|"
    r"king|queen|sultan|emperor|crown prince|emir|amir|mayor|"
    r"leaders?|ambassadors?|envoys?|embassy|embassies|consulate|consulate[- ]general|"
    r"high commission|"
    r"missions?|delegations?|officials?|authorities|navy|coast guard|military|armed forces|"
    r"high commissioners?|"
    r"police|parliament|foreign ministry|foreign minister|people's republic|republic|kingdom|"
    r"state|states|sovereignty|territory|waters|claims|side|governors?|representatives?|"
    r"chiefs?|chair|chairman|chairwoman|chairperson|secretary[- ]general|"
    # "the top diplomat of Myanmar", "a spokesperson of Cambodia's"
    r"diplomats?|spokesperson|spokesman|spokeswoman|"
    # "Ambassador Extraordinary and Plenipotentiary of the Republic of Ghana"
    r"plenipotentiary|"
    # "the navies of Indonesia, Malaysia...", "the governments of"
    r"governments|navies|coast guards|armed forces|militaries|armies|"
    r"government and people|people and government)"
    # ... before taking office: "Ambassador-designate of the Republic of Chile"
    r"(?:[- ](?:designate|elect))?\s+of\s+"
    r"(?:the\s+)?(?:(?:\d+|ten|eleven|[\w-]+-member)\s+)?$"
    # its authorities where they govern: "Authorities in Myanmar's Myawaddy district handed over",
    # "the interim government in Dhaka" (not one that fell, nor a rule's: see evidence_before)
    rf"|\b(?P<governs>{'|'.join(sorted(GOVERNMENT_IN))})\s+in\s+"
    r"(?:the\s+)?$"
    # a region's government acting for its state: "the government of Ibaraki prefecture in Japan"
    r"|\b(?:government|governor|authorities)\s+of\s+(?:[\w-]+\s+){1,3}"
    r"(?:prefecture|province|state|county)\s+(?:in|of)\s+(?:the\s+)?$"
    # "the city government of Yeosu in South Korea"
    r"|\b(?:city|municipal|provincial|prefectural|local)\s+(?:government|authorities)\s+of\s+"
    r"(?:[\w-]+\s+){1,3}in\s+(?:the\s+)?$"
    # "the Ministry of Education of Timor-Leste", "Minister of Industry and Trade of Vietnam", "the
    # Minister of Agriculture and Food Security of Malaysia"
    r"|\b(?:ministry|ministries|ministers?|department|secretary|office|institute|bureau|"
    r"directorate)\s+of\s+"
    r"(?:[a-z'-]+\s+){1,3}?(?:and\s+(?:[a-z'-]+\s+){1,2}?)?of\s+(?:the\s+)?$"
    r"|\b(?:ministers?|chiefs?|officials?|leaders?|diplomats?|delegates?|delegations?|envoys?|"
    rf"representatives?|negotiators?|counterparts?|{_STAFF}|forces|navies|warships|aircraft|"
    r"participating ships|ships and aircraft|service members|airmen|"
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
    r"took part|take part|taking part|participated|participating|"
    r"hit with|brought in|brings in|attaches|attached|attach|"
    r"revive|revives|revived|bring back|brings back|brought back|"
    # a measure aimed at the state: "Malaysia is facing a 25% tariff from Aug. 1"
    r"fac(?:e|es|ed|ing)\s+(?:an?\s+|the\s+)?(?:[\w%.$-]+\s+){0,3}?"
    r"(?:tariffs?|sanctions|duties|levies|curbs|restrictions|embargo)|"
    # the years of a relation, not a national day: "Russia and ASEAN will celebrate the 30th
    # anniversary of their dialogue partnership"
    r"(?:celebrat|commemorat|mark)(?:e|es|ed|s|)\s+(?:the\s+)?[\w-]+\s+(?:years?|anniversary)\s+of\s+"
    r"(?:their\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:ties|relations|partnership|friendship|dialogue)|"
    r"seized|seizes|argued|argues|wanted|"
    # a stand taken, not a price or a market holding steady ("Vietnam stood firm at $365",
    # "Singapore stood firm, while")
    r"(?:stood|stand|stands)\s+firm(?!\s*(?:,|\.|at\b|on\s+the\s+back\b))|"
    # "China and the Southeast Asian grouping have made \"positive and substantive progress\""
    r"(?:made|make|makes|making)\s+[\"“]?(?:[\w-]+\s+){0,3}?(?:progress|headway|strides)|"
    r"arrested|detained|confirmed|confirms|push|pushed|pushes|pressed|presses|raised|raises|voiced|"
    r"voices|assured|assures|reassured|promised|promises|declared|declares|designated|"
    r"classified|classifies|categorised|categorized|blacklisted|blacklists|updated|updates|"
    r"revised|revises|allowed|"
    r"allows|blocked|blocks|barred|bars|restricted|restricts|released|releases|freed|returned|"
    r"returns|intercepted|patrolled|fired|attacked|struck|invaded|annexed|occupied|mobilised|"
    r"mobilized|vetoed|vetoes|abstained|co-sponsored|sponsored|tabled|submitted|submits|acceded|"
    r"initialled|initialed|extended|extends|renewed|renews|strengthened|bolstered|reinforced|"
    r"enhanced|earmarked|allocated|funded|funds|co-fund|co-funds|co-funded|financed|"
    r"suggested|"
    r"recommended|requested|requests|nominated|elected|objected|objects|refused|refuses|"
    r"declined|declines|dismissed|dismisses|disputed|disputes|contested|asserted|asserts|"
    r"clarified|explained|hit back|hits back|weighed|weighs|studied|reviewed|reviews|examined|"
    r"explored|explores|looked into|looks into|"
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
    r"dispatches|airlifted|airlifts|flew in|flies in|handed over|hands over|"
    r"deployed|deploys|deploy|imposed|imposes|impose|lifted|lifts|lift|sanctioned|"
    r"sanctions|approved|approves|approve|ratified|ratifies|ratify|voted|voting|"
    r"votes|vote|seeks|sought|seek|wants|want|plans|planned|plan|intends|aims|aim|is ready|are "
    r"ready|was ready|were ready|stands ready|stand ready|stood ready|is willing|are willing|"
    r"eyes|eyed|eye|mulls|mulled|mull|"
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
    r"co-chaired|co-chairs|chaired|chairs|assumed|assumes|took over|attending|"
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
    rf"{{0,3}}(?:{_ACTS}"
    # two sides or more nearing a deal, in a headline's words: "Asean, India inch forward on goods
    # pact review" (one state alone is as often an economy: "Thailand edges closer to recession")
    r"|(?P<nearing>(?:inch|inches|inched|inching|edge|edges|edged|edging|move|moves|moved|moving|"
    r"step|steps|stepped)\s+(?:forward|closer|nearer)\s+(?:on|to|toward|towards|in|over|with)\s+"
    r"(?:an?\s+|the\s+|their\s+)?(?:[\w.-]+\s+){0,4}?(?:deals?|pacts?|agreements?|accords?|"
    r"treat(?:y|ies)|talks|reviews?|ftas?|cepa|coc|code of conduct|defa|upgrade|protocols?|"
    r"partnerships?|ties|negotiations|settlements?|truces?|ceasefires?|peace|cooperation|"
    r"frameworks?|roadmaps?)))\b"
    r"|^(?:\s+(?:economies|nations|countries|states|members|member states|governments))?"
    # initials in brackets, when they are the name's: "the Gulf Cooperation Council (GCC) will
    # look into" (not a ticker, "Vale Indonesia (INCO) will build", nor a figure)
    r"(?:\s*\((?P<abbr>[a-z][a-z&. -]{1,9})\))?"
    r"\s+(?:\w+ly\s+)?(?:will|would|should|must|can|could|shall|may|might|is to|are to|is set to|"
    r"failed to|fail to|fails to|"
    r"are set to|is going to|has to|have to|needs to|need to|"
    r"(?:is|are|was|were|stands|stand|stood)\s+(?:ready|willing|prepared)\s+to)\s+(?:not\s+)?"
    r"(?:(?:\w+ly|also)\s+)?"
    rf"(?:{_ACTS}|resist|continue|work|pursue|play|contribute|build|strengthen|promote|push|"
    r"consider|review|respond|take|make|open|allow|keep|present|establish|set up|seek|admit|"
    r"lend|reopen|"
    # what two sides will weigh together ("ASEAN and the GCC will look into a free trade
    # agreement"); one state alone is as often a firm named for it ("Garuda Indonesia will explore
    # new routes")
    r"(?P<weighing>study|explore|look into|examine))\b"
)
# The speaker after the words, past a bare comma: "..., including Uganda and Tanzania, said the
# deputy minister". A state's own words take no comma before "said".
_SAID_BY_NEXT = re.compile(
    r",\s+(?:said|says|added|noted|stated|explained)\s+"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?:(?:the|a|an)\s+[a-z]|[A-Z])"
)
# A year or a day between a passive's verb and its agent: "chaired this year by Laos", "released
# Saturday by Malaysia" (read by both _RELATION_BEFORE and _HOST_BY, which must agree on the
# phrase).
WEEKDAY = r"\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_YEAR = rf"(?:\s+(?:this|last|next) year|{WEEKDAY})?"
# A relation the name is a side of, right before it: "talks with", "urged", "between".
_RELATION_BEFORE = re.compile(
    r"\b(?:with|between|among|urge|urged|urges|urging|called on|calls on|calling on|call on|"
    # a side another stands with: "Japan stood firmly with the Philippines" (not "exports stood
    # at RM120 billion, with China the largest buyer")
    r"(?:stand|stands|stood|standing)\s+(?:(?:[a-z]+ly|firm|together|united|steadfast|side\s+by\s+side|"
    r"shoulder\s+to\s+shoulder|in\s+(?:solidarity|unity)|fully\s+and\s+firmly|100\s+per\s*cent)\s+){0,2}"
    r"with|"
    r"told|tells|"
    r"as did|"
    r"voting (?:against|for|in favou?r) included|"
    r"conveyed to|communicated to|"
    # "had conveyed its concerns to Bangladesh", "raised its objections with Beijing"
    r"(?:(?:conveyed|communicated|relayed|raised|expressed|voiced|lodged)\s+"
    r"(?:(?:its|his|her|their|our|the|a|an|strong|serious|deep|grave|formal)\s+){1,3}"
    r"(?:concerns?|displeasure|objections?|protests?|disappointment|unhappiness)\s+to|"
    r"(?:raised|lodged)\s+(?:(?:its|his|her|their|our|the|a|an|strong|serious|formal)\s+){1,3}"
    r"(?:concerns?|objections?|protests?)\s+with)|"
    r"thanked|thanks|thank|accused|accuses|warned|warns|invited|invites|invite|inviting|congratulated|"
    r"provided|"
    # condolences conveyed: "conveyed his condolences to Thailand on the passing of"
    r"condolences to|sympathies to|sympathy to|"
    # "criticised what he called NATO's creeping expansion", "what she called attempts by
    # Washington"
    r"(?:criticised|criticized|condemned|denounced|slammed|decried|rejected|warned against|"
    r"opposed|opposition to)"
    r"\s+what\s+(?:he|she|it|they)\s+(?:called|termed|described as)"
    r"(?:\s+(?:\w+\s+){0,2}?(?:by|of|from))?|"
    r"provides|provide|gave|gives|give|offered|offers|assured|assures|reassured|persuaded|"
    r"pressured|blamed|blames|blaming|blame|condemned|condemns|returned to|"
    r"congratulates|sanctioned|sanctions on|sanctions against|tariffs on|tariff on|duties on|"
    r"levies on|curbs on|embargo on|criticised|criticized|asked|asks|ask|asking|"
    # a state's act opposed: "opposed China's unilateral attempts", "rejected Beijing's claims"
    # (see _OPPOSING)
    r"opposed|opposes|oppose|opposing|rejected|rejects|reject|rejecting|opposition to|"
    # ... or of concern: "expressed serious concern over China's activities" (see _CONCERN)
    r"concerns?[\"”]?\s+(?:over|about|at)|"
    r"(?:hit|hits|hitting|lashed|lashes|lashing) out at|(?:took|takes|take|taking) aim at|"
    r"pressed|press|presses|pressing|summoned|welcomed|welcomes|supported|supports|support for|"
    # "Japan will support Timor-Leste in building ...": the verb, a state its object
    r"(?:will|would|to|and|continue to|continues to) support|supporting|"
    r"backing for|met|meets|"
    r"meet|meeting|received by|against|recognised|"
    r"recognized|protest to|protest against|envoy to|envoys to|"
    # aid "to" a state hit by a disaster goes where it struck (a place); a grant or a loan is to the
    # state itself
    r"mission to|delegation to|loan to|grant to|grant aid to|proposals? to|"
    # a bloc's place in a region, upheld by another: "supports the central role of ASEAN"
    r"(?:support|supports|supported|supporting|backs|backed|respects|respected|upholds|upheld|"
    r"reaffirmed|reaffirms|recognised|recognized|recognises|recognizes)\s+(?:for\s+)?(?:the\s+)?"
    r"(?:(?:central|leading|pivotal)\s+role|centrality)\s+of|"
    # held by its police or courts: "fishermen who had been detained in Indonesia"
    r"(?:detained|arrested|jailed|imprisoned|convicted|sentenced|prosecuted) in|"
    r"help|helped|lend|lends|lent|"
    # the state a military act is aimed at: "Israel's military strikes on Iran"
    r"(?:strikes|air ?strikes|missile strikes|attacks|an attack|the attack|assault|offensive) "
    r"(?:on|against)|"
    # the state a war is waged on: "Russia's war against Ukraine"
    r"(?:war|aggression) against|invasion of|"
    r"helps|assist|assisted|pressure on|calls for|appeal to|message to|letter to|relations with|"
    r"ties with|talks with|deals? with|pacts? with|agreements? with|accords? with|partnership with|"
    r"frameworks? with|"
    # a trade pact by its initials: "our CEPA with Viet Nam"
    r"(?:cepa|fta|epa|cep|mou|moa)s? with|"
    r"cooperation with|dialogue with|dispute with|row with|tensions with|"
    r"negotiations with|consultations with|treaty with|alliance with|friendship with|"
    r"counterpart from|counterparts from|leaders of|leader of|heads of|head of|ministers of|"
    r"diplomats from|ministers from|negotiators from|leaders from|representatives from|"
    r"minister of|officials from|officials of|delegation from|delegations from|envoy from|"
    r"president|prime minister|premier|king|member of|members of|membership of|membership in|"
    r"accession to|admission to|partner country of|partner countries of|join|joined|joining|"
    # the member a bloc takes in: "admitted East Timor", "welcomed the admission of Timor-Leste"
    r"admit|admitted|admits|admitting|admission of|accession of|"
    # the agent of a passive: "a resolution introduced by the UAE", "a truce brokered by Malaysia"
    r"(?:led|proposed|promoted|brokered|introduced|tabled|drafted|co-sponsored|vetoed|brought|"
    r"filed|lodged|pushed|put forward|floated|championed|spearheaded|"
    r"mediated|facilitated|coordinated|backed|funded|financed|sponsored|supported|initiated|"
    r"anchored|"
    r"chaired|co-chaired|elected|re-elected|"
    r"signed|"
    r"imposed|announced|organised|organized|witnessed|condemned|rejected|welcomed|granted|"
    r"provided|offered|donated|sent|deployed|issued|released|adopted|ratified|approved|endorsed|"
    r"requested|demanded|criticised|criticized|accused|sanctioned|recognised|recognized|"
    r"invited|attended|represented|protested|seized|detained|arrested|submitted|hosted|"
    rf"co-hosted|wanted|raised|pledged){_YEAR} by|"
    r"(?:a|the|its|their)\s+(?:request|proposal|invitation|offer|appeal|announcement|decision) by|"
    # "received an invitation from the Philippines": the state that invites
    r"(?:a|an|the|its|their)\s+(?:request|invitation|offer|appeal)\s+from|"
    # "At the invitation of Malaysia, Wang will attend": the state that invites (a weak sign)
    r"(?:at|on|upon)\s+(?:the\s+)?(?:kind\s+|official\s+|formal\s+|special\s+)?"
    r"invitation\s+of|"
    r"(?:attempts?|efforts?|bids?) by|(?:role|part|efforts?|contributions?) (?:played|made) by|"
    # what a state said of the act reported: "drawing condemnation from the United Nations"
    rf"(?:{'|'.join(sorted(SAID_FROM))}) from|"
    # a state's diplomatic message, its capital standing for it: "a note verbale from Kuala Lumpur"
    r"(?:notes? verbales?|diplomatic (?:notes?|protests?|communications?)|protest notes?) from|"
    r"on behalf of|speaking for|representing|resolutions? on|"
    # "welcomed the efforts of Qatar and Egypt", "applications from Hong Kong, Sri Lanka and Chile",
    # "state visits to Vietnam, Malaysia and Cambodia"
    r"(?:welcomed|welcomes|praised|praises|thanked|thanks|appreciated|commended|lauded|"
    r"acknowledged)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:efforts|role|mediation|contributions?|support|"
    r"assistance|"
    r"leadership|initiative)\s+of|"
    # the states an act came about through: "a ceasefire reached through the mediation of Qatar,
    # Egypt and the United States" (parties in the lead, a background named once below it)
    r"(?:through|via|under)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:mediation|facilitation|good\s+offices)"
    r"\s+of|"
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
# Two powers' rivalry as the setting of a story ("amid US-China tensions", "shaped by US-China
# rivalry"): neither acts in it.
_RIVALRY_NOUNS = r"(?:rivalry|tensions|competition|trade war|tariff war|trade tensions|feud)\b"
_RIVALRY = re.compile(PAIR_HEAD + _RIVALRY_NOUNS)
_RIVALRY_SECOND = re.compile(rf"^\s+{_RIVALRY_NOUNS}")
# ... written out with "between": "amid heightened tensions between Manila and Beijing", "drawn
# into the rivalry between Washington and Beijing", "hit by trade tensions between the United
# States and China", "at a time of rising tensions between" (not "The tensions between Thailand and
# Cambodia escalated")
_RIVALRY_BEFORE_BETWEEN = rf"(?:[a-z-]+\s+){{0,2}}?{_RIVALRY_NOUNS}\s+$"
_RIVALRY_SETTING = re.compile(
    r"\b(?:amid|by|of|from|about|despite|drawn\s+into|sides\s+in|caught\s+(?:up\s+)?in|"
    rf"exposure\s+to|exposed\s+to)\s+(?:the\s+|an?\s+)?{_RIVALRY_BEFORE_BETWEEN}"
)
# ... unless the story deals with them: "a way out of the tensions between", "called for the easing
# of tensions between", "an end to the feud between"
_RIVALRY_DEALT = re.compile(
    r"\b(?:way\s+out|eas(?:e|ed|es|ing)|end|ending|resolution|resolv\w+|de-?escalat\w+|defus\w+|"
    r"mediat\w+|calm\w*|reduc\w+|lower\w*|settl\w+)\s+(?:of\s+|to\s+|in\s+)?"
    rf"(?:the\s+)?{_RIVALRY_BEFORE_BETWEEN}"
)
_BACKGROUND_WORD = re.compile(
    r"\b(?:amid|by|in|over|of|from|about|on|despite|between|growing|escalating|intensifying|"
    r"great-power|renewed|rising|heightened|deepening|mounting|strategic)\s+(?:the\s+)?$"
)
# "Russia's stance", "China's claims": a state's own position or conduct.
_OWN = re.compile(
    r"^'s?\s+(?:[\w-]+\s+){0,2}?(?:relations|ties|stance|position|policy|policies|foreign policy|"
    r"proposal|proposals|support|commitment|request|decision|bid|chairmanship|membership|"
    r"accession|sovereignty|territory|territorial|waters|eez|claims|claim|actions|conduct|"
    r"aggression|invasion|offer|initiative|pledge|role|view|views|concerns|objection|"
    r"sanctions|retaliation|response|aid|assistance|contribution|contributions|presidency|"
    r"tariffs(?!\s+of\b|\s+were\s+(?:set|cut|lowered|reduced))|tariff hikes|tariff increases|"
    r"tariff measures|tariff threats|tariff policy|tariff on|levies|export controls|"
    r"leadership|interests|security|defence|defense|national security|diplomacy|partners|"
    r"partner|ally|allies|invitation|approval|consent|veto|rejection|protest|warning|demand|"
    r"demands|efforts|readiness|vote|ratification|recognition|cooperation|engagement|"
    # its conduct: "China's coercive behaviour"
    r"behaviour|behavior|attempts|provocations|incursions|coercion)\b"
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
# Those gathered, given by where they come from: "ASEAN's defence ministers and their counterparts
# from Australia, China...".
_PEERS_FROM = re.compile(
    r"\b(?:counterparts|ministers|leaders|envoys)\s+from\s+"
    r"(?:the\s+)?$"
)
_APPOSITIONS = re.compile(r",[^,]*,")
_MEETING_WORD = re.compile(
    r"\b(?:meeting|summit|forum|conference|talks|session|dialogue|gathering|event|ceremony|"
    r"exercise|retreat|consultations)\b"
)
_REPORTED_GATHERING = re.compile(r"\b(?:brought|attended|joined|included|were|participation)\b")
# A verb's present participle right before the name makes the name its object ("tourists visiting
# Vietnam"), unless it is an adjective ("neighbouring Thailand", "oil-producing Brunei") or lists
# part of the subject ("members including Vietnam agreed").
_OBJECT_OF = re.compile(r"[a-z]{3,}ing$")
_NOT_OBJECT_OF = word_set(
    "during including excluding thing something nothing anything king neighbouring neighboring "
    "emerging developing ruling leading governing growing booming rising remaining producing "
    "exporting importing"
)
# The agent of a passive is the one who acts: "a meeting hosted by Laos", "a proposal pushed by
# the Philippines".
_HOST_BY = re.compile(
    r"(?:co-)?(?:hosted|chaired|proposed|pushed|put forward|initiated|sponsored|introduced|"
    r"tabled|drafted|brokered|mediated|submitted|requested|raised|pledged|imposed|"
    # a statement or a measure a state gave out (see _GIVEN_OUT): "a press statement issued by
    # Malaysia", "new tariffs announced by Washington"
    r"(?P<given>issued|released|announced))"
    rf"{_YEAR} by\b"
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
    rf"\b(?:co-)?(?:hosted|chaired){_YEAR} by\s+[^,.;()]{{3,80}}?"
    # ... past the first one's office in apposition: "co-chaired by Malaysia, the current ASEAN
    # chair, and Kuwait" (not "the country's largest business group", "the defending champions")
    r"(?:,\s+(?:the|its|this year's)\s+(?:current\s+|rotating\s+|outgoing\s+|incoming\s+)?"
    r"(?:[\w'-]+\s+){0,2}?(?:chair|chairman|host|president|presidency|coordinator|"
    r"coordinating country|country coordinator|secretary-general)\b[^,.;()]{0,40},)?"
    r"\s+and\s+(?:by\s+)?(?:the\s+)?$"
)
# Officials of a sport's federations, not the state's: "Lao sports officials", "Thai golf
# officials".
_OFFICIALS = word_set("official officials")
_SPORTS = word_set(
    "sports sport football olympic golf tennis badminton boxing athletics swimming chess esports "
    "rugby volleyball basketball cricket hockey cycling archery futsal taekwondo karate silat "
    "muay weightlifting wushu judo fencing rowing gymnastics sepak takraw pencak"
)
# The other host or chair of a meeting held: "Japan co-chaired the meeting this year with
# Malaysia" (not a standing role: "a committee which France co-chairs with Japan").
_CO_CHAIR_WITH = re.compile(
    r"\bco-(?:chaired|chairing|hosted|hosting|organised|organized)\b"
    r"[^,.;()]{0,40}\bwith\s+(?:the\s+)?$"
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
# Words that cannot stand between a name and its official body: "Viet Nam and the Embassy of
# Japan" is no body of Viet Nam's.
_NOT_BETWEEN = word_set(
    "and or but with in of for to from at by on as than the a an allies ally partners partner "
    "neighbours neighbors colonial through via into across towards toward "
    # a clause or a phrase begins: "an Australian man after customs officers found", "a Malaysian
    # man whom police stopped", "ties with Vietnam under its Official Security Assistance"
    "after before when while since because over about against among between who whom whose "
    "which that under during "
    # people, not the state's: "14 Filipino crew members", "Thai family members"
    "crew family club band fan fans "
    # a title won, not a throne: "the Filipina beauty queen", "a Thai drag queen"
    "beauty pageant drag carnival festival"
)
# ... but a state's boats or ships under or during its forces' watch are theirs: "Philippine boats
# under coast guard escort", "Philippine ships during navy drills" (not "Vietnamese fishermen
# during naval drills").
_UNDER_ITS_FORCES = word_set("under during")
_CRAFT_WORDS = word_set("ship ships boat boats vessel vessels warship warships")
_FORCES = frozenset(
    {"navy", "naval", "military", "army", "coast guard", "coast guards", "coastguard", "forces",
     "armed forces", "air force", "troops"}
)  # fmt: skip
# Trades whose "agency" is a firm, not the state's: "a private Vietnamese event agency", "a South
# Korean entertainment agency".
_TRADE_AGENCY = re.compile(
    r"\b(?:news|event|events|travel|advertising|ad|talent|recruitment|employment|manpower|marketing|"
    r"modelling|modeling|shipping|insurance|ticketing|booking|entertainment|music|media|creative|"
    r"design|production|casting|rating|ratings|credit rating|property|real estate)\s+$"
)
# Courts whose name ends in "s" ("the Appeals Court"); after another plural, "court" is a verb.
_COURT_PLURALS = word_set("appeals sessions magistrates 's ’s")
# Capitalised words of an official title between a state and its body: "Malaysian Trade Minister",
# "Indonesian Investment Coordinating Board".
_PORTFOLIOS = word_set(
    "foreign trade defence defense finance investment development home interior health education "
    "transport agriculture industry economy economic affairs capital international national "
    "maritime immigration energy tourism information communications labour labor justice "
    "environment fisheries commerce planning coordinating digital security public works "
    "religious social women youth sports culture science technology deputy vice senior chief "
    "acting first second state federal central provincial municipal city regional general "
    "statistics statistical self-defense self-defence marine naval enforcement anti-corruption "
    "meteorological meteorology welfare civil aviation supreme constitutional treasury homeland"
)
_COMPARISON = word_set("similar earlier previous existing separate ones such")
# An adjective of size or pace before a name makes it a market ("weaker US, China demand").
_MARKET_ADJECTIVES = word_set(
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
_HAVE = word_set("has have had")
# Past participles not ending in -ed or -en: "China has sent", "Japan has met", "Phnom Penh has
# said it will ask the court".
_PARTICIPLES = word_set(
    "sent met held led made built paid struck sought brought kept won lent told said"
)
# Delegates or leaders who are not the state's: "business delegations from Japan", "young leaders
# from Malaysia".
_BUSINESS_BEFORE = re.compile(
    r"\b(business|trade|investment|industry|corporate|company|young|youth|student|community|"
    r"religious|faith|civil society)\s+$"
)
# ... but a portfolio's officials and ministers are the state's: "trade officials from Chile".
_PORTFOLIO_WORDS = word_set("trade investment industry")
_GOVERNMENT_STAFF = re.compile(r"(?:officials?|ministers?|negotiators?|envoys?|diplomats?)\b")
PAST = word_set("then former ex")
# ... but "not only blamed China", "never shied from blaming", "did not hesitate to blame"
_BLAME_LAID = re.compile(r"\b(?:not\s+only|shied\s+(?:away\s+)?from|hesitate[sd]?\s+to)\s+")
_BLAME_DENIED = re.compile(
    r"\b(?:short\s+of|not|never|without|refused\s+to|declined\s+to|refrained\s+from|avoided|"
    r"stopped|no\s+point(?:\s+in)?|too\s+early\s+to)\s+(?:\w+\s+){0,2}?blam\w*\s+(?:the\s+)?$"
)
# Words of a title between "former" or "then" and its office: "the then deputy prime minister of
# Thailand", "a former first deputy foreign minister of"; not "former and serving ministers of".
_TITLE_WORDS = word_set(
    "deputy vice first senior acting prime foreign defence defense chief coordinating caretaker "
    "interim long-serving two-time three-time second"
)
_COUNTING_VERBS = word_set(
    "welcomed welcomes received receives recorded records attracted attracts hosted hosts exported "
    "exports imported imports shipped ships earned earns posted logged saw drew accounted reached "
    "reaches totalled totaled topped"
)
# Words that put a figure in round terms: "about 2 million", "more than 160,000".
_ABOUT = r"about|around|nearly|almost|over|more than|some"
_AIMING_VERBS = word_set("aims aimed plans planned expects expected targets targeted seeks hopes")
_COUNT_AIMED = re.compile(
    r"\s+to\s+(?:export|import|ship|attract|receive|welcome|earn|sell|produce)\s+"
    rf"(?:(?:{_ABOUT}|up to)\s+)?(?:us\$|\$|usd\s*)?\d"
)
# A place named before a city or state in an address: "in Santa Cruz, Manila, ...".
_ADDRESS_BEFORE = re.compile(
    r"\b(?:in|at|near|from)\s+(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*,\s*(?P<the>the\s+)?$"
)
# ... with "the" before the state, only where the address goes on with the event's time or place
# ("in Houston, the United States, held on April 25-27"), not the state's own clause ("At talks in
# Geneva, the United States, which holds the presidency, agreed")
_ADDRESS_GOES_ON = re.compile(r",\s+(?:held|on|in|at|from|until|during|between|where|\d)\b")
# A share of a count, not money given: "contributed 160,418 arrivals", "contributed 12 percent".
_SHARE_COUNTED = re.compile(
    rf"\s+(?:(?:{_ABOUT})\s+)?[\d.,]+\s*(?:%|percent|"
    r"per cent|arrivals|visitors|tourists|tonnes|tons|passengers|units)"
)
# "demand" as the noun of a market: "US demand softens", "Chinese demand for durian".
# What a state holds as a producer, not an act: "Indonesia holds the world's largest nickel
# reserves".
_RESOURCE_HELD = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:reserves|deposits|resources|stake|stakes|share|shares|"
    # ... or a grade it is given: "Malaysia holds a rating one notch higher"
    r"ratings?|grades?|ranks?|rankings?|"
    # a place in a ranking, not spot checks: "held 23rd place", "held the top spot"
    r"(?<=\d(?:st|nd|rd|th)\s)(?:place|spot)|(?<=\btop\s)(?:place|spot))\b"
)
# A turn held, not an act: "Laos holds the rotating chair of the grouping this year" is a line of
# background; the chair acts as chair when it chairs, hosts or speaks for the bloc.
_TURN_HELD = re.compile(
    r"\s+(?:the\s+)?(?:(?:asean|association|bloc|grouping|group)(?:'s|\u2019s)\s+|"
    r"this year's\s+|this year\u2019s\s+)?(?:rotating\s+|annual\s+)?(?:asean\s+)?"
    r"(?:chair|chairmanship|chairpersonship)\b"
)
# ... but the chair of a meeting held, with no turn's time, is chairing it: "held the chair of the
# ASEAN-Japan Senior Officials' Meeting together with Japan" (not "holds the chair of the ASEAN
# Defence Ministers' Meeting this year", "the rotating chairmanship of the ASEAN Summit").
_MEETING_CHAIRED = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?!(?:and|when|this|in|for|while)\b)[\w'\u2019-]+\s+){0,6}?"
    r"(?:meeting|summit|talks|session|dialogue|conference|consultations?)\b"
    r"(?!(?:[\w'\u2019-]*\s+){0,3}?(?:this|next|last)\s+year\b|\s+(?:in|for)\s+\d{4})"
)
# ... unless it gives the capacity of one who chairs: "the minister, who chaired the meeting as
# Malaysia holds the chairmanship".
_CHAIRED_AS = re.compile(r"\b(?:co-)?(?:chaired|chairs|chairing)\b[^.;]{0,80}\bas\s+(?:the\s+)?$")
_DEMAND_NOUN = re.compile(
    r"\s+(?:for|from|in|is|was|has|had|remains|remained|softens|softened|weakens|weakened|slows|"
    r"slowed|rises|rose|falls|fell|grows|grew|picks|picked|recovers|recovered|eases|eased|surges|"
    r"surged|slumps|slumped|jumps|jumped|drops|dropped)\b"
    r"|\s*[,.;]"
)
# ... or what a market's demand does to another (after "demand" alone: "demands" is a state's
# verb): "as India, China demand offsets weaker Japan, Korea" (not "demand offsets and technology
# transfer").
_DEMAND_EFFECT = re.compile(
    r"\s+(?:(?:offsets|offset)(?!\s+(?:and|worth|deal|deals|package|agreement|requirements?|"
    r"obligations?)\b)|outweighs|outweighed|lifts|lifted|boosts|boosted|props up|propped up|"
    r"drives|drove|cools|cooled|wanes|waned|dips|dipped|climbs|climbed|stays|stayed)\b"
)
_COPULAS = word_set("been is was are were remains remained became becomes")
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
PREPOSITIONS = word_set(
    "to from in into at for of on via across over than after like through throughout inside "
    "outside near toward towards about unlike"
)


# What travels between two states: routes, not a relation between them.
_TRAVEL_BEFORE = re.compile(
    r"\b(?:flights?|routes?|services|connections|choices|travel|travell?ers|passengers|trips|"
    r"tourists|visitors|cargo|shipping|ferries|ferry|goods|freight|containers|trucks|trains)"
    r"\s+(?:[\w-]+\s+){0,2}$"
)


# ... and what it sends: "relief goods from India", "rescue teams and relief materials from China"
_SENT = (
    rf"{_STAFF}|(?:relief|aid|humanitarian|emergency)\s+(?:supplies|materials|goods|items|cargo|"
    r"aid|assistance)|humanitarian aid|emergency aid|aid"
)
# ... sent by its people, not its government: a charity named after the state.
_SENDERS_AFTER = re.compile(
    r"^(?:-based|['’]s?)?\s+(?:(?!(?:for|to|of|in|on|at|and|the|by|was|were|is|are|has|have|had|"
    r"will|reached|arrived)\b)[\w-]+\s+)?(?:red cross|red crescent|charit(?:y|ies)|foundations?|"
    r"ngos?|non-governmental|civil society|donors|well-wishers|diaspora|volunteers)\b"
)
_STAFF_FROM = re.compile(
    rf"\b(?:{_SENT})(?:\s+and\s+(?:[\w-]+\s+){{0,2}}?(?:{_SENT}))?\s+from\s+(?:the\s+)?$"
    # teams beside a rescue's work: "assisting in search and rescue operations, along with teams
    # from Singapore" (not "after typhoon relief efforts, with teams from Japan joining" a league)
    r"|\b(?:rescue|relief|search)\s+(?:and\s+rescue\s+)?(?:operations|efforts|work|missions?)"
    r"(?:\s+(?:in|on|at|near|across)\s+[^,.;]{1,40}?)?"
    r"(?:,?\s+(?:along\s+with|alongside|together\s+with|joined\s+by)|,\s+while)\s+"
    r"(?:a\s+)?teams?\s+from\s+(?:the\s+)?$"
)


def _past_office(words: list[str]) -> bool:
    """The words before an office-holder's title end with "former", "ex" or "then", give or take
    words of the title ("a former deputy", "the then first deputy"): a past office."""
    for word in reversed(words[-4:]):
        if word in PAST or word.startswith(("then-", "ex-", "former-")):
            return True  # "the then-deputy prime minister", "an ex-deputy"
        if word not in _TITLE_WORDS:
            return False
    return False


def staffed_before(before: str) -> bool:
    """The name follows its own rescue teams, troops or personnel, or the relief it sends
    ("rescue teams from Malaysia", "relief goods from India"): the state at work, as sure as its
    officials named after it."""
    return _STAFF_FROM.search(before[-WINDOW:]) is not None


def evidence_before(before: str, after: str) -> str | None:
    """Right before the name (or the first of its list), given the sentence's words before and
    after it: an official body, or the host or chair of a meeting ("acting"), or a word of a
    relation ("relation")."""
    tail = before[-WINDOW:]
    official = _OFFICIAL_BEFORE.search(tail)
    if official is not None and _past_office(tail[: official.start()].split()):
        return None  # "a former president of Nauru", "a former deputy prime minister of Thailand"
    if (
        official is not None
        and official.group("governs") is not None
        and not governs(tail[: official.end("governs")].split(), after)
    ):
        # "after the fall of the Assad government in Syria", "the government in Syria collapsed",
        # "a more predictable tax regime in Vietnam"
        return None
    if official is not None:
        # "business delegations from Japan": companies, not the state; "trade officials from
        # Chile" are the state's
        business = _BUSINESS_BEFORE.search(tail[: official.start()])
        if business is not None and not (
            business.group(1) in _PORTFOLIO_WORDS and _GOVERNMENT_STAFF.match(official.group())
        ):
            return None
        return "acting"
    if _STAFF_FROM.search(tail):
        # "relief goods from India", "rescue teams and relief materials from"; not its people's
        # or groups' ("relief supplies from the Singapore Red Cross", "aid from Indonesia's
        # Muhammadiyah")
        return None if _SENDERS_AFTER.match(after) else "acting"
    if _CO_CHAIR_WITH.search(tail):
        return "acting"  # "co-hosted the forum with Singapore"
    if _PRAISED_ROLE.search(tail):
        return "acting"  # "commended the mediation efforts of Egypt, Qatar and the United States"
    if _CALLED_ON_BEFORE.search(tail) and _CALLED_ON_AFTER.match(after):
        return "acting"  # "Vietnam's consistent call for the US to end its embargo"
    if _WELCOMED_BEFORE.search(tail) and _WELCOMED_AFTER.match(after):
        return "acting"  # "welcomed Timor-Leste as the newest member", "... Timor-Leste's bid"
    found = _RELATION_BEFORE.search(tail)
    if (
        found is not None
        and found.group().startswith("blam")
        and _BLAME_DENIED.search(tail)
        and not _BLAME_LAID.search(tail)
    ):
        return None  # "stopped short of blaming China": no blame laid
    if found is None:
        chaired_with = _CHAIRED_WITH.search(before) is not None
        if chaired_with and _GAMES_CHAIRED_WITH.search(before):
            return None  # "the 2029 SEA Games will be co-hosted by Thailand, ..., and Laos"
        return "acting" if chaired_with or _CHAIR_NAMED.search(tail) else None
    host = _HOST_BY.match(found.group())
    if host is not None:
        if _GAMES_HOSTED.search(tail):
            return None  # "the 2023 SEA Games hosted by Cambodia": where they were played
        if host.group("given") and not _GIVEN_OUT.search(tail, 0, found.start()):
            if host.group("given") == "released":
                return None  # "figures released by the Cambodia Rice Federation": a source
            return "relation"  # "bonds issued by the Philippines", "passports issued by Vietnam"
        return "acting"  # "a meeting hosted by Laos", "co-chaired by the Philippines"
    phrase = found.group().split()
    word = phrase[0]
    # the phrase's last word before the name, past "the": "talks with (the)", "call on (the)"
    lead_in = phrase[:-1] if len(phrase) > 1 and phrase[-1] == "the" else phrase
    told = phrase[0] in _CONCERNS_TOLD and len(phrase) > 2  # not the bare "conveyed to"
    if told or ("invitation" in phrase and phrase[0] in ("at", "on", "upon")):
        # the state that invites, as weakly as a relation word (not "in 1981 at the invitation of
        # Indonesia" once low in the story), or is told of concerns; not what it owns or what is
        # named for it ("at the invitation of Thailand's boxing association", "of the Vietnam
        # Chamber of Commerce", "voiced concerns with Myanmar-based scam compounds")
        if _OWNER_S.match(after) or after.startswith("-") or _ORGANISATION_AFTER.match(after):
            return None
        return "acting" if told else "relation"
    if len(phrase) > 1 and phrase[-2] in _ASKED and _PEOPLE_AFTER.match(after):
        return None  # "an appeal from Myanmar refugees", "an offer from Singapore universities"
    if (word in _ASKING or lead_in[-2:] == ["call", "on"]) and (
        (_PEOPLE_AFTER.match(after) and not _SIDES_AFTER.match(after)) or _FOLK_OF.match(after)
    ):
        # "asks Singapore residents", "was asking Japan's business community", "its call on
        # Myanmar migrants to register"
        return None
    if (
        word in _OPPOSING
        and (
            lead_in[-1] not in ("by", "from", "of")
            or (lead_in[-1] == "of" and lead_in[-2] in _SUFFERED_NOUNS)
        )
        and not _POSSESSIVE_AFTER.match(after)
    ):
        # "opposes Taiwan independence": the state is the topic (not "opposed what they called
        # aggression by Israel")
        return None
    if lead_in[-1] == "with" and _FIRM_OF.match(after):
        return None  # "a contract with Malaysia's state energy company Petronas": with the firm
    if (
        phrase[-1] in _SUPPORT_VERB and (not _OBJECT_ENDS.match(after) or _HELPED_OF.match(after))
    ) or (phrase[-1] == "the" and lead_in[-1] in _SUPPORT_VERB and _HELPED_AFTER.match(after)):
        # "to support Myanmar earthquake relief", "to support Vietnam's flood victims": the state
        # names what is helped ("to support the ASEAN Power Grid" is the bloc's project)
        return None
    if _COMPARED.search(tail):
        return None  # "compared Anwar's proposal to Singapore's approach"
    if phrase[-1] == "from" and word in SAID_FROM:
        # the state's own say: "a move that drew criticism from Beijing", "assurances from Cairo";
        # not its people's ("appeals from Myanmar refugees", "criticism from Malaysia's business
        # community") nor in a mood of the times ("amid criticism from Washington")
        if (
            _PEOPLE_AFTER.match(after)
            or _FOLK_OF.match(after)
            or _AMID.search(tail, 0, found.start())
        ):
            return None
        return "acting"
    if word.rstrip('"”') in _CONCERN:
        # the state's own act, of concern to a speaker: "voiced serious concern over China's
        # activities"; not a mood of the times ("amid shared concern over China's assertiveness",
        # "the ringgit fell on concerns over China's slowing economy") nor a state in trouble
        # ("expressed concern over Myanmar's worsening crisis")
        spoken = _CONCERN_VOICED.search(tail, 0, found.start() + len(word))
        if spoken is None or _AMID.search(tail, 0, spoken.start()):
            return None
        return "acting" if _STATE_ACTS_NOUN.match(after) else None
    if word == "between":
        if _TRAVEL_BEFORE.search(tail, 0, found.start()):
            return None  # "more choices between the Republic of Korea and Vietnam": routes
        if _RIVALRY_SETTING.search(tail, 0, found.start()) and not _RIVALRY_DEALT.search(
            tail, 0, found.start()
        ):
            return None  # "in a region shaped by rivalry between the United States and China"
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
    if (
        word == "with"
        and _BORDER_WITH.search(" ".join(words))
        and not _BORDER_DEALT.search(before, 0, max(0, before.rfind("border")))
    ):
        return None  # "its border with Cambodia", "border trade with China": where, not who
    if (
        word == "with"
        and words[-1:] in (["meeting"], ["meetings"], ["talks"])
        and _HELD.intersection(words)
    ):
        # "also chaired Asean's meetings with Norway and Switzerland": met in the story, however
        # low
        return "acting"
    if word in {"with", "among", "against"}:  # "an agreement with", not "trade with"
        return "relation" if _RELATION_WORDS.search(" ".join(words)) else None
    # "visitors rose 6%, led by Malaysia": the first of a market's ranks, not a leader ("welcomed
    # Timor-Leste as the newest member" is the new member spoken to, as the development sets label
    # it 29 times in 39)
    if word == "led" and _RANKED_BEFORE.search(tail[: found.start()]):
        return None
    # a state addressed: "called on the DPRK to fulfil its obligations", "urged Myanmar to": it is
    # asked to act, however low in the story; so is one the speaker criticises, accuses, warns,
    # thanks, congratulates or offers condolences ("also criticized NATO's plans", "conveyed his
    # condolences to Thailand"): spoken to in what is reported, not a background. (A state
    # "welcomed" stays a relation: as often a visitor welcomed in a line of background.)
    return "acting" if word in _ADDRESSED else "relation"


_ASKED = word_set("request invitation offer appeal requests invitations offers appeals")
# What a state gives out as its own word or act: "a press statement issued by", "tariffs announced
# by"; not bonds, passports or visas it issued.
_GIVEN_OUT = re.compile(
    r"\b(?:statements?|communiqu[eé]s?|declarations?|readouts?|notes?|notices?|advisor(?:y|ies)|"
    r"letters?|messages?|plans?|proposals?|measures?|tariffs?|duties|sanctions|polic(?:y|ies)|"
    r"decisions?|guidelines|rules|regulations|decrees?|orders?|lists?|priorities|agenda|"
    r"initiatives?|programmes?|programs?|targets?|commitments?|pledges?)"
    # ... right before, or set off by a comma or a bracket ("The chair's statement, released by",
    # "(released by"; not a fronted phrase's noun: "Under the new rules, figures released by")
    r"(?:\s*[,(]\s*(?:(?:which|that)\s+(?:was|were)\s+|(?:later|jointly|first|also|officially)\s+)?"
    r"|\s+(?:[\w-]+\s+){0,2}?)$"
)
# A noun right after the name: the name is the people's or the firms' ("Myanmar refugees",
# "Philippines-based firm"), not the state's.
_PEOPLE_AFTER = re.compile(
    r"\s*(?:-based\s+)?(?!(?:to|for|on|in|at|that|and|or|as|which|who|over|about|with|after|"
    r"before|last|this|earlier|by|of|is|was|has|had|will|would|to)\b|[a-z]+(?:ing|ed)\b)[a-z]"
)
_ASKING = word_set("ask asks asked asking")
# ... or its people or firms after the possessive: "Japan's business community".
_FOLK_OF = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:business|businesses|firms|companies|investors|residents|"
    r"citizens|people|peoples|community|communities|students|workers|exporters|public|nationals|"
    r"voters|consumers)\b"
)
# A state opposed only through what it did or claims ("opposed China's unilateral attempts",
# "opposes the United States deploying missiles"): not "opposes Taiwan independence", "rejecting
# US assets" or "rejected Cambodia-based operators".
_OPPOSING = word_set("opposed opposes oppose opposing rejected rejects reject rejecting opposition")
_FIRM = (
    r"company|companies|firm|firms|conglomerate|utility|airline|lender|miner|developer|giant|"
    r"carmaker|automaker|exporter|insurer|producer|operator|refiner|(?:flag|national)\s+carrier"
)
# The trades a firm's noun follows: "U.S. energy giant", "China's biggest shipbuilding group".
_TRADE = (
    r"(?:oil|gas|energy|power|steel|mining|tech|technology|chip|auto|car|shipping|shipbuilding|"
    r"logistics|construction|property|telecoms?|pharmaceutical|food|retail|e-commerce|investment|"
    r"private|listed|insurance|banking|financial|defence|defense|aerospace|solar|battery|"
    r"electronics|railway|industrial|chemicals?|holding|holdings|media|plantation|cement|"
    r"trading|port|infrastructure|hydropower|engineering|lng|semiconductor|electric|ev|coal|"
    r"nickel|rubber|textile|garment|fisheries|agribusiness|conglomerate)"
)
# Words that end a firm's description before its noun: "as a group", "to help firms".
_NOT_OF_FIRM = (
    r"(?!(?:to|that|as|on|and|the|a|an|of|for|in|with|ahead|before|after|would|will|which|who|"
    r"its|their)\b)"
)
_FIRM_OF = re.compile(
    # "with Indonesia's state-owned Pertamina", "with Malaysia's national oil and gas group"
    r"(?:['’]s?)?\s+(?:state[- ](?:owned|run)\b|(?:state|national)\s+(?:[a-z-]+\s+){0,3}?"
    rf"(?:{_FIRM}|group)\b)"
    # "with Japan's flag carrier", "with China's biggest shipbuilding group" (not "Japan's carrier
    # strike group", "China's working group")
    rf"|['’]s?\s+(?:{_NOT_OF_FIRM}[a-z-]+\s+){{0,3}}?(?:{_FIRM}|{_TRADE}\s+group)\b"
    # "with U.S. firm AES", "with US energy giant ExxonMobil", "with Singapore-based firm
    # Sembcorp" (not "the partnership with Japan helps companies")
    rf"|(?:-based)?\s+(?:(?:{_TRADE})\s+)?(?:{_FIRM}|major|chipmaker|planemaker|drugmaker|"
    r"shipbuilder)\b"
)
_SUPPORT_VERB = word_set("support supporting")
# A state's craft that are goods, not its forces: bought, sold, ordered, leased or sunk.
_CRAFT = re.compile(
    r"warships?|fighter\s+(?:jets?|planes?|aircraft)|military\s+aircraft|bombers|"
    r"naval\s+(?:vessels?|ships?)"
)
_BOUGHT_BEFORE = re.compile(
    r"\b(?:buy|buys|bought|buying|purchase|purchased|purchases|purchasing|acquire|acquired|"
    r"acquiring|acquisition\s+of|procure|procured|procurement\s+of|sell|sold|selling|sale\s+of|"
    r"delivery\s+of|deliveries\s+of|its\s+fleet\s+of|their\s+fleet\s+of|second-hand|"
    r"contract\s+for|deal\s+for|order\s+for|chose|choose|replace|replacing|lease|leased|leasing|"
    r"price\s+of|cost\s+of|wrecks?\s+of)\s+(?:[a-z0-9-]+\s+){0,3}[\w.-]+$"
)
# ... in the passive: "ordered in 2022", "bought from France" (not "a Chinese warship ordered the
# vessel to leave").
_BOUGHT_AFTER = re.compile(
    r"\s+(?:(?:ordered|bought|purchased|delivered|sold|built)\s+(?:in\s+\d{4}|from\b|under\b)|"
    r"will\s+be\s+delivered|(?:were\s+|was\s+)?sunk\b)"
)
# A side named by its state, not its people: "its call on the Myanmar side", "on Myanmar
# stakeholders".
_SIDES_AFTER = re.compile(r"\s+(?:sides?|stakeholders|parties|rulers|generals)\b")
# Acts "of" a state that it suffers, opposed by a speaker: "rejected what it called the isolation
# of Myanmar" (not "the meddling of Washington", the state's own act).
_SUFFERED_NOUNS = word_set(
    "isolation invasion occupation annexation coercion bullying suppression exclusion smearing "
    "persecution encirclement containment demonisation demonization oppression blockade "
    "harassment intimidation targeting expulsion suspension marginalisation marginalization "
    "abandonment vilification stigmatisation stigmatization embargo punishment starvation "
    "strangling"
)
# What "the <state> ..." names when it is helped, not the state: "to support the Myanmar people",
# "the Laos flood recovery programme", "the Philippines Red Cross".
_HELPED_AFTER = re.compile(
    r"\s+(?:(?!(?:in|with|after|through|for|on|and|its|their|the|a|an|to|of|from|during|amid|by|"
    r"as|until|toward|towards|which|who|that|so|while|since|once|when|where)\b)"
    r"[a-z-]+\s+){0,2}?(?:people|peoples|relief|victims|survivors|red\s+cross|chamber|"
    r"communities|recovery|flood|floods|earthquake|quake|federation|association)\b"
)
# Where a state that is the object of a verb ends: a possessive, a punctuation mark, a preposition
# or a conjunction ("support Timor-Leste in building", "support Malaysia's bid"), not the noun the
# name qualifies ("support Myanmar earthquake victims").
_OBJECT_ENDS = re.compile(
    r"['’]s?\s|\s*(?:[,.;:)\"”]|$)|\s+(?:in|to|and|or|with|on|as|through|during|at|for|from|by|"
    r"over|after|before|until|while|which|who|that|amid|against|under|its|their|fully|again)\b"
)
# ... or its people, firms, sectors or relief after a possessive: "Myanmar's quake survivors",
# "Cambodia's garment exporters", "Vietnam's renewable energy sector".
_HELPED_OF = re.compile(
    r"['’]s?\s+(?:(?!(?:to|that|and|of|for|the|a|an|in|on|with)\b)[\w-]+\s+){0,3}?"
    r"(?:victims|communities|community|survivors|exporters|sectors?|"
    r"industry|industries|movement|people|relief|economy|farmers|firms|businesses|companies|"
    r"workers|students|refugees|families|children|women|youth|athletes|team|players)\b"
)
_COMPARED = re.compile(
    r"\b(?:compared|compares|comparing|likened|likens|likening)\s+(?:[\w'’-]+\s+){0,4}?"
    r"proposals?\s+to\s+(?:the\s+)?$"
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s|\s+[a-z]+ing\b")
_CONCERN = word_set("concern concerns")
# "concern" as a speaker's word: "expressed serious concern", "voiced their concerns"
_CONCERN_VOICED = re.compile(
    r"\b(?:express|expressed|expresses|expressing|voice|voiced|voices|voicing|raise|raised|"
    r"raises|raising|convey|conveyed|conveys|share|shared|shares|reiterated|reiterates|"
    r"underlined|stressed)\s+(?:(?:their|his|her|its|our|the|a|great|serious|grave|deep|"
    r"strong|particular)\s+)*[\"“]?(?:serious\s+|grave\s+|deep\s+)?concerns?[\"”]?$"
)
# What a state did, after its name: "China's activities", "North Korea's missile launches"
_STATE_ACTS_NOUN = re.compile(
    r"['’]s?\s+(?:[\w\"“”-]+\s+){0,3}?(?:actions?|activities|attempts?|conduct|moves?|"
    r"man(?:oeu|eu)vres?|maneuvers?|launch(?:es)?|tests?|deployments?|militari[sz]ation|"
    r"coercion|coercive|provocations?|aggression|incursions?|intrusions?|harassment|"
    r"behaviou?r|claims?|assertiveness|expansion|build-?up)\b"
)
_AMID = re.compile(r"\bamid\s+(?:[a-z]+\s+){0,2}$")
_ADDRESSED = (
    word_set(
        "urge urged urges urging called calls calling criticised criticized condemned condemns "
        "accused accuses warned warns thanked thanks thank congratulated congratulates condolences "
        "call"
    )
    | _OPPOSING
)
_HELD = word_set("chaired co-chaired held hosted co-hosted")
# A state welcomed as a state: as a member or into a body, or for what it does ("welcomed
# Timor-Leste as the newest member", "to welcome Timor-Leste into the ASEAN family", "welcomed
# Timor-Leste's participation", "welcomed Japan's contributions"): development sets label it a
# party, however low in the story. Not what a state's name owns ("welcomed Korea's T'way Air",
# "China's Golden Week holidaymakers", "China's return as the largest source market"), a market
# or guest of honour ("welcomed South Korea as its largest source market"), a team met on a day
# ("will welcome Vietnam on Friday"), nor the noun or the adjective ("the welcome Malaysia once
# gave", "a warm and welcoming Vietnam").
_WELCOMED_BEFORE = re.compile(
    r"\b(?:welcomed|welcomes|(?:to|will|would|also|and|jointly|warmly)\s+welcome)\s+(?:the\s+)?$"
)
_WELCOMED_AFTER = re.compile(
    r"(?:\s*$|\s*[,;]|\s+(?:into|on\s+(?:its|becoming|joining)|becoming|joining|to\s+join)\b"
    r"|\s+as\s+(?:(?:a|an|the|its|asean['’]s|the\s+bloc['’]s)\s+)?(?:(?:newest|new|full|11th|"
    r"eleventh)\s+)*(?:full\s+)?(?:member|observer|partner)"
    r"|['’]s?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:participation|preparations?|admission|accession|membership|decisions?|efforts?|roles?|"
    r"offers?|proposals?|commitments?|readiness|candidacy|bids?|applications?|integration|"
    r"initiatives?|moves?|pledges?|support|contributions?|stance|position|assistance|aid|"
    r"cooperation|engagement|willingness|announcements?|invitations?|plans?|chairmanship|"
    r"chairship|hosting|interest|ratification|nomination|investments?)\b)"
)
# A state called on to act: "called for the US to end its embargo", "its call for Japan to" (not
# "called for reform of the UN Security Council", "a wake-up call for Vietnam to diversify", "called
# for Japan to be included"; but "called for Israel to be held accountable")
_CALLED_ON_BEFORE = re.compile(
    r"\b(?<!wake-up )(?<!wake up )(?<!wakeup )(?<!clarion )(?<!last )"
    r"(?:call|called|calling)\s+for\s+(?:the\s+)?$"
)
_CALLED_ON_AFTER = re.compile(
    r"\s+to\s+(?!the\b|a\b|an\b|be\s+(?:included|invited|admitted|added|represented|consulted|"
    r"allowed)\b)[a-z]+"
)
# What a state did for the act reported, praised by another ("commended the mediation efforts of",
# "appreciates the support of the Russian Federation"), or the state congratulated: development
# sets label such a state a party, however low in the story.
_PRAISED_ROLE = re.compile(
    r"\b(?:commend|prais|thank|welcom|laud|hail|appreciat)(?:ed|es|e|s|ing)?\s+(?!to\b)(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:mediation|efforts?|contributions?|support|assistance|facilitation|work|role|leadership)"
    r"\s+(?:of|by)\s+(?:the\s+)?$"
    # ... or the state itself, congratulated: "Li also congratulated Timor-Leste on becoming",
    # "congratulated the people of Laos on their National Day"
    r"|\bcongratulat(?:ed|es|e|ing)\s+(?:the\s+)?"
    r"(?:(?:people|government|leadership|leaders?)\s+(?:and\s+(?:the\s+)?"
    r"(?:people|government|leadership|leaders?)\s+)?of\s+(?:the\s+)?)?$"
    # ... or in the noun: "extended congratulations to Timor-Leste on becoming", "to the people and
    # leadership of Timor-Leste", "sent a congratulatory message to"; condolences alike ("conveyed
    # India's condolences to the people and the royal family of Thailand")
    r"|\b(?:congratulations|congratulatory\s+(?:messages?|letters?|notes?|cables?|telegrams?)|"
    r"condolences|sympath(?:y|ies))\s+to\s+(?:the\s+)?"
    # ... "to the Party, State and people of Vietnam"
    r"(?:(?:(?:party|state|people|government|leadership|leaders?|royal\s+family|nation)\s*,?\s+"
    r"(?:and\s+(?:the\s+)?)?){1,4}of\s+(?:the\s+)?)?$"
)


_GAMES_PASSIVE = (
    r"\b(?:games|cup|championships?|tournament|olympics|marathon)\s+"
    r"(?:(?:was|were|will be|to be|being)\s+)?(?:co-)?hosted"
)
_GAMES_HOSTED = re.compile(rf"{_GAMES_PASSIVE} by\s+(?:the\s+)?$")
# ... as the second of two hosts: "The 2029 SEA Games will be co-hosted by Thailand, the host of
# the 2025 edition, and Laos".
_GAMES_CHAIRED_WITH = re.compile(rf"{_GAMES_PASSIVE}\b[^.;]{{0,120}}$")
_BORDER_WITH = re.compile(
    # "border trade camps with China": the trade's own posts, as where
    r"\bborders?(?:\s+trade)?(?:\s+(?:trade|posts?|camps?|crossings?|gates?|"
    r"checkpoints?|areas?|towns?|provinces?|districts?|regions?|zones?|points?))?$"
)
# ... unless the neighbour is dealt with over them, a few words before: "agreed to reopen border
# trade camps with Thailand", "proposed talks on a demilitarised border zone with Cambodia",
# "disputed border points with Thailand" (not a firm's name, "Joint Stock Company shipped durian
# through border gates with China", a proposal to its own government, "proposed that the Government
# upgrade two border gates with Laos", a decision of its own, "signed a decision upgrading Na Meo
# border gate with Laos", nor a deal further back in the sentence).
_BORDER_DEALT = re.compile(
    r"\b(?:agree|agreed|agrees|agreements?|sign|signed(?!\s+(?:a|the)\s+decisions?\b)|pacts?|"
    r"deals?|accords?|mou|(?<!['’]s\s)propos\w*(?!\s+that\b)|talks|disputed?|disputes|"
    r"negotiat\w*|demarcat\w*|jointly|joint(?!\s+(?:stock|ventures?|operations?|task)\b))\s+"
    r"(?:[\w'’-]+\s+){0,7}$"
)
_RANKED_BEFORE = re.compile(
    r"(?:%|percent|per cent|\d|\b(?:rose|risen|rising|fell|fallen|falling|grew|grown|growth|"
    r"increased?|declined?|jumped|surged|dropped|climbed|arrivals|visitors|exports|imports))"
    r"(?:\s+[\w'-]+){0,3}\W{0,3}$"  # "foreign visitors for Songkran, led by China"
)


def gathered_as(folded: str, start: int) -> str | None:
    """The states are named as the parties of a meeting or a grouping, and not as the origin or
    place of something else ("exhibitors from China"): of the meeting reported ("reported": "the
    meeting was attended by", "brought together") or of a standing grouping ("standing": "the
    ADMM-Plus brings together", "partners including Japan")."""
    # The sentence's words before the name, over twice the usual reach: a long list of who came may
    # put the gathering far back ("brought together the defence ministers of ASEAN member states and
    # their counterparts from the eight Plus countries, including Australia").
    before = re.split(r"[.;!?]\s", window_before(folded, start, WINDOW * 4))[-1]
    found = _GATHERING.search(before)
    if (
        found is None
        or (
            word_before(folded, start) in PREPOSITIONS - {"of"}
            and not (
                # "The ADMM-Plus brings together ... their counterparts from": a grouping's, not a
                # meeting's ("The two-day meeting ... brings together")
                _PEERS_FROM.search(folded, max(0, start - 40), start)
                and found.group().startswith("bring")
                # past an apposition of the grouping: "The ARF, set up in 1994 as a security
                # dialogue, brings together"
                and not _MEETING_WORD.search(_APPOSITIONS.sub(" ", before[: found.start()]))
            )
        )
    ):
        return None
    return "reported" if _REPORTED_GATHERING.search(found.group()) else "standing"


_TIES_NEXT = re.compile(r"\s+(?:relations|ties)\b")
# The government itself, not a team's delegation, side or officials.
_GOVERNMENT = frozenset(
    ("government", "ministry", "ministries", "minister", "ministers", "president", "prime minister")
)


def government_after(folded: str, end: int) -> bool:
    found = _OFFICIAL_AFTER.match(window_after(folded, end))
    return found is not None and found.group("body") in _GOVERNMENT


# Bodies in the plural: several states' ("the Thai and Cambodian governments").
_PLURAL_BODIES = word_set("governments navies militaries armies coastguards") | {"coast guards"}
# What a team has as a state has: in a story about sport, the team's.
_TEAM_BODIES = word_set("delegation delegates side contingent")
# The words that make "defence" a state's: "Vietnam's defence ministry", "the Thai defence chief".
_DEFENCE_BODY_NEXT = re.compile(
    r"\s+(?:ministry|ministers?|department|secretary|chiefs?|forces|officials?|attach\w*|"
    r"cooperation|ties|pact|agreement|budget|industry|white paper)\b"
)


# A band's or a troupe's members, not a body's: "Thai members performing in Korean groups".
_PERFORMERS_NEXT = re.compile(
    r"\s+(?:singing|dancing|(?:performing|playing)\s+(?:in|with|at|on)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:groups?|bands?|troupes?|stages?|concerts?|choirs?|orchestras?|shows?)|"
    r"(?:of|in)\s+(?:the\s+|a\s+|leading\s+|popular\s+|several\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bands?|troupes?|choirs?|orchestras?|casts?|boy\s+bands?|girl\s+groups?|"
    r"(?:k-pop|korean|j-pop|pop|idol)\s+groups?))\b"
)


# "on the Thai side": the name, one word, right after "on the"
_ON_THE = re.compile(r"on the \S+$")


# What a government issues and others buy: "US government bonds", "Japanese government debt".
# ("notes", "bills" and "yields" are left out: "the Thai government notes that" is a verb.)
_SECURITIES_NEXT = re.compile(r"\s+(?:bonds?|securities|debt|paper|treasuries|borrowing costs)\b")


# "In Vietnam, authorities ordered the evacuation ...", "In Thailand, the government has promoted":
# the state's own bodies at work, the state set before them.
_IN_FRONT_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)\s*in\s+(?:the\s+)?$")
_BODY_AT_WORK_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:local\s+|central\s+|national\s+|provincial\s+)?(?:authorities|"
    r"officials|government|police|military|army|navy|coast\s+guard)\s+"
    # where they act, within the state: "authorities in several central provinces ordered" (not
    # "officials in rebel-held areas", "in Arakan Army-run districts")
    r"(?:in\s+(?:the\s+|several\s+|some\s+|many\s+|most\s+|all\s+|at\s+least\s+\w+\s+|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:(?:central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|coastal|border|affected|flood-hit|storm-hit|quake-hit|"
    r"mountainous|low-lying|neighbou?ring)\s+){0,2}"
    r"(?:provinces?|districts?|cities)\s+)?"
    r"(?:(?:has|have|had|is|are|was|were)\s+)?(?:also\s+|already\s+)?"
    # a verb of a body at work, not a noun after the body's ("government bonds rallied", "police
    # killings during the drug war")
    r"(?:ordered|ordering|orders|said|says|announced|announces|evacuated|evacuating|banned|bans|"
    r"closed|closes|shut|issued|issues|declared|declares|imposed|imposes|deployed|deploying|"
    r"arrested|detained|warned|warns|urged|urges|launched|launches|began|begun|started|"
    r"suspended|suspends|promoted|organised|organized|organising|organizing|rescued|reported|"
    r"confirmed|recorded|told|asked|called|raised|set\s+up|stepped\s+up)\b"
)


def body_after_fronted(folded: str, start: int, end: int) -> bool:
    """The state opens the sentence as where its own bodies act: "In Vietnam, authorities ordered
    fishing boats to return to port"."""
    return bool(
        _IN_FRONT_BEFORE.search(folded, max(0, start - 12), start)
        and _BODY_AT_WORK_AFTER.match(folded, end)
    )


def official_after(text: str, folded: str, end: int, listed: bool = False) -> bool:
    """An official body right after the name ("the Thai government", "Japan's foreign ministry"),
    with no capitalised word between them: "Malaysian Furniture Council" is an association.
    Read a little further than other cues: "Malaysia's Natural Resources and Environmental
    Sustainability Ministry"."""
    found = _OFFICIAL_AFTER.match(window_after(folded, end, WINDOW + 20))
    if found is None or folded.endswith("chef de ", 0, end + found.start("body")):
        return False  # a team's "chef de mission"
    if found.group("body") in _PLURAL_BODIES and not listed:
        # "ASEAN governments" are its members', not the bloc's; "the Thai and Cambodian
        # governments" are the two states'
        return False
    if found.group("body") == "official" and folded.startswith(" development", end + found.end()):
        return False  # "Japanese official development assistance": aid, named as its origin
    if found.group("body") == "official" and folded.startswith(" language", end + found.end()):
        return False  # "Tetum and Portuguese, the country's official languages": a language
    if found.group("body") == "diplomatic" and _TIES_NEXT.match(folded, end + found.end()):
        return False  # "Vietnam and Morocco established diplomatic relations": a relation, no body
    at = end + found.start("body")
    if found.group("body") == "office" and folded.endswith("box ", 0, at):
        return False  # "earned 450 million baht at the Thai box office": cinemas, not a body
    if found.group("body") == "government" and _SECURITIES_NEXT.match(folded, end + found.end()):
        return False  # "invested in United States government bonds": a market, not a body
    if (
        found.group("body") in ("king", "queen")
        and folded[end:at].strip().removeprefix("'s").removeprefix("’s").strip()
    ):
        return False  # "Malaysian pop queen Siti Nurhaliza": a title won, not a throne
    if found.group("body") == "members" and _PERFORMERS_NEXT.match(folded, end + found.end()):
        return False  # "several Thai members performing in leading Korean groups": artists
    if found.group("body") == "side" and _ON_THE.search(window_before(folded, end)):
        return False  # "Mae Sot, on the Thai side of the border": where, not who
    if found.group("body") in _TEAM_BODIES and sport_story(folded):
        return False  # "Timor-Leste's largest-ever delegation" to the Games: a team
    if (
        found.group("body") in {"defence", "defense"}
        and not _DEFENCE_BODY_NEXT.match(folded, end + found.end())
        and sport_story(folded)
    ):
        return False  # "Viet Nam's defence held firm": a team's back line
    if found.group("body") == "agency" and _TRADE_AGENCY.search(folded, max(0, at - 30), at):
        # "Indonesia's Antara news agency reported": the press; "a Vietnamese event agency": a firm
        return False
    craft = _CRAFT.match(folded, at)
    if craft is not None and (
        _BOUGHT_BEFORE.search(window_before(folded, end, WINDOW))
        or _BOUGHT_AFTER.match(folded, craft.end())
    ):
        return False  # "agreed to buy 42 French fighter jets": goods made there, not its forces
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
    if (
        found.group("body") in _OFFICIALS
        and any(w.lower() in _SPORTS for w in between)
        and "and" not in between  # "Lao education and sports officials": a ministry's
    ):
        return False  # "Lao sports officials", "Thai golf federation officials": a federation's
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
        (w[0].isupper() and w.lower() not in _PORTFOLIOS and not named)
        or (
            w.lower() in _NOT_BETWEEN
            and not (
                w.lower() in _UNDER_ITS_FORCES
                and found.group("body") in _FORCES
                and any(c.lower() in _CRAFT_WORDS for c in between)
            )
        )
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
_PAIR_NAMED = re.compile(rf"-\s*[\w.' ]{{2,30}}?\s+{_INSTITUTION}")
_NAMED_AFTER = re.compile(rf"\s+{_INSTITUTION}")


_TITLE_START = re.compile(r"\s*(?:\([^()\n]{1,12}\)\s*)?")
_TITLE_TO = re.compile(rf"^\s+to\s+(?:\w+ly\s+)?(?:{_ACTS})\b")
# What a state "is taking part" in, or "will take part" in, as a government: a meeting, talks or
# drills, or a seat at them ("as a full member", "as an observer"); not a fair, a festival or games,
# where its firms, troupes and teams take part.
_PART_TAKEN_IN = re.compile(
    r"\s+(?:as\s+(?:an?\s+|the\s+|its\s+)?(?:full\s+|new\s+|first-time\s+)?"
    r"(?:member|observer|partner|dialogue\s+partner|co-chair|chair|"
    r"guest(?!\s+(?:team|side|of\s+honou?r)))\b|"
    # (not "the festival's opening ceremony", "the technical meeting for the final")
    r"in\s+(?:the\s+|an?\s+)?(?:(?!(?:festival|fair|games|championship|cup|tournament|match|expo|"
    r"exhibition|concert|parade)\b)[\w'’-]+\s+){0,4}?"
    r"(?:summit|summits|meeting|meetings|talks|dialogue|forum|consultations|conference|retreat|"
    r"exercise|exercises|drills|negotiations|session|sessions|round)\b"
    r"(?!\s+(?:for|of|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:final|finals|match|games|"
    r"championship|cup|tournament|festival|fair)\b))"
)
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:an?|the)\s+(?:eventual|possible|potential|future|prospective|hypothetical)\s+$"
)


def acts(text: str, folded: str, start: int, end: int) -> bool:
    """The name (or the last of a list) as one side of a pair ("Vietnam-Japan relations", not the
    "Vietnam-Germany Friendship Hospital"), or as the subject of a verb of state action (not after
    a preposition: "exports to China will rise")."""
    after = after_name(folded, end)
    if PAIR.match(after):
        if _HYPOTHETICAL_BEFORE.search(folded, max(0, start - 30), start):
            return False  # "an eventual ASEAN-EU free trade agreement": a pact no one has made
        if _RIVALRY.match(after) and _BACKGROUND_WORD.search(folded, max(0, start - 40), start):
            return False  # "amid US-China rivalry": the setting of the story
        return not _PAIR_NAMED.match(text, end)
    clause = window_after(folded, end, WINDOW * 2)  # room for ", which joined ASEAN in 2025,"
    if clause.startswith(",") and _RELATIVE_OPEN.search(folded, max(0, start - 80), start):
        return False  # "Kazakhstan, which borders China and Russia, has sought": Kazakhstan's verb
    if _RELATIVE_ACTS.match(clause):
        return True  # "to Bangladesh, which will host the next summit"
    # "after" starts a clause as often as a phrase: "shortly after Russia and ASEAN agreed".
    word = word_before(folded, start)
    if word in _MARKET_ADJECTIVES:
        return False
    address = (
        _ADDRESS_BEFORE.search(text, max(0, start - 60), start)
        if text.startswith(",", end)
        else None
    )
    if address is not None and (address.group("the") is None or _ADDRESS_GOES_ON.match(text, end)):
        return False  # "in Santa Cruz, Manila, on Tuesday opened": a part of an address
    if word in PREPOSITIONS and word != "after":
        return False
    participle = (word or "").rsplit("-", 1)[-1]
    if _OBJECT_OF.search(participle) and participle not in _NOT_OBJECT_OF:
        return False  # "tourists visiting Vietnam reached 3.6 million": the object of a verb
    if _SAID_BY_NEXT.match(text, end):
        return False  # "markets such as Uganda and Tanzania, said the deputy minister"
    found = _ACTS_AFTER.match(clause)
    if found is None and _TITLE_START.fullmatch(folded, 0, start):
        # a headline's future, its subject first: "Russia, ASEAN to mark 30 years" (not "Garuda
        # Indonesia to Resume Jakarta-Amsterdam Flights")
        found = _TITLE_TO.match(clause)
    # "Vietnam welcomed 15.8 million arrivals", "Myanmar exported 2 million tonnes": a figure
    # right after the verb is a market's count, not a state acting.
    if found is None:
        return False
    named = found.groupdict()
    if (
        (named.get("weighing") or named.get("nearing"))
        and not _LISTED.search(folded, start, end)
        and not _LISTED_BEFORE.search(folded, max(0, start - 60), start)
        and not text[start:end].isupper()
    ):
        return False  # one state alone, not a bloc's initials: as often a firm named for it
    if named.get("abbr") and not _initials(text[start:end], named["abbr"]):
        return False
    words = found.group().split()
    verb = words[-1] if words else ""
    if verb in _COUNTING_VERBS and _FIGURE_NEXT.match(clause, found.end()):
        return False
    if verb.startswith("contribut") and _SHARE_COUNTED.match(clause, found.end()):
        return False  # "Australia contributed 160,418 arrivals": a market's share
    if (verb in {"demand", "demands"} and _DEMAND_NOUN.match(clause, found.end())) or (
        verb == "demand" and _DEMAND_EFFECT.match(clause, found.end())
    ):
        return False  # "as US demand softens": the market's demand, not a state demanding
    if (
        verb == "participating" or (verb == "part" and words[-2:-1] in (["take"], ["taking"]))
    ) and not _PART_TAKEN_IN.match(clause, found.end()):
        return False  # "Japan and Korea are taking part in the trade fair": exhibitors, teams
    if verb in {"holds", "held", "hold"} and _RESOURCE_HELD.match(clause, found.end()):
        return False  # "Indonesia holds the world's largest nickel reserves": what it has
    turn = _TURN_HELD.match(clause, found.end()) if verb in {"holds", "held", "hold"} else None
    if (
        turn is not None
        and ("rotating" in turn.group() or not _MEETING_CHAIRED.match(clause, turn.end()))
        and not _CHAIRED_AS.search(folded, max(0, start - 120), start)
    ):
        return False  # "Laos holds the ASEAN chairmanship this year": a turn, not an act
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


# Two sides or more: a list, or "the two sides", "both countries"; or a side named before "and"
# and its initials ("The Association of Southeast Asian Nations (ASEAN) and the GCC").
_LISTED = re.compile(r",|\b(?:and|two|both|three)\b")
_LISTED_BEFORE = re.compile(r"\band\s+(?:the\s+)?$")


def _initials(name: str, abbr: str) -> bool:
    """Whether the letters in brackets stand for the name (the last of a list): in its order,
    from the first letter of one of its words ("Gulf Cooperation Council (GCC)", "Association of
    Southeast Asian Nations (ASEAN)", "Lao People's Democratic Republic (Lao PDR)"; not "Vale
    Indonesia (INCO)")."""
    letters = re.sub(r"[^a-z]", "", abbr)
    words = re.findall(r"[^\W\d_]+", name.lower())
    for i, word in enumerate(words):
        if word[0] != letters[0]:
            continue
        rest = iter("".join(words[i:]))
        if all(c in rest for c in letters):
            return True
    return False


_OWNER_S = re.compile(r"['’]s?\s")
# A body named for the state, the name its first word: "the Vietnam Chamber of Commerce", "China
# Agricultural University" (not "to Myanmar about armed groups")
_ORGANISATION_AFTER = re.compile(
    r"\s+(?:(?!(?:about|over|on|in|of|for|to|with|from|regarding|after|amid|during|the|a|an|and|"
    r"or|that|which|who|as|at|by)\b)[a-z&-]+\s+){0,3}?(?:chambers?|universit(?:y|ies)|"
    r"associations?|federations?|societ(?:y|ies)|clubs?|corporations?|compan(?:y|ies)|firms?|groups?|banks?|institutes?|"
    r"foundations?|academ(?:y|ies)|colleges?|unions?|leagues?|importers?|exporters?|refiners?|"
    r"traders?|airlines?|businesses|producers?|manufacturers?)\b"
)
_CONCERNS_TOLD = word_set("conveyed communicated relayed raised expressed voiced lodged")
_AS_BEFORE = re.compile(r"\bas\s+(?:the\s+)?$")
_WISH_AFTER = re.compile(r"['’]s\s+(?:(?:strong|sincere|earnest)\s+)?(?:wish|wishes|desire)\s+to\b")
_CONVEYED_BEFORE = re.compile(
    r"\b(?:conveyed|expressed|reiterated|relayed|affirmed|reaffirmed)\s+(?:the\s+)?$"
)
_ROLE_OF_ANOTHER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:partners?|ally|allies)\b")


def owns(text: str, folded: str, start: int, end: int) -> bool:
    """The name's own official body, position or relation: "Japan's foreign ministry",
    "Russia's stance", "Vietnam-Japan relations"."""
    after = window_after(folded, end)
    if _WISH_AFTER.match(after) and _CONVEYED_BEFORE.search(folded, max(0, start - 24), start):
        return True  # its envoy or head of state tells what it wants: "conveyed Malaysia's wish to"
    if _OWN.match(after):
        # ... not a description of another: "Australia, as ASEAN's first dialogue partner,"
        return not (
            _AS_BEFORE.search(folded, max(0, start - 8), start) and _ROLE_OF_ANOTHER.match(after)
        )
    if official_after(text, folded, end) and not market_members(folded, start, end):
        return True
    # the second name of a pair: "Japan" in "Vietnam-Japan relations", not "amid US-China rivalry"
    pair = PAIR_BEFORE.search(folded, max(0, start - 30), start)
    if pair is None:
        return False
    second = after_name(folded, end)
    if _RIVALRY_SECOND.match(second):
        return not _BACKGROUND_WORD.search(folded, max(0, pair.start() - 40), pair.start())
    return bool(PAIR_SECOND.match(second)) and not _NAMED_AFTER.match(text, end)
