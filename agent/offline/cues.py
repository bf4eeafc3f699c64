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
    r"\bat the (?:cost|expense|price) of\b",
    r"\bin exchange for\b",
    r"\b(?:give|giving) up (?:a (?:bit|little)|some|on)\b",
    r"\bsacrific",
    r"\bthe (?:price|downside|catch|cost) (?:is|being|there)\b",
    r"\b(?:i'd|i would|we'd) rather\b",
    r"\bprioriti[sz]e\w* \w+(?: \w+)? over\b",
    r"\bover (?:\w+ ){0,3}because\b",
    r"\beven (?:though|if) (?:it|that|we|this)",
    r"\bworth (?:it|the|paying)\b",
    r"\bversus\b|\bvs\.?\s",
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
    r"\blabel(?:s|led|ed|ling|ing|er|ers)?\b",
    r"\bannotat\w*",
    r"\bground[- ]truth\b",
    r"\b(?:who|how) (?:tags|tag|marks|decides|flags|reviews|labels)\b",
    r"\bchargebacks? (?:arrive|lag|come|take|delay)",
    r"\bhow (?:late|delayed|stale|fresh|long until|long before|noisy|reliable|clean|complete)\b",
    r"\b(?:delayed|late|lagging) (?:labels|outcomes|feedback|signals|ground|chargebacks)",
    r"\bwhere (?:does|do|did|would) (?:the |this |these |that |our )?\w+(?: \w+)? come from\b",
    r"\b(?:how|when|where) (?:is|are|was|were) (?:it|they|the \w+|these|this) (?:collected|logged|generated|"
    r"recorded|sampled|captured)",
    r"\bnois(?:y|e) (?:labels|data|targets|signal|ground)",
    r"\blabel noise\b",
    r"\bmissing(?:ness)?\b(?! out)",
    r"\bnulls?\b",
    r"\bleak(?:age|ing|s|y)?\b",
    r"\b(?:data|concept|distribution|covariate|label|feature) (?:drift|shift)\b",
    r"\bdrift(?:s|ing|ed)?\b",
    r"\b(?:train(?:ing)?[- /]serv(?:e|ing)|online[- /]offline) (?:skew|mismatch|gap|parity)",
    r"\bskew(?:ed)?\b",
    r"\b(?:selection|sampling|survivorship|position|popularity|exposure) bias\b",
    r"\bbiase[sd]\b",
    r"\b(?:class |label )?imbalance[d]?\b",
    r"\bbase rates?\b",
    r"\bpoint[- ]in[- ]time\b",
    r"\bbackfill",
    r"\bduplicates?\b|\bdedup",
    r"\boutliers?\b",
    r"\bcoverage (?:of|gaps?|holes?)\b",
    r"\b(?:data|input|feature|signal) (?:quality|freshness|coverage|audit|validation|checks?|pipeline|lineage|"
    r"provenance|collection|source|sources|gaps?|issues?|problems?)\b",
    r"\b(?:look|looking) at (?:the |some |a sample of |a few )?(?:raw |actual )?(?:examples|samples|rows|"
    r"records|cases|transactions|logs|data)\b",
    r"\bhow (?:the |our )?(?:data|dataset|training set|targets?|outcomes?) (?:is|are|was|were|gets?) "
    r"(?:built|made|created|produced|defined|collected)",
    r"\bwho (?:annotates|labels|tagged|reviewed)\b",
    r"\bfeedback loop\b",
    r"\bcold[- ]start\b",
    r"\bsparse\b|\bsparsity\b",
    r"\bstale\b",
    r"\bschema (?:changes?|drift)\b",
    r"\b(?:how|whether) (?:representative|trustworthy|consistent)\b",
    r"\btrust (?:the|those|these) (?:labels|tags|outcomes|numbers|logs)",
)

# A generic reference to data that says nothing about its reality: used to spot passing mentions.
GENERIC_DATA = rx(r"\b(?:need|needs|have|get|collect|use|enough|more|lots of|plenty of) (?:of )?(?:the )?data\b")
PASSING = rx(r"\bobviously\b|\bof course\b|\bsure\b|\bgoes without saying\b|\bwhatever\b|\bstandard stuff\b")
PIVOT = rx(
    r"\banyway\b|\banyways\b|\bbut the (?:key|main|real|interesting|important|fun)\b|\bthe (?:real|interesting|"
    r"main|important|fun) (?:part|thing|question|work)\b|\bmoving on\b|\bthat aside\b"
)

DATA_DISMISSAL = rx(
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
    r"\brevenue\b|\bdollars?\b|\$\s?\d|\bmoney\b|\bmargin\b|\bprofit",
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

OWNERSHIP = rx(
    r"\bmonitor\w*",
    r"\balert\w*",
    r"\bdashboards?\b",
    r"\broll(?:ing)?[- ]?back\b|\brollbacks?\b",
    r"\bretrain\w*",
    r"\bcanary\b|\bshadow (?:mode|deploy|traffic|test|launch)\b|\bgradual (?:roll|ramp)",
    r"\ba/b\b|\bonline (?:test|experiment)|\bholdout\b|\bcontrol group\b",
    r"\bon[- ]?call\b|\bpag(?:e|ed|ing) (?:someone|me|the)\b|\bget paged\b|\brunbook\b",
    r"\bsix months\b|\bover time\b|\blong[- ]term\b",
    r"\bfall ?backs?\b|\bkill switch\b|\bcircuit breaker\b",
    r"\bdeploy\w*|\bship(?:ping|ped)? (?:it|this|the model)\b|\blaunch\w*",
    r"\bpost[- ]launch\b|\bin production\b",
    r"\bwhen (?:it|the model|this) (?:fails|breaks|degrades|goes wrong|drifts)\b",
    r"\bdegrad\w*",
    r"\bsla\b|\bslo\b|\bhealth checks?\b",
    r"\bfeedback (?:loop|from)\b",
    r"\b(?:keep|make sure it keeps|still) working\b",
    r"\bmaintain\w*|\bown(?:ing|ership)? (?:the|it|this)\b",
)

ADAPT = rx(
    r"\b(?:that|this|it) (?:changes|shifts|rules out|kills|means|pushes|forces|makes)\b",
    r"\bgiven (?:that|this|the (?:new|budget|limit|constraint|latency|cost))",
    r"\bin that case\b|\bif that'?s the case\b|\bunder (?:that|this|those) (?:budget|limit|constraint)",
    r"\b(?:then|so|now) (?:i'd|i would|we'd|we would|i'll)\b",
    r"\b(?:i'd|i would|we'd|we would|i'll|let's) (?:switch|move|drop|swap|replace|change|adjust|revisit|"
    r"re-?weight|fall back|cut|distill|cache|precompute|pre-compute|reduce|trim|shrink|quantize|prune|batch|"
    r"simplify|downgrade|rethink|re-?scope|redefine|re-?rank|reprioriti[sz]e|update|revise|rework|add|"
    r"re-?label|relabel|recalibrate|retune|pivot)",
    r"\binstead\b",
    r"\b(?:fair|good|ok|okay) (?:point|enough|catch)\b",
    r"\b(?:ok|okay|alright|right)[,.]? (?:so|then|that)\b",
    r"\bwith (?:that|this|a) (?:budget|limit|latency|constraint|cap)\b",
    r"\b(?:update|revise|change) (?:my|the) (?:plan|design|approach|answer)\b",
    r"\bno longer\b|\bnot (?:anymore|viable|an option)\b",
)

DEFENSIVE = rx(
    r"\bproduct (?:decision|question|problem|call|issue)\b",
    r"\bnot (?:my|an ml|a modeling|a modelling|our|the model's) (?:problem|concern|call|job|department|"
    r"responsibility|issue)\b",
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

OVERCONFIDENT = rx(
    r"\bdefinitely\b",
    r"\bobviously\b",
    r"\bclearly (?:the|best|better|superior|going|right)\b",
    r"\balways (?:works?|wins?|the|better|beats|outperforms)\b",
    r"\b(?:wouldn't|won't|shouldn't|isn't|never) (?:really |even )?(?:be |going to be )?(?:an? )?(?:issue|problem|"
    r"concern)\b",
    r"\bthe best (?:approach|model|way|solution|option|choice|architecture)\b",
    r"\bguarantee[sd]?\b",
    r"\bno doubt\b|\bwithout (?:a )?doubt\b|\bno question\b",
    r"\btrivial(?:ly)?\b",
    r"\b100 ?(?:%|percent)\b",
    r"\bcertainly\b",
    r"\beveryone (?:uses|does|knows)\b|\bhow it'?s always done\b|\bindustry standard\b",
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
    r"\bauc\b|\broc\b|\bpr[- ]auc\b|\bf1\b|\bf-?score\b|\brmse\b|\bmae\b|\bmape\b|\blog[- ]?loss\b|"
    r"\bndcg\b|\bmrr\b|\bmap@|\bprecision\b|\brecall\b|\baccuracy\b|\bgini\b|\bks statistic\b|\bperplexity\b|"
    r"\bbleu\b|\bbrier\b"
)
METRIC_PUSH = rx(
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
    r"\bfeast\b|\bray\b|\bbigquery\b|\bdbt\b|\bterraform\b|\bprometheus\b|\bgrafana\b|\bweights (?:&|and) biases\b|"
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

HOPPING = rx(
    r"\boh,? and\b|\bor maybe\b|\bor actually\b|\bwait,?\b|\bactually,? no\b|\bwhere was i\b|\bum+\b|\buh+\b|"
    r"\bi mean\b|\banother thing\b|\balso,? (?:maybe|we could|there's)\b|\band then also\b|\bor whatever\b|"
    r"\band stuff\b|\bi guess also\b|\bwhat else\b|\bjumping around\b|\btangent\b"
)
CONNECTIVE = rx(
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
