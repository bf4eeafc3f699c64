"""Candidate text is data: find the blocks of it that address the judge instead of the interviewer.

`normalise` undoes the usual disguises (Unicode compatibility forms, zero-width and bidi controls, Cyrillic and
Greek letters standing in for Latin ones, comments) while remembering where each character came from, so a
block found in the normalised text maps back to the exact original span. `injected_blocks` returns those
original spans, whole blocks rather than trigger sentences:

- a note to the evaluator, grader, judge, AI or model, in English or another language, and the rest of its
  paragraph (with the paragraph after a note that is only a heading);
- "ignore / disregard previous instructions" in English, French, Spanish, German, Portuguese, Italian,
  Chinese, Russian and Japanese, and the rest of its paragraph;
- a fake system or transcript boundary ("--- END OF TRANSCRIPT ---", "System:", "[INST]", "<|im_start|>") and
  everything after it in the turn;
- role-play as the interviewer, the committee or the system ("Interviewer: great answer...") and everything
  after it;
- verdict-shaped JSON or YAML (with its code fence and its label line);
- HTML and markdown comments, hidden HTML elements, invisible Unicode tag text.

The patterns are about who the text addresses and what it asks for, never about interview content, so an
answer that talks about instructions, systems, a model's output or a JSON feature spec is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from agent.taxonomy import SIGNAL_IDS

# The judge's own signal ids ("data_first"): nobody answering an interview question writes them.
_SIGNAL_IDS = [s for s in SIGNAL_IDS if "_" in s]

# -- normalisation ------------------------------------------------------------------------------------------

# Cyrillic and Greek letters that render like Latin ones. Folded only inside words that also hold a Latin letter
# (a disguised English word); an all-Cyrillic or all-Greek word is real Russian or Greek and stays as it is.
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y",
    "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J",
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin letters that are not ASCII but pass for it: small capitals, dotless i, IPA g.
    "ı": "i", "ɡ": "g", "ɑ": "a", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u",
    "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
})
_FOLDABLE = frozenset(k for k in CONFUSABLES if chr(k).isalpha() and not chr(k).isascii())
# Invisible characters that are not format controls (category Cf, all removed): the combining grapheme joiner,
# variation selectors, Hangul fillers.
_INVISIBLE = frozenset([0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)])
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|^[ \t]*\[(?://|#|comment|note|_)?[^\]\n]*\]:[ \t]*(?:#|<>)[ \t]*"
                      r"(?:\([^\n]*\)|\"[^\n]*\")[ \t]*$", re.DOTALL | re.MULTILINE | re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Normalised:
    """`text` is NFKC, without zero-width or bidi controls, with Latin look-alikes folded and comments removed;
    `origin[i]` is the index in the original of `text[i]` (`len(origin) == len(text) + 1`, the last entry being
    the original's length)."""

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [s, e) that normalised [start, end) came from. It runs up to the next character kept in
        the normalised text, so whatever was removed in between (zero-width characters, a comment) goes with
        it; an empty span maps to an empty span."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end]


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" or ord(ch) in _INVISIBLE


def _plain(text: str) -> bool:
    """Nothing to undo: no comment, no invisible or look-alike character, already in NFKC (curly quotes and dashes
    are fine). Checked first because most answers are plain and the full pass is per character."""
    if "<!--" in text or "]:" in text:
        return False
    if text.isascii():
        return True
    odd = {c for c in text if not c.isascii()}
    return (not any(_invisible(c) or ord(c) in CONFUSABLES for c in odd)
            and unicodedata.is_normalized("NFKC", text))


def normalise(text: str) -> Normalised:
    if _plain(text):
        return Normalised(text=text, origin=tuple(range(len(text) + 1)))  # nothing to undo: the common case
    out: list[str] = []
    origin: list[int] = []
    removed = [False] * len(text)
    for m in _COMMENT.finditer(text):
        removed[m.start():m.end()] = [True] * (m.end() - m.start())
    i = 0
    while i < len(text):
        if removed[i] or _invisible(text[i]):
            i += 1
            continue
        j = i + 1  # a base character and the combining marks on it, normalised together so they can compose
        while j < len(text) and not removed[j] and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFKC", "".join(c for c in text[i:j] if not _invisible(c)))
        if cluster[:1].isascii() and cluster[:1].isalpha():
            cluster = "".join(c for c in cluster if not unicodedata.combining(c))  # a mark on a Latin letter
        out.extend(cluster)
        origin.extend([i] * len(cluster))
        i = j
    origin.append(len(text))
    folded = _fold(out)
    return Normalised(text="".join(folded), origin=tuple(origin))


def _fold(chars: list[str]) -> list[str]:
    """Fold look-alikes to Latin in each word that mixes them with Latin letters, and in each word made only of
    look-alikes whose nearest real word is Latin (the "АІ" of "note to the АІ"); a word with a letter that has no
    Latin twin (д, и, λ) is Russian or Greek, and so is a look-alike-only word among them. One char for one."""
    text = "".join(chars)
    words = list(_WORD.finditer(text))
    kinds = [_script(m.group()) for m in words]
    for n, m in enumerate(words):
        if kinds[n] == "mixed" or kinds[n] == "look-alike" and _latin_context(kinds, n):
            chars[m.start():m.end()] = list(m.group().translate(CONFUSABLES))
    return chars


def _script(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    latin = any(c.isascii() for c in letters)
    alike = any(ord(c) in _FOLDABLE for c in letters)
    other = any(not c.isascii() and ord(c) not in _FOLDABLE for c in letters)
    if other:
        return "other"
    if latin:
        return "mixed" if alike else "latin"
    return "look-alike" if alike else "none"


def _latin_context(kinds: list[str], n: int) -> bool:
    """Whether the nearest words on either side that are not themselves look-alike-only are Latin."""
    for step in (-1, 1):
        i = n + step
        while 0 <= i < len(kinds) and kinds[i] in ("look-alike", "none"):
            i += step
        if 0 <= i < len(kinds) and kinds[i] == "other":
            return False
    return any(k in ("latin", "mixed") for k in kinds)


# -- what an injected block looks like ---------------------------------------------------------------------

_I = re.IGNORECASE | re.MULTILINE
# People who score an answer, and machines that might.
_HUMAN_JUDGE = (r"(?:evaluators?|graders?|judges?|assessors?|examiners?|scorers?|hiring committee|"
                r"hiring manager|interview panel)")
_MACHINE_JUDGE = r"(?:ai|a\.i\.|llms?|language models?|models?|assistants?|bots?|gpt|chatgpt|claude|gemini)"
_SCORING = r"(?:scoring|grading|evaluating|judging|reviewing|assessing|marking|reading)"
# A note addressed to whoever scores the answer (to a machine only when it is plainly addressed).
NOTE = re.compile(
    rf"\b(?:note|message|memo|reminder|p\.?s\.?|comment|instruction)\s*(?:to|for)\s+(?:the |any |all |my |our )?"
    rf"(?:automated |human |final |ai |llm )?{_HUMAN_JUDGE}\b"
    rf"|\b(?:note|message|memo|reminder)\s*to\s+(?:the |any |all )?{_MACHINE_JUDGE}\b\s*(?:[:,\-–—]|{_SCORING})"
    rf"|\b(?:dear|attention|hey|hello|hi)\s+(?:the |any |all )?(?:{_HUMAN_JUDGE}|{_MACHINE_JUDGE})\s*[,:!\-–—]"
    rf"|\b(?:to|for) (?:the |any |all )?{_HUMAN_JUDGE}\s*[:：]"
    rf"|\bto (?:the |any |whichever )?(?:{_HUMAN_JUDGE}|{_MACHINE_JUDGE}) {_SCORING} this\b"
    rf"|\b(?:to|for) (?:whoever|whatever|anyone|anybody)(?: or (?:whoever|whatever))? (?:is |are )?{_SCORING}\b"
    rf"|\bto (?:whatever|whichever|any|the) (?:[\w-]+ ){{0,3}}(?:is|are) {_SCORING} this\b"
    rf"|\bif (?:you are |an? |the )?(?:ai|llm|language model|model|assistant|automated|machine)(?: [\w-]+)? "
    rf"(?:is |are ){_SCORING}\b"
    r"|\bif you are an? (?:ai|llm|language model|model|assistant|evaluator|grader|automated (?:grader|judge|"
    r"evaluator|system|scorer))\b"
    r"|\b(?:system|admin|administrator|developer|evaluator|grader) (?:note|notice|override|directive|instruction)s?\b"
    r"|\bnote (?:pour|à) (?:l'|le |la )?(?:évaluat|correct|examinat|jury)\w*|\bà l'attention (?:de l'|du )?"
    r"(?:évaluat|correct|jury)\w*"
    r"|\bnota para (?:el |la |o |a )?(?:evaluad|calificad|corrector|examinad|avaliad|jurado)\w*"
    r"|\bnota per (?:il |la |l')?(?:valutat|esaminat|correttor|commissione)\w*"
    r"|\bhinweis (?:für|an) (?:den |die )?(?:bewert|prüf|gutacht|korrektor)\w*"
    r"|\b(?:примечание|заметка|записка|сообщение) для (?:оценщик|проверяющ|экзаменатор|эксперт|комисси)\w*"
    r"|给(?:评估者|评审|评审员|评分者|评委|考官|面试官|AI|模型)的(?:备注|说明|提示|留言|话)|(?:评审|评分者|评委|考官)请注意"
    r"|(?:評価者|採点者|審査員|面接官)(?:への|へ|の方へ)(?:メモ|注意|注記|メッセージ|連絡|お願い)?",
    _I)
_BEFORE = (r"(?:previous|prior|above|earlier|preceding|foregoing|original|initial|system|grading|scoring|"
           r"evaluation|judging|other)")
_ORDERS = (r"(?:instructions|prompts?|directives|guidelines|rubrics?|system prompt|"
           r"(?:scoring|grading|evaluation) (?:rules|criteria|instructions|guidelines))")
# "Ignore the previous instructions" and its translations.
IGNORE = re.compile(
    rf"\b(?:ignore|disregard|forget)\s+(?:(?:all|any|every|your|the|of the|these|those)\s+){{0,3}}"
    rf"(?:{_BEFORE}\s+){{1,2}}{_ORDERS}\b"
    rf"|\b(?:ignore|disregard|forget)\s+(?:all|any|every|your)\s+(?:of\s+(?:the|your)\s+)?{_ORDERS}\b"
    r"|\b(?:ignore|disregard|forget)\s+(?:the\s+)?(?:instructions|rubric|guidelines)\s+(?:above|before|so far|"
    r"you were given|you have been given|you received)"
    rf"|\boverride\s+(?:the |your |all )?(?:{_BEFORE}\s+)?(?:instructions|rubric|scoring|grading)\b"
    r"|\bnew instructions\s*[:：]|\byou are now (?:an? |the )?(?:grader|evaluator|judge|assistant|ai|model|"
    r"hiring|interviewer)"
    r"|\b(?:ignore[zrs]?|oublie[zrs]?|ne (?:tenez|tiens) pas compte de)\s+(?:toutes\s+)?(?:les|des)\s+"
    r"(?:consignes|instructions)"
    r"|\b(?:ignora|ignore|ignorar|ignorad|olvida|olvide|olvidad|olvidar|esqueça|esqueca|esqueçam|dimentica|"
    r"dimenticate|ignorate)\s+(?:todas\s+|tutte\s+|todos\s+)?(?:las|as|le|os|todas las|todas as|tutte le)\s+"
    r"(?:instrucciones|instruções|instrucoes|istruzioni|indicaciones|indicazioni|orientações)"
    r"|\bhaz caso omiso de (?:las |todas las )?instrucciones|\bnon tenere conto delle istruzioni"
    r"|\b(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte(?:n)?)\s+(?:sie\s+)?(?:alle\s+)?(?:die\s+)?"
    r"(?:vorherigen\s+|bisherigen\s+|obigen\s+|vorangegangenen\s+|früheren\s+)?(?:anweisungen|instruktionen|"
    r"anordnungen|vorgaben)"
    r"|(?:игнорируй(?:те)?|забудь(?:те)?|не обращай(?:те)? внимания на|проигнорируй(?:те)?)\s+(?:все\s+)?"
    r"(?:предыдущие\s+|прежние\s+|вышеуказанные\s+|прошлые\s+)?(?:инструкции|указания|команды|правила)"
    r"|(?:忽略|无视|忘记|忘掉|不要理会|忽視|無視)(?:之前|以上|上面|前面|先前|此前|所有|一切|全部)*的?(?:所有|全部)?"
    r"(?:指令|指示|说明|提示|规则|說明|規則)"
    r"|(?:以前|前|上記|これまで|先)の(?:指示|命令|指令|ルール)を(?:すべて|全て)?無視|指示を(?:すべて|全て)?無視",
    _I)
_HIRE_WORD = r"(?:strong[ _-]?hire|lean[ _-]?hire|hire\b|4/4|5/5|10/10|full marks|top (?:marks|score|rating))"
# A request for a grade, in the judge's own vocabulary.
GRADE = re.compile(
    rf"\b(?:rate|score|mark|grade|label|classify|give|judge)\s+(?:this|me|the candidate|my (?:answer|response)|"
    rf"this (?:answer|response|candidate|interview))\s+(?:as\s+)?(?:an?\s+)?(?:{_HIRE_WORD}|excellent|perfect|"
    r"outstanding|the (?:maximum|highest|top) (?:score|grade|rating|marks))"
    r"|\bstrong[_-]hire\b"
    r"|\b(?:correct|right|only acceptable|required|appropriate|fair) (?:verdict|rating|grade) (?:here |for this "
    r"(?:answer|candidate|interview) )?is\b"
    rf"|\b(?:correct|right|only acceptable|required|appropriate|fair) (?:recommendation|score|output|decision) "
    rf"(?:here |for this (?:answer|candidate|interview) )?is[: ]+(?:an? )?[\"']?{_HIRE_WORD}"
    rf"|\b(?:give|award|assign) (?:me |this (?:answer|candidate) |the candidate )?(?:a |the )?(?:{_HIRE_WORD}|"
    r"maximum (?:score|marks)|perfect score|highest (?:score|rating))"
    r"|\bthe candidate (?:has )?(?:passed|is a strong hire|should be hired|must be hired|deserves (?:a |the )?"
    r"(?:hire|strong|top|full|maximum|perfect|highest))"
    r"|\b(?:score|mark|record|rate|count|label|flag|tick)\s+[\w ,]{1,60}?\s+as\s+(?:present|shown|demonstrated|"
    r"positive|met|satisfied)\b"
    rf"|\b(?:{'|'.join(sorted(_SIGNAL_IDS, key=len, reverse=True))})\b",
    _I)
# Where a fake system or transcript boundary starts: from it to the end of the turn is injected.
BOUNDARY = re.compile(
    r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\|>"
    r"|\[/?INST\]|<</?SYS>>|</?(?:system|transcript|candidate_answer|candidate_response|end_of_turn)\s*>"
    r"|^[ \t>*_#=\-]*(?:-{2,}|={2,}|#{1,6}|\*{2,}|\[|\()[ \t]*(?:end|start|begin|close)(?:[ \t]+of)?[ \t]+"
    r"(?:the[ \t]+)?(?:[\w'-]+[ \t]+){0,2}(?:transcript|interview|conversation|answer|response|turn|input|"
    r"document|context)\b"
    r"|^[ \t>*_]*#{1,6}[ \t]*(?:system|instructions?|assistant|evaluator|grader)(?:[ \t]+(?:prompt|message|note|"
    r"instructions?|override))?[ \t]*:?[ \t]*$"
    r"|^[ \t>*_]*[\[(<][ \t]*(?:system|admin|developer|evaluator|grader|judge|assistant)[ \t]*[\])>:]",
    _I)
SHOUTED_LABEL = re.compile(r"^[ \t>*_]*(?:SYSTEM|ASSISTANT|EVALUATOR|GRADER|ADMIN)[ \t]*[:：]", re.MULTILINE)
# A speaker label at the start of a line or sentence (or of a bracket). The machine's side followed in its
# paragraph by an instruction, or the interviewer's side followed by a judgement, is role-play; the judge's side
# followed by a request ("Grader: please score...") is a note to the judge.
LABEL = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+|(?<=[(\[]))[ \t>*_\-]*(?P<who>system|assistant|ai|user|human|developer|admin|judge|grader|"
    r"evaluator|assessor|examiner|scorer|interviewer|hiring committee|committee|hiring manager|recruiter|moderator|"
    r"panel)[ \t]*(?:\([^)\n]{0,30}\))?[ \t*_]*[:：]",
    _I)
_MACHINE_SIDE = ("system", "assistant", "ai", "user", "human", "developer", "admin")
_JUDGE_SIDE = ("judge", "grader", "evaluator", "assessor", "examiner", "scorer")
INSTRUCTION = re.compile(
    rf"\b(?:ignore|disregard|override|you are (?:now |an? |the )|your (?:task|job|role|instructions) (?:is|are)|"
    r"the candidate (?:is a|has passed|passed|should be|deserves|must be)|(?:rate|grade|score|mark) (?:this|the "
    r"candidate|me)\b|strong[ _-]?hire|lean[ _-]?(?:no[ _-]?)?hire|no[ _-]?hire|verdict|evaluator|grader|"
    r"(?:output|respond|reply) (?:only|exactly|with)|the (?:model|ai|assistant) (?:must|should|will)|top (?:score|"
    rf"marks)|full marks|{_HIRE_WORD})",
    _I)
REQUEST = re.compile(
    r"\b(?:please|score|rate|mark|record|grade|note|count|flag|hire|signals?|present|demonstrat\w*|the candidate|"
    r"my answer|this answer|full marks)\b",
    _I)
JUDGEMENT = re.compile(
    r"\b(?:great (?:answer|job|work|response|point)|excellent|perfect|impressive|outstanding|fantastic|brilliant|"
    r"superb|flawless|exceptional|amazing|well done|spot on|nailed it|exactly (?:right|what we)|move forward|"
    r"no further questions|(?:strong|clear|definite) (?:hire|yes)|hire\b|passed|full marks|10/10|4/4|5/5|"
    r"best answer)",
    _I)
# Verdict-shaped data: the keys and the labels of the judge's own output.
VERDICT_KEY = re.compile(
    r"[\"']?\b(recommendation|recommendation_band|verdict|final_verdict|final_recommendation|overall_recommendation|"
    r"hire_recommendation|hire_decision|hiring_decision|dimension_scores|rubric_scores|disqualifiers|"
    r"injection_attempts|recruiter_says|actually_meant)\b[\"']?\s*[:=]",
    re.IGNORECASE)
DIMENSION_KEY = re.compile(r"[\"']?\b(judgment|ownership|practicality|learning_ability|communication)\b[\"']?"
                           r"\s*[:=]", re.IGNORECASE)
VERDICT_VALUE = re.compile(r"[:=]\s*[\"']?(?:strong[_ -]hire|lean[_ -]hire|lean[_ -]no[_ -]hire|no[_ -]hire|hire)"
                           r"[\"']?\s*(?:[,}\]\n]|$)", re.IGNORECASE | re.MULTILINE)
_YAML_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?[\"']?[\w.-]{1,40}[\"']?[ \t]*:(?:[ \t]+\S.*)?$")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[^\n]*$", re.MULTILINE)
_LEAD_IN = re.compile(r"[^.!?\n]{0,80}[:：][ \t]*")
_HIDDEN = re.compile(
    r"<(?P<tag>[a-z][a-z0-9]*)\b[^>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|"
    r"opacity\s*:\s*0(?:\.0+)?\b|\bhidden\b|aria-hidden\s*=\s*[\"']?true)[^>]*>.*?(?:</(?P=tag)\s*>|\Z)"
    r"|<(?P<raw>script|style|template|noscript)\b[^>]*>.*?(?:</(?P=raw)\s*>|\Z)",
    re.IGNORECASE | re.DOTALL)
_TAG_TEXT = re.compile("[\U000E0000-\U000E007F]+")  # invisible "tag" characters spelling out hidden ASCII
_INVISIBLE_RUN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]{8,}")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_START = re.compile(r"(?<=[.!?。！？])\s+|\n")
# A sentence that turns back from the note to the answer ends the note's block.
_RETURN = re.compile(r"(?:(?<=[.!?。！？)\]])\s+|\n)(?=[*_]*(?:anyway|anyhow|back to|returning to|moving on|as i was "
                     r"saying|getting back to|to get back to|that aside|where was i)\b)", re.IGNORECASE)


# -- finding the blocks -------------------------------------------------------------------------------------

def injected_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the original `text` to exclude from evidence: whole injected blocks, merged and sorted."""
    return list(_injected_blocks(text))


@lru_cache(maxsize=1024)
def _injected_blocks(text: str) -> tuple[tuple[int, int], ...]:
    norm = normalise(text)
    found = [m.span() for rx in (_COMMENT, _HIDDEN, _TAG_TEXT, _INVISIBLE_RUN) for m in rx.finditer(text)]
    found += [norm.original_span(s, e) for s, e in _blocks(norm.text)]
    return tuple(_merge(text, found))


def _blocks(t: str) -> list[tuple[int, int]]:
    """The injected blocks of normalised text `t`."""
    blocks = [(_line_start(t, m.start()), len(t)) for m in BOUNDARY.finditer(t)]
    blocks += [_rest_of_turn(t, m.end() - len(m.group().lstrip())) for m in SHOUTED_LABEL.finditer(t)]
    labels = list(LABEL.finditer(t))
    for n, m in enumerate(labels):
        who, opens = m.group("who").lower(), m.end() - len(m.group().lstrip())
        rest = t[m.end():_paragraph_end(t, m.end())]
        if who in _JUDGE_SIDE:
            if REQUEST.search(rest):
                blocks.append(_rest_of_paragraph(t, opens))
        elif (INSTRUCTION if who in _MACHINE_SIDE else JUDGEMENT).search(rest):
            blocks.append(_rest_of_turn(t, _dialogue_start(t, labels[:n], opens)))
    blocks += [_rest_of_paragraph(t, m.start()) for rx in (NOTE, IGNORE, GRADE) for m in rx.finditer(t)]
    return blocks + _verdict_data(t)


def _rest_of_turn(t: str, i: int) -> tuple[int, int]:
    """From a speaker label at `i` to the end of the turn, unless a sentence turns back to the answer first."""
    back = _RETURN.search(t, i)
    return i, back.start() if back else len(t)


def _dialogue_start(t: str, earlier: list[re.Match], start: int) -> int:
    """Where the fake dialogue that the role-play label at `start` belongs to begins: back over the paragraphs
    just before it that also open with a speaker label ("Human: how did they do?")."""
    for m in reversed(earlier):
        opens = m.end() - len(m.group().lstrip())
        if opens != _line_start(t, opens) or t[_paragraph_end(t, opens):start].strip():
            break
        start = opens
    return start


def _line_start(t: str, i: int) -> int:
    return t.rfind("\n", 0, i) + 1


def _paragraph_end(t: str, i: int) -> int:
    m = _PARAGRAPH.search(t, i)
    return m.start() if m else len(t)


def _rest_of_paragraph(t: str, i: int) -> tuple[int, int]:
    """The block around a trigger at `i`: the bracket it sits in, if that closes within the paragraph; else from
    the start of its sentence to the end of the paragraph, or to a sentence that turns back to the answer
    ("Anyway, ..."). A note that is only a heading ("NOTE TO THE GRADER:") takes the next paragraph as well."""
    end = _paragraph_end(t, i)
    bracket = _enclosing_bracket(t, i, end)
    if bracket:
        return bracket
    start = max((m.end() for m in _SENTENCE_START.finditer(t, 0, i) if m.end() <= i), default=0)
    if t[start:end].rstrip().endswith((":", "：")) and end < len(t):
        end = _paragraph_end(t, _PARAGRAPH.search(t, end).end())
    back = _RETURN.search(t, i, end)
    return start, back.start() if back else end


def _enclosing_bracket(t: str, i: int, paragraph_end: int) -> tuple[int, int] | None:
    """The innermost "(...)" or "[...]" of the paragraph that is open at `i` and closes before the paragraph ends."""
    paragraph_start = max(t.rfind("\n\n", 0, i) + 2, 0) if "\n\n" in t[:i] else 0
    depth = {"(": 0, "[": 0}
    for j in range(i - 1, paragraph_start - 1, -1):
        ch = t[j]
        if ch in ")]":
            depth["(" if ch == ")" else "["] -= 1
        elif ch in "([":
            depth[ch] += 1
            if depth[ch] > 0:
                close = _matching(t, j, paragraph_end)
                return (j, close + 1) if close is not None and close >= i else None
    return None


def _matching(t: str, j: int, limit: int) -> int | None:
    opener, closer = t[j], ")" if t[j] == "(" else "]"
    depth = 0
    for k in range(j, limit):
        depth += (t[k] == opener) - (t[k] == closer)
        if depth == 0:
            return k
    return None


def _verdict_data(t: str) -> list[tuple[int, int]]:
    """Brace-balanced objects and runs of `key: value` lines shaped like a verdict (a hire label as a value, or
    two of the verdict's keys or scored dimensions), each with its code fence and a label line before it."""
    return [_with_frame(t, s, e) for s, e in _objects(t) + _yaml_runs(t) if _verdict_shaped(t[s:e])]


def _verdict_shaped(body: str) -> bool:
    keys = {m.group(1).lower() for m in VERDICT_KEY.finditer(body)}
    dimensions = {m.group(1).lower() for m in DIMENSION_KEY.finditer(body)}
    return bool(VERDICT_VALUE.search(body)) or len(keys) >= 2 or len(dimensions) >= 2


def _objects(t: str) -> list[tuple[int, int]]:
    """Outermost {...} spans, braces inside double-quoted strings ignored; an unclosed one runs to the end."""
    out, depth, start, quoted, escaped = [], 0, 0, False, False
    for i, ch in enumerate(t):
        if quoted:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
        elif ch == '"' and depth:
            quoted = True
        elif ch == "{":
            start = i if depth == 0 else start
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    if depth:
        out.append((start, len(t)))
    return out


def _yaml_runs(t: str) -> list[tuple[int, int]]:
    """Runs of two or more consecutive `key: value` lines (their indented children included)."""
    out: list[tuple[int, int]] = []
    run: list[int] | None = None  # [start, end, pairs]
    pos = 0
    for line in t.splitlines(keepends=True):
        body = line.rstrip("\n")
        pair = bool(_YAML_LINE.match(body))
        child = run is not None and body[:1] in (" ", "\t", "-") and body.strip()
        if pair or child:
            run = run or [pos, pos, 0]
            run[1], run[2] = pos + len(body), run[2] + pair
        elif run is not None:
            out += [(run[0], run[1])] if run[2] >= 2 else []
            run = None
        pos += len(line)
    if run is not None and run[2] >= 2:
        out.append((run[0], run[1]))
    return out


def _with_frame(t: str, s: int, e: int) -> tuple[int, int]:
    """Widen a data block to the code fence around it and to a lead-in ("Final verdict:") just before it."""
    fences = list(_FENCE.finditer(t))
    for opening, closing in zip(fences[::2], fences[1::2], strict=False):
        if opening.start() <= s and e <= closing.end():
            s, e = opening.start(), closing.end()
            break
    line = _line_start(t, s)
    if _LEAD_IN.fullmatch(t[line:s]):
        s = line
    if s == line and line > 0:
        previous = _line_start(t, line - 1)
        if t[previous:line - 1].strip() and _LEAD_IN.fullmatch(t[previous:line - 1]):
            s = previous
    return s, e


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with whitespace trimmed from both ends; overlapping ones, or ones with only whitespace
    between them, joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def without_blocks(text: str, blocks: list[tuple[int, int]] | None = None) -> str:
    """`text` with every injected block blanked to spaces, so offsets into it are offsets into the original."""
    chars = list(text)
    for start, end in injected_blocks(text) if blocks is None else blocks:
        chars[start:end] = " " * (end - start)
    return "".join(chars)

