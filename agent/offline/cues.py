"""The offline engine's vocabulary: regular expressions for the phrases behind each signal.

Cues describe *behaviours* (asking where labels come from, naming what is sacrificed), not topic words,
so they catch paraphrase ("who tags these transactions?") and leave out passing mentions. Negation,
dismissal, keyword stuffing and context are handled in `detector.py`.
"""

from __future__ import annotations

import re


def rx(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


FRAMES = rx(
    r"\b(?:is|are) what (?:really |actually )?matters\b|\bwhat ['\"\u2018\u2019]?good['\"\u2018\u2019]? means\b|"
    r"\bthe (?:question|goal|point) (?:going in )?was whether\b",
    r"\b(?:a good|success|a win|good) (?:\w+ )?(?:means|is|looks like)\b|\bwhat (?:\w+ ){0,2}is for\b|"
    r"\bbefore (?:touching|"
    r"proposing|anything|any model)\b|\bestablish\w* (?:how|what|who|whether)\b|\btwo kinds of (?:mistakes?|errors?|"
    r"failures?|users?|queries|customers)\b|\bdepends (?:on )?what (?:the |they |we )?\w+ (?:is |are )?(?:really |"
    r"actually )?(?:after|wants?|needs?)\b|\b(?:few|some|a couple of|a few) questions\b",
    r"\b(?:first|so first),? (?:there'?s|is) the (?:goal|question|objective|decision)\b|\bwho'?s (?:getting )?(?:hurt|"
    r"affected|impacted|paying|harmed)\b|\bit'?s (?:a|an|really a) \w+ decision\b|\bbefore saying (?:yes|no)\b",
    r"\b(?:i'?d|i would|i'?ll|i) (?:first )?(?:want|like|need) to (?:know|understand|find out|pin down|establish) "
    r"(?:which|what|who|how|whether|if|why)\b",
    r"\b(?:is|are|'s) really (?:two|three|four|a few|several) (?:pieces|parts|problems|questions|things|decisions)",
    r"\b(?:two|three) (?:very |quite )?different (?:kinds|types|problems|questions|cases|populations|use cases)",
    r"\bbreaks? (?:down )?into\b|\bdecompose\b",
    r"\bthe (?:prediction|score|model|forecast|estimate|output)s? (?:sets|drives|feeds|decides|gates|triggers|is "
    r"used)\b",
    r"\bwho (?:is|are|'s|'re) (?:the |our |actually )?(?:user|users|customer|customers|consumer|audience)",
    r"\bwho (?:uses|consumes|acts on|sees|reads)\b",
    r"\bwhat (?:decision|action|problem|question)s? (?:are we|do we|does|is|would|will|we're)",
    r"\bwhat (?:happens|do we do|does the business do) (?:with|when|after)",
    r"\bhow (?:will|would|is|are|does|do) (?:the |this |that |these )?(?:prediction|score|model|output|"
    r"forecast|ranking|estimate|result)s? (?:be |get |gets )?(?:used|consumed|acted|surfaced|shown)",
    r"\bwhat (?:does|would|is) (?:success|good|done|a win)\b",
    r"\bsuccess (?:look|mean)s?\b",
    r"\bbefore (?:i |we )?(?:choose|choosing|pick|picking|jump|jumping|reach|reaching|talk about|get(?:ting)? "
    r"into|design|designing|build|building)\b",
    r"\b(?:first|before anything)[, ]+(?:i'd|i would|i want to|i'd want to|let me|i'll) (?:want to )?"
    r"(?:clarify|understand|ask|pin down|confirm|check what|define|frame)",
    r"\b(?:clarify|pin down|define) (?:the |what |who |how |our )",
    r"\bwhat (?:are we|we're) (?:optimi[sz]ing|trying to|solving)",
    r"\bwhat(?:'s| is) the (?:goal|objective|use case|business goal|end goal|actual problem)",
    r"\bwhat counts as (?:a |an )?",
    r"\bis (?:this|the model|it) (?:for|used for|meant to|supposed to)\b",
    r"\b(?:the )?(?:real|underlying|actual) (?:goal|problem|question|objective) (?:is|here)",
    r"\bframe (?:this|the problem|it)\b",
)

TRADEOFF = rx(
    r"\btrade[- ]?offs?\b",
    r"\b(?:i'?m |we'?re )?fine with (?:that|it|some|a bit|slightly)\b|\b(?:aren'?t|isn'?t) symmetric\b|\btrades? "
    r"\w+(?: \w+)? (?:off )?against\b|\bevery false \w+ costs\b|\b(?:a |each )?missed \w+(?: \w+)? costs?\b|"
    r"\b(?:goes?|go) (?:slightly |a bit )?stale\b|\binvites? (?:rage|spam|gaming|abuse|fraud)\w*",
    r"\b(?:don'?t|doesn'?t|do not) cost the same\b|\bnot symmetric\b|\basymmetric\b|\bthat'?s the price\b|"
    r"\bthe price (?:is|we pay)\b|\bin exchange\b|\bpull in (?:slightly |very |quite )?(?:different|opposite) "
    r"directions\b",
    r"\bwe'?(?:ll| will) be (?:slower|worse|less|later|noisier)\b|\baccept (?:that|this|it) (?:for|in|as)\b|"
    r"\bcost:\s|\btoo (?:high|low|strict|loose|aggressive|early|late) and\b.{0,90}\btoo (?:high|low|strict|loose|lax|"
    r"aggressive|conservative|early|late)\b|\bwhich costs\b.{0,50}\bbut\b|\bcheaper (?:\w+ )?than\b",
    r"\b(?:on|from) the other side\b|\bthe other (?:side|direction|way) (?:of|is)\b",
    r"\bpull in (?:different|opposite) directions\b|\b(?:at odds|in tension)\b",
    r"\b(?:i'?d|i will|i'?ll|we'?d) (?:take|accept|eat|swallow) (?:that|the|a|some|slightly|more|less|a bit)\b",
    r"\b(?:lets?|letting|allow) (?:a bit |slightly |some )?(?:more|less|fewer)\b.{0,60}\bin exchange\b",
    r"\brather (?:have|take|be|lose|accept|keep|miss|ship)\b",
    r"\b(?:high|higher|more|lower|less) (?:recall|precision|coverage|accuracy|latency|cost)\b.{0,50}\b(?:but|at the|"
    r"in exchange|which means|and accept)\b",
    r"\bdoesn'?t (?:matter|help) (?:much )?if (?:it )?(?:also|it)\b|\bnot (?:worth|free)\b",
    r"\bwe'?d lose (?:some|a bit|a little|what)\b|\bwe (?:lose|give up|sacrifice|trade (?:away|off))\b",
    r"\b(?:that'?s|which is|and that'?s|i think that'?s) (?:acceptable|an acceptable|worth it|"
    r"the right call|a price)\b|"
    r"\bi accept (?:it|that)\b|\b(?:prefer|rather have) too (?:many|much) \w+ (?:than|over)\b",
    r"\bat the (?:cost|expense|price) of\b",
    r"\bin exchange for\b",
    r"\b(?:give|giving) up (?:a (?:bit|little)|some|on|accuracy|recall|precision|coverage|latency|freshness)\b",
    r"\bsacrific",
    r"\bthe (?:price|downside|catch|cost) (?:is|being|there)\b",
    r"\b(?:i'd|i would|we'd) rather\b",
    r"\bprioriti[sz]e\w* \w+(?: \w+)? over\b",
    r"\bover (?:\w+ ){0,3}because\b",
    r"\beven (?:though|if) (?:it|that|we|this)",
    r"\bworth (?:it|the|paying)\b",
    r"\bon the other hand\b",
    r"\b(?:accept|tolerate|live with) (?:a |some |more |slightly |higher |lower |a bit )",
    r"\b(?:lose|losing|cost us) (?:a (?:bit|little)|some)\b",
    r"\b(?:cheaper|faster|simpler|slower|costlier) but\b",
    r"\b(?:more|fewer|less) \w+(?: \w+)?,? but (?:more|fewer|less|it|we)",
    r"\bbalanc(?:e|ing) (?:between|against|the)\b",
    r"\bcomes at\b",
    r"\bcompet(?:ing|es) (?:goals|with|priorities)\b",
)

DATA = rx(
    r"\bonly shows?\b|\bsold out\b|\b(?:arrive|show up|move|go|happen) together\b|\bconfound\w*|\b(?:were|was|are|is) "
    r"chosen by\b|\b(?:logged|recorded) (?:as|when|only|differently)\b|\bonly see (?:part|some|a (?:slice|fraction))\b|"
    r"\bmeans in the (?:logs|data|database|records)\b",
    r"\bhow long (?:is it |does it take |do we wait )?(?:between|until|before)\b|\btrickles? in\b|"
    r"\b(?:find|finding|found) out (?:it|that|whether|if) (?:was|is|were) (?:bad|fraud|wrong|fake|spam)",
    r"\b(?:have|has|had) (?:fully )?(?:elapsed|matured|resolved)\b|\bmaturity window\b|\bblanks?\b|"
    r"\bempty fields?\b|\btimestamps?\b",
    r"\b(?:got|get|gets|was|were|is|are) filled in\b|\bwritten (?:by|after) the outcome\b|\b(?:tagged|labell?ed|"
    r"marked|recorded|entered|filled in) after the fact\b|\bnever gets? (?:tagged|labell?ed|reported|flagged|"
    r"reviewed|inspected|seen|logged)",
    r"\bonly (?:ever )?(?:see|sees|have|has|get|gets|contains?) (?:the )?\w+(?: \w+)? (?:that )?(?:we|somebody|someone|"
    r"they|the \w+) (?:chose|picked|called|approved|funded|showed|inspected|reviewed|licensed|flagged)",
    r"\bwhat (?:are|is) (?:we|the model|it) (?:learning|training) (?:from|on)\b|\bunder-?count\w*|\bover-?count\w*",
    r"\b(?:random|targeted) (?:or (?:random|targeted) )?(?:sample|inspection|review|audit)s?\b|\brandom sample\b",
    r"\bcheck (?:the )?quality\b|\b(?:checked|labell?ed|tagged|reviewed|verified|keyed) by hand\b|"
    r"\b(?:tilted|biased|skewed) (?:toward|towards|to|against)\b",
    r"\b(?:have|get) (?:someone|somebody|people|analysts|reviewers|raters|agents|a person|humans?) (?:to )?(?:tag|"
    r"label|review|annotate|check|inspect|key in)\b",
    r"\b(?:quality|reliability|accuracy|consistency|freshness|completeness|provenance) of (?:the |our |those |these )?"
    r"(?:labels?|tags|data|logs|ground truth|annotations|inputs|features|outcomes|records|training set)",
    r"\bhow (?:was|were|is|are) (?:it|they|these|those|the \w+) (?:labell?ed|tagged|annotated|collected|measured|"
    r"recorded|defined|generated|sampled)",
    r"\b(?:what|which) (?:counts|is counted|gets counted|qualifies) as (?:a |an )?(?:positive|negative|fraud|churn|"
    r"spam|conversion|failure|incident|default|success)",
    r"\bdefinition of (?:fraud|churn|a positive|the label|the target|an incident|default|spam|a conversion)",
    r"\b(?:schema|pipeline|upstream|logging|tracking|instrumentation) (?:change|changed|changes|bug|bugs|break|"
    r"broke|issue)",
    r"\bhow many (?:positives|examples|labels|failures|cases|incidents|frauds|defaults) (?:do we|we|are there)",
    r"\b(?:spot-?check|audit|eyeball|inspect) (?:a |the |some |a few |a sample)",
    # Specific data phenomena: naming one is already data-first thinking.
    r"\blabel noise\b|\bnois(?:y|e) (?:labels|data|targets|ground truth|tags)",
    r"\bleak(?:age|ing|s|y)?\b|\bleaks? the future\b|\b(?:showing|shows) up early\b",
    r"\b(?:data|concept|distribution|covariate|label|feature|prior) (?:drift|shift)\b|\bdrift(?:s|ing|ed)?\b",
    r"\b(?:train(?:ing)?[- /]serv(?:e|ing)|online[- /]offline) (?:skew|mismatch|gap|parity)|\bskew(?:ed)?\b",
    r"\b(?:selection|sampling|survivorship|position|popularity|exposure|presentation) (?:bias|effect)s?\b",
    r"\bbase rates?\b",
    r"\bpoint[- ]in[- ]time\b|\bbackfill\w*|\bdedup\w*|\bduplicates?\b",
    r"\bmissing(?:ness)?\b(?! out)|\bnulls?\b|\bsparse (?:data|labels|history|traces|coverage|signal|"
    r"feedback)\b|\bstale\b",
    r"\b(?:hand|human|manual)[- ]?(?:label|review|annotat|tag)\w*|\bre-?label\w*|\blabel(?:ling|"
    r"ing)? (?:audit|guidelines?|"
    r"quality|process|lag|delay)|\binter-?(?:rater|annotator)\b|\b(?:reviewers|raters|annotators|labell?ers) "
    r"(?:agree|disagree)|\bagreement\b",
    r"\bannotat\w*",
    r"\b(?:who|how) (?:tags|tag|marks|decides|flags|reviews|labels|annotates|labelled|labeled|tagged)\b",
    r"\bwhere (?:does|do|did|would) (?:the |this |these |that |our )?\w+(?: \w+)? come from\b",
    r"\b(?:comes?|came) from (?:phones|tags|logs|users|reviewers|moderators|raters|the old|the advertiser|"
    r"self-reports?|surveys|a vendor|the rules)",
    r"\bhow (?:late|delayed|stale|fresh|noisy|reliable|clean|complete|representative|consistent|trustworthy)\b",
    r"\b(?:delayed|late|lagging|lagged|censored|unresolved|immature) (?:labels|outcomes|feedback|signals|"
    r"ground|chargebacks|conversions|cohorts|data)",
    r"\b(?:lag|lags|arrive|arrives|show up|resolve|resolves|mature|matures) (?:\w+ ){0,3}(?:by |"
    r"after |for |in |within )"
    r"?(?:days|weeks|months|\d+ (?:days|weeks|months))",
    r"\b(?:aren'?t|isn'?t|not) (?:yet )?(?:resolved|matured|observed|labell?ed|logged|known)\b",
    r"\b(?:known|knowable|available) (?:at|before|by) (?:forecast|prediction|decision|serving|inference|scoring) time",
    r"\bonly (?:ever )?(?:see|have|observe|get|know) (?:the )?(?:outcomes?|labels?|repayments?|feedback|results|data|"
    r"ratings|clicks|reviews) (?:for|on|from|when|of)",
    r"\b(?:history|data|labels|outcomes|training set|logs) (?:is|are|was|were|gets?) (?:shaped|generated|produced|"
    r"biased|skewed|censored|collected|created) (?:by|from|under)",
    r"\breflects? (?:our |the |a )?(?:own )?(?:old|previous|existing|current|past|different|smaller)\b",
    r"\bwhat (?:we'?re|we'?d be|we are|the model is|it'?s|we'?ll be) (?:learning|training) (?:from|on)\b",
    r"\b(?:no|little|thin|limited|few|zero) (?:history|labels?|examples|reviews|ratings|outcomes|traces|samples|"
    r"training data|positives)\b",
    r"\b(?:broken|missing|faulty|flaky) (?:tags|tagging|logging|events|tracking|sensors?|pixels?|instrumentation)",
    r"\b(?:impression|event|exposure) logging\b|\blog(?:ging)? (?:impressions|what (?:was|we) shown|exposures)",
    r"\b(?:read|look at|looking at|go through|pull|sample|inspect|eyeball) (?:a |the |some |a few |a couple )?"
    r"(?:hundred|thousand|couple hundred|few hundred|sample|random sample|week of|month of|handful of|raw|actual|"
    r"examples|rows|records|cases|transactions|posts|messages|sessions|trips|logs)",
    r"\bsample of (?:the )?(?:\w+ ){0,2}(?:posts|messages|cases|transactions|examples|queries|searches|sessions|"
    r"accounts|trips|orders|loans|images|reviews)",
    r"\bcoverage (?:of|gaps?|holes?)\b|\bcold[- ]start (?:labels|data)\b",
    r"\b(?:data|input|feature|signal|label) (?:quality|freshness|coverage|audit|validation|checks?|lineage|"
    r"provenance|collection|gaps?|issues?|problems?)\b",
    r"\b(?:how|whether|if) (?:the |our |those |these )?(?:labels?|data|tags|outcomes|targets|inputs|features|logs)"
    r" (?:is|are|were|was|get|gets|can be|reflect|mean|match)",
    r"\btrust (?:the|those|these|our) (?:labels|tags|outcomes|numbers|logs|data|ratings)",
    r"\b(?:a |the )?(?:click|clicks|label|labels|proxy|tag|tags|signal|reward|target) (?:meant|means|measured|"
    r"measures|isn'?t|wasn'?t|was (?:a|only|just) (?:proxy|stand-in))\b|\bclickbait\b|\bproxy (?:label|target)",
)

PASSING = rx(r"\bobviously\b|\bof course\b|\bsure\b|\bgoes without saying\b|\bwhatever\b|\bstandard stuff\b")
PIVOT = rx(
    r"\banyway\b|\banyways\b|\bbut the (?:key|main|real|interesting|important|fun)\b|\bthe (?:real|interesting|"
    r"main|important|fun) (?:part|thing|question|work)\b|\bmoving on\b|\bthat aside\b"
)

DATA_DISMISSAL = rx(
    r"\b(?:rare|small|minor) enough (?:that )?it (?:won'?t|doesn'?t) matter\b|\btreats? (?:it|that|them) as noise\b|"
    r"\bdoesn'?t move (?:the )?\w+ much\b|\bso there'?s no (?:skew|leakage|drift|bias)\b|\b(?:population|sample|"
    r"dataset) is (?:big|large) enough\b",
    r"\b(?:is|are|as|'s|'re) (?:the |our |effectively |basically |simply |just )?(?:ground truth|"
    r"source of truth|system of "
    r"record|the truth)\b|\btreat (?:it|them|this|that|those|\w+ logs) as (?:the )?(?:ground )?truth\b",
    r"\b(?:are|is) what (?:they|it) (?:are|is)\b|\b(?:reliable|trustworthy|accurate|correct) because\b|\b(?:input side|"
    r"inputs?|pipeline) (?:is|are) identical\b|\b(?:big|large|broad) enough to represent\b",
    r"\b(?:just )?use (?:what'?s|whatever is|whatever'?s|what is|everything) (?:logged|in the (?:warehouse|tables|"
    r"logs)|available|there)\b|\bsource of truth\b",
    r"\b(?:labels|targets|ground truth) (?:come|comes) (?:for free|free|automatically)\b",
    r"\b(?:noise|errors|mistakes|bad labels) (?:will |would |should )?(?:average|cancel|wash|even) (?:out|itself out)",
    r"\b(?:millions|billions|lots|tons|plenty) of (?:rows|examples|records|data|samples)\b.{0,40}\b(?:doesn'?t "
    r"matter|won'?t matter|don'?t (?:need|worry|care))",
    r"\benough data (?:fixes|solves|beats|will fix|makes up)|\bmore data (?:fixes|solves) (?:it|that|everything)",
    r"\bassum\w* (?:stationarity|iid|i\.i\.d|the distribution (?:doesn'?t|won'?t|will not) change)",
    r"\b(?:train|fit) on (?:all of it|everything|whatever (?:we|there)|all the data we have)\b",
    r"\b(?:cleaning|data prep|data quality|labell?ing) (?:is|'s) (?:\w+ )?(?:someone else'?s|a data engineering|"
    r"not (?:my|our|an ml)|for the)",
    r"\b(?:don'?t|wouldn'?t|won'?t|no) (?:need|bother|reason) to (?:check|validate|look at|clean|audit|inspect) "
    r"(?:the )?(?:data|labels|inputs|logs)",
    r"\brobust to (?:\w+ ){0,2}(?:noise|missing|outliers|drift|bad labels|label)",
    r"\b(?:labels?|data|inputs?|ground truth)\w* (?:is|are|'s|'re) (?:fine|good enough|clean|ok|okay|solid|reliable|"
    r"accurate|correct)\b",
    r"\b(?:learns?|learn|train) (?:through|past|around) (?:it|that|the noise)\b|\btrain on everything\b",
    r"\bassum\w* (?:the |our |that the |that )?(?:labels?|data|dataset|inputs?|features?|ground truth)\w* "
    r"(?:is |are |will be |to be )?(?:clean|correct|accurate|fine|good|reliable|perfect|given|ok|okay)",
    r"\b(?:data|labels?|inputs?|the dataset|cleaning|data prep|preprocessing)\w* (?:is|are|'s) (?:the )?"
    r"(?:easy|trivial|boring|fine as|a solved|not (?:the|an?|my|really))\b",
    r"\b(?:wouldn't|won't|don't|not|never|no need to) (?:\w+ )?(?:worry|bother|spend \w+|care|fuss|dwell)\w* "
    r"(?:too much |much |about |on |with )?(?:the )?(?:label|data|noise|cleaning|missing|quality|drift|skew|"
    r"inputs?|annotation)",
    r"\b(?:label|data) (?:noise|quality|issues?|cleaning) (?:isn't|is not|aren't|won't be|wouldn't be|"
    r"shouldn't be|doesn't) (?:really )?(?:a |an |my |our )?(?:problem|issue|concern|matter|big deal|priority)",
    r"\b(?:the )?model (?:will|should|can) (?:learn|handle|figure|absorb|deal with) (?:\w+ )?(?:noise|"
    r"that|it|the mess|missing|bad labels)",
    r"\b(?:just|simply) (?:drop|impute|throw away|ignore|fill) (?:the )?(?:nulls|missing|rows|bad|noisy|them)",
    r"\b(?:more|bigger) (?:data|model) (?:fixes|solves|beats|will fix|will solve)",
    r"\bdata (?:stuff|side|part|work|wrangling) (?:is )?(?:for|someone|the data team|not)",
)

SIMPLE = rx(
    r"\bbaselines?\b",
    r"\bnothing trained\b|\bchecklist\b|\bdumbest thing\b|\bspreadsheet\b|\bhard-?coded (?:rules?|thresholds?)\b|"
    r"\b(?:median|mean|average) (?:\w+ ){0,2}of (?:comparable|similar|the last|recent)\b|\bseasonal naive\b|"
    r"\bnaive (?:forecast|baseline|model)\b",
    r"\b(?:rules?|heuristics?|lookups?|lookalikes?|comparables?|a checklist|averages?|medians?|naive) first\b|"
    r"\b(?:shouldn'?t|doesn'?t|needn'?t|won'?t) (?:be|need) (?:a model|ml|machine learning)\b|"
    r"\bno \w+ (?:for now|yet|in "
    r"v1|at first)\b|\b(?:ugly|crude|basic|boring),? but\b|\bembarrassingly (?:simple|hard to beat)\b",
    r"\b(?:not|n'?t|wouldn'?t|won'?t|never) (?:train|build|use|chase|need) (?:anything|any model|a model|ml|a "
    r"black[- ]box|a learned)\b|\bin the beginning\b|\bboring,? but\b|\b(?:it'?s )?crude,? but\b|\bit'?s crude\b",
    r"\bbefore that,? though\b|\b(?:a |one )?(?:category|simple|single|keyword|business|hand-written) rule\b|"
    r"\bbm25\b|\bno (?:\w+ )?features at all\b|\btemplates? (?:for|first)\b|\bnot before\b",
    r"\b(?:a |just a |one )?(?:sql query|if[- ]statement|lookup table|moving average|rolling (?:average|mean|median)|"
    r"z-?scores?|percentile (?:rule|cutoff)|threshold rule|blocklist|allowlist|keyword rules?)\b",
    r"\bno ml (?:for|in|at) (?:v1|the first|first|now|the start)\b|\bwithout (?:any )?ml\b|\bdon'?t need (?:ml|"
    r"a model|deep learning)\b",
    r"\b(?:logistic|linear) regression (?:is|would be) (?:plenty|enough|fine|good enough)\b|\bboring thing\b|"
    r"\bget (?:us )?(?:\d+ ?%|most of the way|eighty percent)\b|\b(?:good|far) enough (?:for now|to start)\b",
    r"\bcheap(?:est)? (?:thing|option|version|win)s?\b|\b(?:averages?|medians?|counts?|rates?) (?:by|per) "
    r"(?:segment|region|category|day|hour|store|merchant|user|cohort)\b|\bpopularity\b",
    r"\b(?:rules?|heuristics?) first\b|\bincremental(?:ly)?\b|\bcrawl,? walk,? run\b|\biterate (?:from|on)\b",
    r"\bstart(?:ing)? (?:with|from|by|out with) (?:\w+ ){0,3}(?:simple|basic|dumb|boring|historical|medians?|"
    r"averages?|counts?|rules?|heuristics?|lookups?|explainable|thresholds?|percentiles?)",
    r"\b(?:something|anything) (?:simple|dumb|boring|cheap|basic|explainable|small)\b|\b(?:skip|no|nothing) "
    r"(?:anything )?fancy\b",
    r"\bboring (?:features|model|approach|baseline|version)\b|\bhand[- ]tuned\b|\bscorecard\b",
    r"\b(?:gradient[- ]boosted|boosted) (?:tree|trees|model|ranker)\b",
    r"\b(?:isn'?t|not|doesn'?t need) (?:a model|ml|an ml model|worth it)(?: at all| yet)?\b|\bat least at first\b|"
    r"\bbefore (?:we |i )?(?:build|building|train|training) (?:anything|a model|any model)\b|\bbefore any model\b",
    r"\bmove to (?:a )?(?:learned|ml|deep|bigger|more complex|fancier|heavier) model (?:once|when|if|only)",
    r"\b(?:keep|stay with|stick with|fall back to) the (?:simpler|simple|existing|current|cheaper) (?:one|model|"
    r"score|rules|version)",
    r"\buntil (?:the )?(?:trees|baseline|simple model|rules|it|that) (?:plateau|stop|stall|run out|flatten)",
    r"\b(?:wouldn'?t|won'?t|not|don'?t) (?:touch|bother with|reach for|try|build) (?:\w+ ){0,4}until\b",
    r"\bstart(?:ing)? (?:with|from|by) (?:a |an |the |some )?(?:simple|simplest|basic|plain|dumb|cheap|"
    r"logistic|linear|heuristic|rules?|hand[- ]written|gradient[- ]boosted|gbdt|gbm|xgboost|lightgbm|"
    r"tree|popularity|moving average|seasonal naive|naive|last[- ]value|threshold|lookup|small|lightweight)",
    r"\b(?:simple|simplest|basic|dumb|boring|cheap) (?:model|heuristic|rules?|approach|thing|version|first)",
    r"\bheuristics?\b",
    r"\brules?[- ]based\b|\bhand[- ]?(?:written|tuned|crafted) rules?\b",
    r"\blogistic regression\b|\blinear (?:model|regression)\b",
    r"\b(?:wouldn't|won't|not|don't|no need to) (?:build|add|reach for|bring in|go|start with|jump to) "
    r"(?:\w+ ){0,3}(?:yet|first|right away|until|day one|initially)\b",
    r"\bonly (?:move|go|switch|graduate|reach|add|consider|upgrade)\w* (?:to |for )?\w+(?: \w+){0,4} (?:if|once|when)",
    r"\b(?:earn|justif)\w* (?:its |the |any |more )?complexity\b",
    r"\bfirst (?:version|iteration|cut|pass)\b|\bv1\b|\bmvp\b|\bweek one\b|\bday one\b",
    r"\bkeep (?:it|things|v1|the first) (?:simple|boring|small|dumb)\b",
    r"\bbefore (?:anything|reaching for|we reach for|trying) (?:fancy|deep|complex|a neural)",
    r"\boff[- ]the[- ]shelf\b",
    r"\b(?:see|check|measure) (?:how far|if|whether) (?:a |the )?(?:simple|basic|baseline|heuristic)",
)

IMPACT = rx(
    r"\b(?:eat|eats|absorb|absorbs|swallow) the (?:loss|cost|fee)\b|\b(?:lose|losing|lost) (?:the|their|a) (?:fee|sale|"
    r"customer|merchant|business|deal|order)\b|\bhow much (?:we'?re|we are|it'?s|this is) (?:actually )?(?:losing|"
    r"costing|saving|making|worth)",
    r"\bbusiness (?:number|metric|outcome|case|result)\b|\btie\w* (?:\w+ ){0,3}to (?:the )?(?:business|revenue|"
    r"outcome|decision|users?|money)|\b(?:trying to|want to|need to) (?:save|protect|grow|reduce|cut) (?:\w+ ){0,2}"
    r"(?:money|costs?|minutes|hours|losses|churn|time|tickets)",
    r"\b(?:bad|good|better|worse) deal\b|\bpays? (?:the )?wrong\b|\bcarr(?:y|ies) (?:most of )?the (?:revenue|"
    r"volume|traffic|value|money)\b|\b(?:honest|legit(?:imate)?|real|good) (?:people|users|customers|merchants|"
    r"members|sellers|shoppers|buyers) (?:get|are|would|will|see)\b|\bkeep paying\b",
    r"\bwhat (?:\w+ ){0,2}(?:really |actually )needs?\b|\b(?:costs?|cost us) (?:money|sales|users|customers|trust)\b",
    r"\b(?:makes?|making|lose|loses|losing|lost|cost|costs|save|saves|saving) (?:us |the business |them )?"
    r"(?:money|revenue|margin|customers|users|members|sellers|merchants|trust|sales)\b|\bmoney on the table\b",
    r"\bexpected (?:profit|loss|margin|revenue|value)\b|\brevenue (?:at risk|impact|lift)\b|\bprofit\w*",
    r"\b(?:hurts?|hurting|hurt) (?:most|more|less|someone|people|users|customers|members|the business|supply|"
    r"signups|sellers|merchants|advertisers|onboarding|trust|retention)\b",
    r"\bwhich (?:misses|errors|mistakes|failures) (?:hurt|cost|matter)",
    r"\b(?:is it |it'?s |would be )?(?:worse|costlier|more expensive) to\b|\bcosts? (?:far |much |a lot |way )?"
    r"(?:less|more) than\b|\b(?:\d+|three|two|ten) times (?:as )?(?:costly|expensive|bad|worse)",
    r"\b(?:real-world |real )?consequences\b",
    r"\b(?:drives?|driving|push(?:es)?|scares?|chases?) (?:people|users|customers|members|sellers|buyers|drivers|"
    r"merchants|advertisers)? ?(?:off|away)\b",
    r"\b(?:people|users|customers|members|sellers|merchants|drivers|riders|advertisers|buyers|viewers|developers|"
    r"planners|analysts|reviewers) (?:basically |actually |would |will |then |just )?(?:never )?(?:come back|return|"
    r"leave|churn|stop using|switch off|give up|bail|notice|complain|lose|wait|abandon|got|get|see|find|care|"
    r"trust|rely|act|decide|need)\b",
    r"\bwhat (?:we|they|the business|the team|product|leadership) (?:actually |really )?(?:cared?|cares|want|"
    r"wanted|needs?|needed) (?:about|from|to)\b",
    r"\b(?:the )?(?:goal|point|objective) (?:was|is|here is) (?:getting|to get|to keep|to make|more|fewer|that)\b",
    r"\bmissed (?:delivery|deliveries|promises?|invoices?|sales|orders|payments|appointments|fraud)",
    r"\bworth (?:shipping|building|it|the (?:cost|effort|money|complexity))\b",
    r"\b(?:signups|onboarding|bookings|renewals|repeat (?:bookings|purchases)|retained (?:installs|users)|"
    r"complaints|support tickets|appeals|refunds|losses|delinquency|chargebacks?)\b",
    r"\bcosts? (?:us|the business|merchants|sellers|customers|users|per)\b",
    r"\b(?:business|product|customer|user|merchant|seller|rider|driver|member)s? (?:impact|outcome|value|"
    r"experience|trust|goal|metric|side)\b",
    r"\b(?:users?|customers?|members?|merchants?|sellers?|riders?|drivers?|buyers?|viewers?|advertisers?) "
    r"(?:would |will |actually |don't |won't )?(?:notice|see|feel|care|churn|leave|complain|lose|get|pay|"
    r"abandon|wait|trust)\b",
    r"\bwhat decision\b|\bwhich decision\b|\bdecisions? (?:change|it drives|we make|get made)",
    r"\bso that (?:we|the|users|customers|analysts|ops|agents|merchants|reviewers)\b",
    r"\bimpact\b",
    r"\b(?:analyst|reviewer|agent|ops|support|moderator)s?'? (?:time|hours|workload|queue|capacity)\b",
    r"\b(?:false (?:positives?|negatives?|alarms?)|missed (?:fraud|cases|spam)) (?:cost|hurt|annoy|block|mean|"
    r"are (?:expensive|costly|worse))",
    r"\b(?:retention|conversion|engagement|satisfaction|checkout|bookings|sales|gmv|ctr|watch time|signups)\b"
    r"(?: \w+){0,4} (?:because|which|so|drives|is what)",
    r"\b(?:lost|losing|blocked|declined) (?:sales|customers|users|orders|payments|revenue|good)",
    r"\bwhat (?:actually )?matters (?:to|for|is)\b",
    r"\bnorth[- ]star\b|\bbottom line\b|\bkpis?\b",
    r"\bwhich (?:means|translates)\b.{0,40}\b(?:users?|customers?|revenue|fewer|more|less)\b",
    r"\btranslat\w* (?:into|to) (?:revenue|users?|dollars|business|money|fewer|more)",
    r"\bguardrail metric",
)

UNCERTAIN = rx(
    r"\bi'?m not (?:entirely |fully |totally |100% |completely )?(?:sure|certain|confident)\b",
    r"\bnot (?:sure|certain) (?:yet|whether|if|how|that)\b",
    r"\bmy (?:working |current |first |initial |rough |best )?(?:guess|hypothesis|hunch|bet|read|instinct|"
    r"assumption)\b",
    r"\b(?:i'd|i would|i'll|i) (?:guess|bet|suspect|hypothesi[sz]e)\b",
    r"\bi'?d assume\b|\bassuming (?:that |the |we |it |this )",
    r"\bif (?:that|this|my|the) (?:assumption|guess|hypothesis|bet)?\s?(?:turns out|is|proves|were|was) "
    r"(?:wrong|false|not true|off|incorrect|mistaken)",
    r"\bif (?:i'm|i am) wrong\b|\bi (?:could|might) be wrong\b",
    r"\b(?:i'd|i would|i'll|we'd) (?:want to |need to |first )?(?:check|validate|verify|test|confirm) "
    r"(?:that|whether|if|the assumption|my)",
    r"\bi don'?t know[,.;]? (?:but|yet|offhand|for sure)",
    r"\bi don'?t know\b.{0,60}\b(?:i'd|i would|i'll|my plan|first step|find out|look at|check|measure|ask)",
    r"\bdepends? on (?:whether|how|what|if)\b",
    r"\bto be honest\b|\bhonestly,? i\b",
    r"\boff the top of my head\b",
    r"\b(?:i'd|i would) need to (?:confirm|look|check|find out|measure)",
    r"\bthat'?s an assumption\b|\bi'?m assuming\b",
    r"\b(?:might|may) (?:be wrong|not hold|not be true)\b",
)

OWNERSHIP_WEAK = rx(
    r"\bdashboards?\b|\bretrain\w*|\bdeploy\w*|\blaunch\w*|\bin production\b|\bover time\b|\bmaintain\w*|"
    r"\b(?:keep|still) working\b|\bship(?:ping|ped)? (?:it|this|the model)\b|\bsix months\b|\blong[- ]term\b|"
    r"\bdegrad\w*|\bfeedback (?:loop|from)\b|\bown(?:ing|ership)? (?:the|it|this)\b"
)
OWNERSHIP = rx(
    r"\b(?:daily|weekly|monthly|nightly) (?:check|review|look|report|audit)\b|\bevery (?:monday|week|day|morning|night|"
    r"release|quarter|deploy)\b|\bcreeps? up\b|\bsomeone (?:looks|checks|gets paged|investigates)\b|"
    r"\brandomi[sz]e by\b|\brandom half\b|\bcarry on as they do\b",
    r"\bmonitor\w*",
    r"\b(?:when|if) (?:it|this|the model|things|the pipeline|a feature) (?:breaks?|fails?|goes (?:down|wrong|stale)|"
    r"drifts?|degrades?|stops)\b|\bwho (?:gets|is|would get) paged\b|\bstaleness (?:check|alert)",
    r"\bbacktest\w*|\bretrain(?:ing)? (?:trigger|cadence|schedule|when|if|every|once)|\btrigger (?:a )?retrain",
    r"\bafter (?:launch|we ship|it ships|deployment|go-live)\b|\b(?:model|data|feature|pipeline) (?:health|freshness)"
    r" (?:checks?|dashboards?|alerts?)",
    r"\b(?:watch|keep an eye on|track) (?:the |it |this |that |for |weekly|daily|over)\w*|\b(?:roll ?out|ramp)\w* "
    r"(?:slowly|gradually|to \d+ ?%)|\bversioning\b|\breproducib\w*|\baudit trail\b",
    r"\bguardrails?\b|\bstop-?loss\b|\bregression (?:test|suite|set)\b|\bpost[- ]launch (?:check|review|"
    r"monitor)\w*|\bcatch (?:it|that|regressions?) (?:early|before)",
    r"\balert\w*",
    r"\broll(?:ing)?[- ]?back\b|\brollbacks?\b",
    r"\bcanary\b|\bshadow (?:mode|deploy|traffic|test|launch)\b|\bgradual (?:roll|ramp)",
    r"\ba/b\b|\bonline (?:test|experiment)|\bholdout\b|\bcontrol group\b",
    r"\bon[- ]?call\b|\bpag(?:e|ed|ing) (?:someone|me|the)\b|\bget paged\b|\brunbook\b",
    r"\bfall ?backs?\b|\bkill switch\b|\bcircuit breaker\b",
    r"\bwhen (?:it|the model|this) (?:fails|breaks|degrades|goes wrong|drifts)\b",
    r"\bsla\b|\bslo\b|\bhealth checks?\b",
)

ADAPT_OPENER = re.compile(
    r"^\W*(?:then|ok(?:ay)?|fine|fair|got it|good (?:point|catch)|that'?s (?:fine|reasonable|normal|fair|"
    r"going to|a (?:real|hard|big|good))|in that case|if so|understood|makes sense|that changes)\b",
    re.IGNORECASE,
)
ACTION = re.compile(r"\b(?:i'?d|i would|i'?ll|we'?d|we would|let'?s|i'?m going to)\s+(?!still\b|just push\b)\w+",
                    re.IGNORECASE)

ADAPT = rx(
    r"\b(?:that|this|it) (?:changes|shifts|rules out|kills|means|pushes|forces|makes)\b",
    r"\bgiven (?:that|this|the (?:new|budget|limit|constraint|latency|cost))",
    r"\bin that case\b|\bif that'?s the case\b|\bunder (?:that|this|those) (?:budget|limit|constraint)",
    r"\b(?:then|so|now) (?:i'd|i would|we'd|we would|i'll)\b",
    r"\b(?:i'd|i would|we'd|we would|i'll|let's) (?:switch|move|drop|swap|replace|change|adjust|revisit|"
    r"re-?weight|fall back|cut|distill|cache|precompute|pre-compute|reduce|trim|shrink|quantize|prune|batch|"
    r"simplify|downgrade|rethink|re-?scope|redefine|re-?rank|reprioriti[sz]e|update|revise|rework|"
    r"re-?label|relabel|recalibrate|retune|pivot)",
    r"\binstead\b",
    r"\b(?:fair|good|ok|okay) (?:point|enough|catch)\b",
    r"\b(?:ok|okay|alright|right)[,.]? (?:so|then|that)\b",
    r"\bwith (?:that|this|a) (?:budget|limit|latency|constraint|cap)\b",
    r"\b(?:update|revise|change) (?:my|the) (?:plan|design|approach|answer)\b",
    r"\bno longer\b|\bnot (?:anymore|viable|an option)\b",
)

DEFENSIVE = rx(
    r"^\W*not really\b|\bstand by\b|\bin practice (?:that|this|it) (?:doesn'?t|never|won'?t)\b|\blet'?s be realistic\b|"
    r"\b(?:resourcing|budget|staffing|headcount) (?:conversation|question|issue)\b|\bis the right one\b|"
    r"\bwater(?:ing|ed)? (?:it |this |that )?down\b|\bdesign doesn'?t change\b|\bthat'?s not how it works\b",
    r"\b(?:fix|deal with|handle|address) (?:that|it|this|the \w+(?: part)?) later\b|\btreat (?:it|that|them) as "
    r"noise\b|\bstill plenty\b|\bif it becomes a (?:real )?problem\b|\bkeep (?:optimi[sz]ing|training|iterating|"
    r"tuning)\b|\bgo bigger\b",
    r"\bstick (?:with|to)\b|\bas (?:designed|planned|originally (?:designed|planned))\b|\bkeep (?:\w+ ){0,3}in (?:for|"
    r"place)\b|\b(?:won'?t|wouldn'?t|isn'?t|shouldn'?t) (?:really )?be (?:an? )?(?:issue|problem)\b",
    r"\b(?:somebody|someone) (?:finds?|gets?) the (?:budget|money|capacity)\b|\brequest (?:a |more |"
    r"the )?(?:budget|gpus?|"
    r"capacity|compute|exception)\b|\brevisit (?:that|the|this) (?:requirement|constraint|limit|decision)\b|"
    r"\bescalat\w*",
    r"\b(?:wouldn'?t|won'?t|don'?t want to|prefer not to|rather not) (?:redesign|change|compromise|degrade|rework|"
    r"give up)\b|\bnot appropriate to\b|\bno reason to (?:degrade|change|compromise|redesign|worry)\b",
    r"\bwho decided (?:that|this)\b|\b(?:is|was) doing (?:its|it'?s|their) job\b|\b\w+ problem,? not (?:a|an|the|my) "
    r"\w+ problem\b|\b(?:best|standard|common|industry) practice\b|\bhow it'?s done (?:at|in|by)\b|"
    r"\bevery \w+(?: \w+)? "
    r"team (?:i know|uses|does)\b|\b(?:approach|method|design|model) is (?:still )?sound\b|\balways come around\b|"
    r"\bon their roadmap\b|\b(?:nobody|no one) (?:is|will be|cares|notices)\b",
    r"\bnothing (?:really )?changes\b|\b(?:stays?|remains?) (?:basically |essentially |mostly |pretty much )?(?:the )?"
    r"same\b|\bsame (?:plan|design|approach|model|answer|architecture|setup)\b|\bkeep the same\b",
    r"\b(?:the )?(?:approach|design|plan|answer|strategy) (?:still )?stands\b|\b(?:that |it )?(?:never|rarely) really "
    r"matters\b|\b(?:is |'s )?(?:just )?an edge case\b|\bwouldn'?t design (?:the|a|my) \w+ around\b|"
    r"\bsorts? itself out\b|\btakes? care of itself\b|\b(?:is|are) a dead end\b|\boverthink(?:ing)?\b|"
    r"\bi hear you,? but\b|\bi don'?t see how i'?m (?:meant|supposed|expected) to\b",
    r"\b(?:one|a job|something|a question) for the \w+(?: \w+)? (?:people|team|folks|side|org)\b",
    r"\b(?:that'?s|it'?s|this is) (?:more of |really |just |honestly )*(?:a|"
    r"an) (?:[\w-]+[- ])?(?:team|compliance|legal|"
    r"partnerships|ops|infra|product|business|engineering|policy|process) (?:thing|problem|issue|call|gap|question|"
    r"concern)\b",
    r"(?<!if )(?<!whether )\b(?:they|he|she|the \w+ team) (?:can|could|should|"
    r"will) (?:just )?(?:negotiate|handle|fix|deal|add|sort|own|"
    r"accept|live with)\b",
    r"\b(?:the|my|our) model'?s? (?:is |was )?(?:fine|good|solid|right|correct)\b|\b\w+ (?:is|are) still \w+\b(?=[.!])",
    r"\b(?:infra|infrastructure|platform|sre|ops|devops|backend|product|pms?|data engineering|engineering|"
    r"labell?ers|annotators|the data team)\b(?: \w+)? (?:can|should|will|needs? to|has to|would|could) (?:just )?"
    r"(?:handle|deal|fix|scale|sort|figure|solve|provide|give|make|clean|own)\b",
    r"\b(?:ask|request|negotiate|push|fight|lobby) for (?:more|a bigger|extra|a higher|a looser) (?:budget|latency|"
    r"time|hardware|headroom|sla|gpus?|compute|money)|\brelax (?:the|that) (?:requirement|constraint|sla|budget|limit)",
    r"\b(?:the|that|this) (?:requirement|constraint|budget|sla|limit|number|metric) (?:is|seems|sounds) (?:wrong|"
    r"unreasonable|too strict|arbitrary|negotiable|silly|made up|the problem)",
    r"\b(?:users?|customers?|nobody|no one|people) (?:won'?t|will not|wouldn'?t|don'?t|do not) (?:even )?notice\b|"
    r"\bnot a big deal\b|\b(?:let'?s not|don'?t) overthink\b|\bit'?s fine as (?:is|it is)\b",
    r"\b(?:i'?d|we'?d|i would|we would|i'?ll) keep (?:the|my|our) (?:design|plan|model|approach|architecture|"
    r"original)\b(?! but)|\blike i said\b|\bas (?:i|we) (?:discussed|described)\b",
    r"\b(?:that|this|the) (?:constraint|requirement|limit|number|metric) (?:doesn'?t|does not) (?:make sense|apply|"
    r"really matter|change)",
    r"\b(?:the|my) model (?:is|was) (?:fine|good|solid|right|correct)\b|\bnothing (?:wrong )?with (?:the|my) "
    r"model\b",
    r"\bi (?:really |still |do |honestly )*(?:think|believe|maintain) (?:that )?(?:the |my |this |a )?(?:\w+ ){0,4}"
    r"(?:is|are) (?:still )?(?:the )?(?:right|correct|best|better|way to go)\b",
    r"\b(?:model|design|approach|plan|architecture|answer)(?: itself)? (?:stays|remains|is still) (?:the same|"
    r"unchanged|as is)\b|\bif anything,? i'?d go further\b",
    r"\bcan'?t (?:capture|handle|model|represent)\b.{0,40}\bthough\b",
    r"\bproduct (?:decision|question|problem|call|issue)\b",
    r"\bnot (?:really )?(?:my|an ml|a modeling|a modelling|our|the model's|an? data science) (?:problem|concern|"
    r"call|job|department|responsibility|issue)\b",
    r"\b(?:push|pushing) back on (?:that|this|the|it)\b|\bi'?d escalate\b|\bon their side\b",
    r"\bgets? blamed\b|\bthey'?d have to\b|\bthey (?:should|need to) (?:just )?(?:make room|fix|deal)",
    r"\b(?:someone|somebody) else'?s? (?:problem|job|call)\b",
    r"\b(?:infra|platform|data|product|ops|engineering|sre|backend) (?:team|folks|people|org)s? "
    r"(?:should|can|will|need to|would|has to|have to)\b",
    r"\b(?:i'?d|i would|i'?m going to|we'?d) still (?:go|use|keep|ship|recommend|pick|do|want|build|stick)",
    r"\bstick (?:with|to) (?:my|the|our) (?:original|first|plan|design|model|approach)\b",
    r"\b(?:my|the) original (?:plan|design|approach|answer|model)\b",
    r"\bas i (?:said|mentioned|already said|explained)\b",
    r"\bdoesn'?t (?:really )?change (?:anything|much|my|the (?:plan|design|approach))",
    r"\bjust (?:scale|add|throw|buy|get|use) (?:more|bigger|up|out|extra)\b",
    r"\b(?:more|bigger|extra) (?:gpus?|machines?|hardware|servers?|compute)\b",
    r"\bunrealistic\b|\bnot (?:a )?realistic\b|\bthat'?s not (?:a )?real\b",
    r"\bi (?:disagree|don'?t (?:buy|accept|agree))\b",
    r"\b(?:that|this|the constraint) (?:is|seems|sounds) (?:arbitrary|artificial|silly|unreasonable)",
    r"\bnon[- ]negotiable\b|\bwon'?t compromise\b",
    r"\bwhy would (?:we|anyone|you)\b",
    r"\bi don'?t (?:see|think) (?:why|that|how) (?:that|it|this)? ?(?:matters|changes|is relevant)",
    r"\bthe (?:same|original) (?:approach|design|plan|model) (?:still )?(?:works|holds|applies)",
    r"\b(?:wouldn't|won't|shouldn't|doesn't) (?:really )?(?:matter|affect|change) (?:much|anything|the)",
)

OVERCONFIDENT_WEAK = rx(r"\bobviously\b|\bclearly\b|\bof course\b|\bsurely\b")
OVERCONFIDENT = rx(
    r"\bdefinitely\b",
    r"\babsolutely\b|\bundoubtedly\b|\bwithout question\b|\bno-?brainer\b|\bsolved problem\b",
    r"\bi know (?:this|it|that) (?:works|will work|is right)\b|\b(?:never|always) (?:fails|works|happens)\b",
    r"\bthere'?s no (?:risk|downside|reason to worry|need to (?:test|check|validate))\b|\bnothing (?:can|could) go "
    r"wrong\b|\b(?:completely|totally|perfectly) (?:fine|safe|accurate|reliable)\b",
    r"\bi'?m (?:very |quite |totally |completely |100% )(?:sure|certain|confident)\b",
    r"\bclearly (?:the|best|better|superior|going|right)\b",
    r"\balways (?:works?|wins?|the|better|beats|outperforms)\b",
    r"\b(?:wouldn't|won't|shouldn't|isn't|never) (?:really |even )?(?:be |going to be )?(?:an? )?(?:issue|problem|"
    r"concern)\b",
    r"\bthe best (?:approach|model|way|solution|option|choice|architecture)\b",
    r"\bguarantee[sd]? (?:that|it|this|we|you|to|success|the)\b",
    r"\bno doubt\b|\bwithout (?:a )?doubt\b|\bno question\b",
    r"\btrivial(?:ly)?\b",
    r"\b100 ?(?:%|percent)\b",
    r"\bcertainly\b",
    r"\beveryone (?:uses|does|knows)\b|\bhow it'?s always done\b|\bindustry[- ]standard\b",
    r"\b(?:this|that|it) ?(?:is|'s) the (?:right|correct|clearest|obvious) (?:architecture|approach|model|answer|"
    r"objective|call|choice|metric)\b|\b(?:handles?|takes? care of) (?:the rest|itself|everything)\b|"
    r"\bvery well calibrated\b|\bi'?m fairly (?:confident|sure|certain)\b|\bthat'?s where the field is\b",
    r"^\W*(?:standard (?:setup|approach|practice|stuff)|straightforward|easy|trivial|done)\W*$",
    r"\bthere'?s no way\b|\bcan'?t (?:fail|go wrong|miss)\b",
    r"\bsolves? (?:it|this|everything|the whole)\b",
    r"\bi'?m (?:confident|certain|sure) (?:that )?(?:this|it|the)\b",
    r"\bnothing (?:else )?(?:will|would) (?:work|beat)\b",
    r"\bit'?s (?:a )?(?:no[- ]brainer|simple|easy|straightforward)\b(?! to check| to test)",
)

COMPLEX = rx(
    r"\btransformers?\b",
    r"\bdeep (?:learning|neural|network|model|net|architecture|ranking|sequence)",
    r"\bneural (?:net|network|model|ranker|architecture)",
    r"\bgnns?\b|\bgraph (?:neural|convolution|attention|embedding)",
    r"\bbert\b|\bllms?\b|\bgpt[- ]?\d?\b|\blarge language model",
    r"\breinforcement learning\b|\bcontextual bandits?\b|\bdeep rl\b|\bppo\b",
    r"\btwo[- ]tower\b|\bmulti[- ]?task\b|\bmixture[- ]of[- ]experts\b|\bmoe\b",
    r"\bensembles? of\b|\bstack(?:ed|ing) ensemble",
    r"\battention\b|\bself[- ]attention\b",
    r"\blstms?\b|\brnns?\b|\bseq2seq\b|\btemporal fusion\b|\bautoencoders?\b|\bvae\b|\bgans?\b",
    r"\bcontrastive\b|\bfoundation model\b|\bstate[- ]of[- ]the[- ]art\b|\bsota\b",
    r"\bcustom (?:architecture|model|framework|infrastructure|kernel)\b",
    r"\bfine[- ]?tun\w* (?:a |an )?(?:llm|bert|transformer|large)",
    r"\bembeddings? (?:model|network|from a)\b",
    r"\b(?:billion|\d+b)[- ]parameter\b",
)
CONDITIONAL = rx(
    r"\bonly (?:if|when|once|after)\b|\blater\b|\beventually\b|\bif (?:we|it|that|the baseline) (?:hit|plateau|"
    r"stall|isn't enough|fails|proves)\w*|\bdown the (?:road|line)\b|\bphase two\b|\bv2\b|\bnot (?:yet|now|first)\b",
    r"\bif (?:needed|necessary|justified|it pays)\b|\bwhen (?:we|it) (?:need|outgrow)",
)

METRICS = rx(
    r"\bctr\b|\bgini\b|\bhit rate\b|\brecall@\d+|\bndcg@\d+|\bmap\b|\br-?squared\b|\bmse\b|\bauc\b|"
    r"\broc\b|\bpr[- ]auc\b|\bf1\b|\bf-?score\b|\brmse\b|\bmae\b|\bmape\b|\blog[- ]?loss\b|"
    r"\bndcg\b|\bmrr\b|\bmap@|\bprecision\b|\brecall\b|\baccuracy\b|\bgini\b|\bks statistic\b|\bperplexity\b|"
    r"\bbleu\b|\bbrier\b"
)
METRIC_PUSH = rx(
    r"\b(?:maximi[sz]e|push|drive|get) (?:the )?(?:\w+ ){0,2}(?:as high|as low|up|down) as (?:it|we|possible)",
    r"\b(?:auc|gini|f1|ndcg|log ?loss|accuracy|precision|recall|rmse|ctr)\b(?: \w+){0,3} (?:was|is|hit|"
    r"reached|improved|went|improvement|lift|gain)\b",
    r"\b(?:compare|track|report|check) (?:the )?(?:offline )?(?:auc|gini|log ?loss|ndcg|f1|rmse|accuracy)\b",
    r"\b(?:maximi[sz]e|optimi[sz]e|push|squeeze|boost|improve|increase|raise|bump|get|drive|hit|beat)\w* "
    r"(?:the |our |that |up )?(?:\w+ ){0,2}(?:auc|roc|f1|rmse|mae|ndcg|precision|recall|accuracy|log ?loss|"
    r"metric|score)",
    r"\b(?:auc|f1|rmse|ndcg|precision|recall|accuracy)\w* (?:of |to |by |up |at |went |from |goes |jumped |"
    r"improved )?(?:to |by |from )?\d",
    r"\b\d+(?:\.\d+)?\s?(?:%|points?|pp|bps) (?:(?:better|higher|lift|gain|improvement|increase) )?(?:in |on |of )?"
    r"(?:auc|f1|rmse|ndcg|precision|recall|accuracy)",
    r"\b(?:auc|f1|ndcg|accuracy|precision|recall)\b(?: \w+){0,3} (?:is|was) (?:what|all) (?:matters|counts)",
)

THEORY = rx(
    r"\bregret bounds?\b|\bsample complexity\b|\bgenerali[sz]ation bounds?\b|\bhypothesis class\b|\brademacher\b|"
    r"\bbayes[- ]optimal\b|\bloss landscape\b|\bsaddle points?\b|\bntk\b|\bdouble descent\b|\bpac-bayes\b|"
    r"\brkhs\b|\bhilbert\b|\bpartition function\b|\benergy[- ]based\b|\bscore matching\b|\bmartingale\b|"
    r"\bcentral limit\b|\blaw of large numbers\b|\blipschitz\b|\bspectral\b|\bobjective function\b|"
    r"\bintegral\b|\bderive\b|\bnon-?convex\b|\boptimality\b|\bfirst principles\b",
    r"\bprincipled\b|\belegant(?:ly)?\b|\btheoretically\b|\bin principle\b|\bfundamentally\b|\bthe math\b",
    r"\blatent (?:variable|states?|factors?)\b|\bposterior predictive\b|\bpartial pooling\b|\bhyperprior\b",
    r"\bsurrogate (?:loss|losses)\b|\bconsisten(?:t|cy) with\b|\bunbiased(?:ness)?\b|\bestimators?\b|"
    r"\bpropensit(?:y|ies)\b|\bexpectation\b",
    r"\bstate[- ]space\b|\bkalman\b|\bmcmc\b|\bgaussian (?:process|assumptions?|likelihood)\b|\bkernels?\b|"
    r"\bdensity estimation\b|\bproper scoring rule\b|\bheteroscedastic\b|\bidentifiab\w*|\binducing points?\b|"
    r"\bnatural gradients?\b|\bconjugate\b|\bcubic in\b|\bprobabilistic (?:framework|model|relevance)\b|"
    r"\bmixture (?:model|density)\b|\bpinball loss\b|\bapproximat(?:ion|ing|es?) (?:that|the|of)\b|"
    r"\bem algorithm\b|\b(?:listwise|pairwise|pointwise) loss\w*|\bparticle filter\w*|\bwiener process\b",
    r"\bderivat(?:ive|ion)s?\b|\bgradients? (?:of|flow|descent)\b|\bhessian\b|\bjacobian\b",
    r"\bconvex\w*\b|\bconvergence\b|\blagrang\w*|\bkkt\b|\bdual (?:problem|form)",
    r"\btheorem\b|\bproofs?\b|\bprove\b|\blemma\b|\bbounds? on\b|\bupper bound\b|\bpac\b|\bvc[- ]dimension\b",
    r"\bkl[- ]divergence\b|\bentropy\b|\bmutual information\b|\bfisher information\b",
    r"\bposterior\b|\bprior distribution\b|\blikelihood\b|\bbayes\w*\b|\bvariational\b|\bmarginali[sz]",
    r"\beigen\w*|\bsingular value\b|\bmatrix factori[sz]ation theory|\brank[- ]\w+ approximation\b",
    r"\bbias[- ]variance\b|\basymptot\w*|\bi\.i\.d\b|\biid\b|\bmaximum likelihood\b|\bmle\b",
    r"\bformal(?:ly|ism)?\b|\bmathematical(?:ly)?\b|\bin theory\b|\btheoretical(?:ly)?\b|\bclosed[- ]form\b",
    r"\bsoftmax\b|\bcross[- ]entropy\b|\bregulari[sz]ation (?:term|path|theory)|\bl[12] norm\b|\bmanifold\b",
    r"\bstationar(?:y|ity)\b|\bergodic\b|\bmarkov (?:chain|property)\b",
)

TOOLS = rx(
    r"\bxgboost\b|\blightgbm\b|\bcatboost\b|\bscikit[- ]learn\b|\bsklearn\b|\bairflow\b|\bspark\b|\bpyspark\b|"
    r"\bkubernetes\b|\bk8s\b|\bmlflow\b|\bkafka\b|\bflink\b|\btensorflow\b|\bpytorch\b|\bkeras\b|\bjax\b|"
    r"\bdocker\b|\bkubeflow\b|\bsagemaker\b|\bvertex(?: ai)?\b|\bdatabricks\b|\bsnowflake\b|\bredis\b|"
    r"\bfeast\b|\bray(?: tune)?\b|\bbigquery\b|\bdbt\b|\bterraform\b|\bprometheus\b|\bgrafana\b|"
    r"\bweights (?:&|and) biases\b|"
    r"\bwandb\b|\bhugging ?face\b|\blangchain\b|\bpinecone\b|\bfaiss\b|\belasticsearch\b|\bdask\b|\bpandas\b|"
    r"\bonnx\b|\btriton\b|\btensorrt\b|\bseldon\b|\bbentoml\b|\bfeature store\b|\bvector (?:db|database)\b|"
    r"\bhadoop\b|\bhive\b|\bpresto\b|\btrino\b|\bdagster\b|\bprefect\b|\bkinesis\b|\bdynamodb\b|\bcassandra\b"
)
BUZZ = rx(
    r"\bframing\b|\btrade-?offs\b|\bdata quality\b|\bmonitoring\b|\bscalab\w*|\brobust\w*|\bend[- ]to[- ]end\b|"
    r"\bbest practices\b|\bmlops\b|\bci/cd\b|\bobservability\b|\bgovernance\b|\bstakeholder\w*|\bholistic\w*|"
    r"\bleverag\w*|\bsynerg\w*|\bcutting[- ]edge\b|\bstate[- ]of[- ]the[- ]art\b|\bproduction[- ]grade\b|"
    r"\benterprise[- ]grade\b|\bparadigm\b|\bdata[- ]driven\b|\bai[- ]powered\b|\bresponsible ai\b|\bexplainab\w*|"
    r"\bfairness\b|\bdrift detection\b|\bfeature engineering\b|\bhyperparameter tuning\b|\bmicroservices?\b|"
    r"\bcloud[- ]native\b|\breal[- ]time\b|\bpipelines?\b|\bbusiness (?:value|impact)\b|\bgame[- ]chang\w*"
)

DECISION = rx(
    r"\b(?:i'd|i would|i'll|we'd|we would|let's|i'm going to) (?:start|pick|choose|use|go with|ship|build|"
    r"train|drop|keep|set|cap|log|sample|split|hold out|weight|threshold|route|fall back|cache|measure|compare|"
    r"prioriti[sz]e|label|bucket|segment|run|check|look|ask|treat|exclude|include|limit)",
    r"\bbecause\b|\bsince (?:the|we|it|that|this)\b|\bso that\b|\bwhich means\b|\bin order to\b",
    r"\binstead of\b|\brather than\b",
    r"\b\d+(?:\.\d+)?\s?(?:ms|%|k|m|x|hours?|days?|weeks?|minutes?|seconds?|qps|rps|usd|dollars?)\b|\$\s?\d",
)

# An interviewer steering the candidate back: the committee reads it as "didn't answer what was asked".
REDIRECT = rx(
    r"^\W*(?:sure|okay|ok|right|yes|fine|understood|got it|that'?s (?:the|a) (?:model|architecture|pipeline))[,.]? "
    r"(?:but|though|i'?m asking)\b",
    r"\bi'?m (?:asking|not asking) about\b|\bthe question (?:is|was) (?:about|not)\b|\blet me (?:put it|ask it|"
    r"rephrase(?: it)?) (?:another|a different) way\b|\bback to (?:the|my) question\b|\bthat doesn'?t answer\b|"
    r"\bnot what i asked\b|\bi asked (?:about|how|what|why|who)\b|\bto be clear,? (?:i'?m|the question)\b",
)

HOPPING = rx(
    r"\byou know\b|\band stuff\b|\bor something\b|\bstuff like that\b|\bthings like that\b|"
    r"\bi don'?t know,? maybe\b|\bwhatever works\b|\bsort of\b|\bkind of\b|\betc\b|\band so on\b",
    r"\boh,? and\b|\bor maybe\b|\bor actually\b|\bwait,?\b|\bactually,? no\b|\bwhere was i\b|\bum+\b|\buh+\b|"
    r"\bi mean\b|\banother thing\b|\balso,? (?:maybe|we could|there's)\b|\band then also\b|\bor whatever\b|"
    r"\band stuff\b|\bi guess also\b|\bwhat else\b|\bjumping around\b|\btangent\b"
)
CONNECTIVE = rx(
    r"\brather\b|\binstead\b|\bwhich\b|\bmeans\b|\botherwise\b|\bunless\b|\bwhile\b|\bbut\b|\bwhere\b|"
    r"\bbecause\b|\bso\b|\btherefore\b|\bwhich means\b|\bfirst\b|\bsecond\b|\bthen\b|\bfinally\b|\bgiven\b|"
    r"\bsince\b|\bthat's why\b|\bif\b"
)

INJECTION = rx(
    r"\bignore (?:all |any |the |your )?(?:previous|prior|above|earlier|preceding)? ?(?:instructions|"
    r"prompts?|rules|rubric|guidelines)",
    r"\bdisregard (?:all |any |the |your )?(?:previous |prior |above )?(?:instructions|rubric|rules|guidelines|"
    r"criteria)",
    r"\bnote (?:to|for) (?:the )?(?:evaluator|grader|judge|reviewer|assessor|committee|ai|model|scorer|llm)",
    r"\b(?:evaluator|grader|judge|assessor|scorer|ai|model|llm|system)[,:]? (?:please )?(?:rate|score|mark|grade|"
    r"output|record|classify|give)",
    r"\b(?:rate|score|mark|grade|label|classify) (?:this|me|the candidate|my answer)\w* (?:as )?(?:an? )?"
    r"(?:strong[_ ]hire|hire|4|top|excellent|perfect|pass)",
    r"\b(?:the )?(?:correct|right|expected|only acceptable) (?:verdict|score|rating|recommendation|output) "
    r"(?:here )?is\b",
    r"^\s*(?:system|assistant|\[system\]|<system>|###\s*system)\s*[:>\]]",
    r"\byou are now\b|\bnew instructions\b|\boverride (?:the |your )?(?:rubric|instructions|scoring)",
    r"\bstrong[_ ]hire\b",
    r"\b(?:output|respond with|return|print)[: ]+(?:\{|\"|')?(?:recommendation|verdict|hire)",
    r"\bthe candidate (?:has )?(?:passed|is a strong hire|should be hired|deserves)",
)
