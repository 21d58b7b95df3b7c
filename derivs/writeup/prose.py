"""What the words around the mathematics say: one small table, read top to bottom.

A write-up states conventions in prose ("repeated indices are summed", "y is one-hot"), says what an
inline formula is ("with $x = 2$" gives a value, "at $x = 0$" says where, "say $p_2 = 0.9$" imagines),
and says where a display holds ("For $x > 0$ we can write:"). This module reads those words, and
only words: the formulas themselves are read by the formula and notation stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The role of an inline formula, by the last of these words before it in its sentence (nearest wins).
# given: the values or formulas hold for what follows; defines: a name used above or below is defined;
# condition: where something is looked at (not a value); hypothetical: an example that changes nothing;
# for: a value for what follows ("for $n = 3$"), or, for a function's variable ("for $x = 0$"), where it is looked at.
# Words that restate what was defined before ("Recall that $C = ...$"): the formula after them is a claim about that name.
RECALL_WORDS = ("recall", "recalling", "remember", "remembering", "as defined", "we defined", "as we defined",
                "nhớ lại", "回顾", "回忆", "记得", "rappelons", "rappel", "recordemos", "recordando", "erinnern", "思い出", "상기")
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hypothetical", ("say", "e.g.", "e.g", "eg.", "for example", "for instance", "imagine", "hypothetically", "such as", "suppose", "supposing")),
    ("condition", ("at", "when", "whenever", "if", "iff", "unless", "as", "near", "around", "except", "当", "若", "如果")),
    ("given", ("with", "let", "set", "setting", "given", "assume", "assuming", "take", "taking", "using",
               "choose", "choosing", "pick", "initialise", "initialize", "initially", "starting", "令", "设")),
    ("for", ("for", "for all", "for every", "for each", "对于")),  # a value for what follows (for n = 3), or where (for x = 0)
    ("defines", ("where", "define", "defining", "denote", "denoting", "here", "i.e.", "i.e", "ie", "namely", "call", "called", "其中", "定义")),
    ("recalls", RECALL_WORDS),
)
# Conventions a write-up states in words, and the kind each gives.
CONVENTIONS: tuple[tuple[str, re.Pattern], ...] = (
    ("einstein", re.compile(r"einstein|repeated ind(?:ex|ices)[^.]{0,40}\bsum|sum(?:med|mation)? over (?:the )?repeated|implied summation|summation (?:is )?implied|summation convention", re.I)),
    ("one-hot", re.compile(r"one[- ]hot|\bhot[- ]vectors?\b|only (?:one|a single) (?:entry|element|component) (?:is|equals?) (?:1|one)"
                           r"|\b(?:is|are|equals?|be)\s+(?:1|one)\s+(?:at|in|on|for)\b[^.]{0,80}?\b(?:and|,)\s+(?:0|zero)\s+"
                           r"(?:else\s?where|otherwise|everywhere\s+else|for\s+(?:all\s+)?(?:the\s+)?others?)", re.I)),
    ("dirac", re.compile(r"\bdirac\b", re.I)),  # "the Dirac delta": \delta(x) is that function, not \delta times x
)
# The one-hot thing itself: the formula right after "a one-hot vector", or right before "is one-hot".
ONE_HOT_BEFORE = re.compile(r"one[- ]hot(?:[- ]encoded)?(?: (?:vector|label|encoding|target|representation))?\s*$", re.I)
ONE_HOT_AFTER = re.compile(r"\s*,?\s*(?:(?:is|are|be)\s+)?(?:a\s+|an\s+|the\s+)?(?:one[- ]hot|(?:with )?only (?:one|a single) (?:entry|element|component))"
                           r"|\s*(?:is|are|be)\s+(?:1|one)\s+(?:at|in|on|for)\b", re.I)  # "$y$ is 1 in $o^{th}$ position and 0 elsewhere"
# The label named in words, not in a formula: "where y is the one-hot label vector"; "only the k-th dimension of y is one"
# says where its 1 is.
ONE_HOT_WORD = re.compile(r"(?<![\w$\\])([A-Za-z])\s+(?:is|are)\s+(?:a|an|the)\s+one[- ]hot\b", re.I)
HOT_ENTRY_WORDS = re.compile(r"\bonly\s+the\s+([a-z])[- ]?th\s+(?:dimension|entry|element|component|coordinate)\s+of\s+([A-Za-z])\s+is\s+(?:one|1)\b", re.I)
# "where $k$ is the index of the correct class": k is the hot entry of the label a cross-entropy weighs its logs by.
HOT_INDEX = re.compile(r"^\s*,?\s*(?:is|be|denotes?|as)\s+the\s+(?:index|position|number)\s+of\s+the\s+"
                       r"(?:correct|true|target|right|ground[- ]truth|actual)\s+(?:class|label|word|category|output)", re.I)
# "a one-hot vector with a 1 for the true outside word $o$", "a 1 at the index of the correct class $k$": the letter
# right after is the hot entry.
ONE_AT = re.compile(r"(?:\b1|\bone)\s+(?:for|at|in|on)\s+(?:the\s+)?(?:(?:index|position|entry|place|row)\s+(?:of\s+(?:the\s+)?)?)?"
                    r"(?:(?:correct|true|target|right|ground[- ]truth|actual)\s+(?:\w+\s+)?(?:class|label|word|category|output|token)\s*)?$", re.I)
# The hot entry's letter typed as a plain word after those words ("a 1 for the true outside word o, and 0 elsewhere").
ONE_AT_WORD = re.compile(ONE_AT.pattern.removesuffix("$") + r"(?!a\s+[a-z]{2})([a-z])(?=[\s,.;:]|$)", re.I)  # not "a" of "a given class"
# The hot entry's letter as a formula: $o$, or an ordinal $o^{th}$, $k^\text{th}$, $k$-th.
ORDINAL_LETTER = re.compile(r"\s*([A-Za-z])\s*(?:\^\s*\{?\s*(?:\\(?:text|mathrm)\s*\{)?\s*(?:th|st|nd|rd)\s*\}?\s*\}?|-?th)?\s*")
# "a symmetric matrix $A$", "$\Sigma$ is symmetric", "$W$ is a diagonal matrix": what the formula names has that structure.
STRUCTURE_BEFORE = re.compile(r"\b(symmetric|diagonal)(?:\s+(?:positive\s+(?:semi-?)?definite\s+)?(?:weight\s+|covariance\s+)?(?:matrix|matrices))?\s*$", re.I)
STRUCTURE_AFTER = re.compile(r"^\s*,?\s*(?:is|are|be)\s+(?:a\s+|an\s+)?(?:real\s+)?(symmetric|diagonal)\b", re.I)
# "for large $k$": a bare \lim_{+\infty} is the limit in k.
LARGE = re.compile(r"\blarge\s*$", re.I)
# The end of a sentence: a new sentence starts after ". " + capital, "! ", "? ", a colon, or a blank line.
SENTENCE_END = re.compile(r"(?:[.!?](?=\s+[A-Z(\\$])|\n\s*\n|:\s*$)")
CONDITION_WORDS = frozenset({"if", "for", "when", "where", "otherwise", "and", "or", "at", "with", "else", "all"})  # in \\text, not names
# Words of a sentence typed into maths without \\text, first on a side ("when y = 1, but p = 0.1"): prose, never a
# name or a product of letters.
CONNECTIVES = frozenset({"when", "but", "if", "then", "where", "hence", "thus", "since", "because", "and", "or", "so", "let",
                         "while", "whenever", "otherwise", "therefore", "given", "assume", "suppose"})
WINDOW = 160  # characters of prose looked back over for a role word: bounded work however long a line is


@dataclass(frozen=True)
class Convention:
    kind: str  # "einstein", "one-hot"
    line: int
    words: str  # the sentence that states it


STOP = re.compile(r"[.!?](?:\s+[A-Z(\\]|\s*$)|\n\s*\n|[。！？]")  # between two formulas, a colon ends no sentence


def ends_a_sentence(words: str) -> bool:
    """Whether these words (between two formulas) end a sentence: a full stop (in Chinese too) or a blank line."""
    return bool(STOP.search(words))


def _last_words(before: str) -> str:
    """The words of the current sentence before a formula (bounded look back)."""
    window = before[-WINDOW:]
    ends = list(SENTENCE_END.finditer(window))
    return window[ends[-1].end():] if ends else window


# "if $z_1 < 0$, then $\text{ReLU}'(z_1) = 0$": what holds under a condition the text supposes, maybe against its values.
CONDITIONAL = re.compile(r"\bif\b[^.;]*\bthen\s*$")
_ROLE_PATTERNS = tuple((role, re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![a-z])")) for role, phrases in ROLE_WORDS)
_RESULT_WORDS = re.compile(r"\b(?:is|are|was|were|gives|equals|becomes|yields|so|then|thus|hence|therefore|we get|we have|obtain)\b")


def role_of(before: str) -> str:
    """The role an inline formula takes from the words before it in its sentence: "given", "defines", "for",
    "condition", "hypothetical", "conditional" (right after "if ..., then"), or "" when no word says."""
    words = _last_words(before).lower()
    words = re.sub(r"\$[^$]*\$", " ", words)  # formulas before it in the same sentence ("with $a = 1$ and $b = 2$")
    if CONDITIONAL.search(words):
        return "conditional"
    best, where = "", -1
    for role, pattern in _ROLE_PATTERNS:
        for match in pattern.finditer(words):
            if match.start() > where:
                best, where = role, match.start()
    if best and _RESULT_WORDS.search(words, where):
        return ""  # "with x = 2 the derivative is $...$": the formula is a result, not what the word introduces
    if best == "condition" and words[where:].startswith("as") and _RENAMES.search(words, 0, where):
        return "defines anew"  # "denote $h_t = f(W h_{t-1} + ...)$ as $h_t = f(uv)$": the notation it goes on in
    return best


_RENAMES = re.compile(r"\b(?:denote|denoted|denoting|write|writing|rewrite|rewriting|abbreviate|abbreviating)\b")


REQUIRED = re.compile(r"^\W{0,3}(?:must|should|has to|have to|needs? to)\s+(?:be true|hold|be satisfied)|^\W{0,3}is required"
                      r"|^\W{0,3}(?:only\s+)?(?:occurs|happens|holds|is\s+true|is\s+the\s+case)\s+(?:only\s+)?(?:when|if)\b"
                      r"|^\W{0,3}(?:only\s+(?:when|if)|if\s+and\s+only\s+if|iff|exactly\s+when|precisely\s+when)\b"
                      r"|^\W{0,3}(?:may|might|can|could)(?:\s+not)?\s+(?:be\s+true|hold|be\s+the\s+case|happen|occur)\b", re.I)

# Words right after a formula that make it an approximation in a limit ("= p/m as p is very small", "for large $n$",
# "to first order"): its links need not hold exactly.
APPROXIMATES = re.compile(r"^\W{0,3}(?:(?:as|since|because|when|whenever|for|if|where)\s+(?:\$[^$]{1,40}\$|[A-Za-z]\w{0,12})\s+"
                          r"(?:is|are|gets?|becomes?|goes|tends)?\s*(?:very\s+|sufficiently\s+|extremely\s+|so\s+)?(?:small|large|tiny|big|close\s+to|to\s+(?:zero|0|infinity))"
                          r"|(?:for|when|as)\s+(?:very\s+|sufficiently\s+)?(?:small|large)\b"
                          r"|(?:approximately|roughly|to\s+(?:the\s+)?first\s+order|asymptotically)\b)", re.I)


def approximates(after: str) -> bool:
    """The words right after a formula say it holds only approximately, in a limit ("as p is very small")."""
    return bool(APPROXIMATES.search(after[:80]))

# Words of an algorithm whose steps repeat ("repeat step (b) until convergence", "for each iteration"): a name computed
# from another that a later step computes from it is an update in a loop, not a circle of definitions.
ITERATES = re.compile(r"\b(?:repeat(?:ed|ing)?|until\s+convergence|until\s+it\s+converges|iterat(?:e|es|ion|ions|ing)|coordinate\s+descent)\b", re.I)


def iterates(words: str) -> bool:
    """The words describe an algorithm whose steps repeat."""
    return bool(ITERATES.search(words))


SOLVES = re.compile(r"\b(?:solv(?:e|ing) (?:it |this |that |the equation )?for|isolat(?:e|ing)|rearrang(?:e|ing) (?:it |this )?(?:for|to get))\b", re.I)


SEEKS = re.compile(r"\b(?:find|finding|solve\s+for|solving\s+for|determine)\s+(?:the\s+(?:value|values)\s+of\s+)?$", re.I)


def seeks(before: str) -> bool:
    """"We need to find $x_1$", "solve for $w$": the formula right after the words is a name the text now looks for."""
    return bool(SEEKS.search(before[-80:]))


def solves(sentence: str) -> bool:
    """"Solving for $w_0$:", "Also isolate $a$:": the display after the sentence is the equation before solved for a name,
    whatever else it could be (a system's next equation)."""
    return bool(SOLVES.search(sentence))


def requires(after: str) -> bool:
    """"$A = B$ must be true", "... should hold", "... only when $i' = -i$", "... iff ...", "... may be true": the formula
    is a condition set on its unknowns (or a possibility), not a claim."""
    return bool(REQUIRED.search(after[:60]))


# A display offered as someone else's way of writing, not the text's own claim ("Some sources extract the
# negative sign from delta, so it would be written as:").
ANOTHER_WAY = re.compile(r"\b(?:some|other|many) (?:sources|authors|texts|books|references|courses|papers)\b|\bwould (?:then )?be written\b"
                         r"|\b(?:another|a different|the other|an alternative) (?:convention|notation)\b", re.I)


def offers_another_way(sentence: str) -> bool:
    """The lead-in offers what follows as another convention's way of writing it: imagined, not claimed."""
    return bool(ANOTHER_WAY.search(sentence))


# A list the lead-in offers as choices ("popular choices include", "common activations such as", "for example"): each
# item is one of them, so a function its first formula writes again is defined anew, not claimed equal to the last.
ALTERNATIVES = re.compile(r"\b(?:choices|options|alternatives|variants|examples|for example|e\.g\.|such as|include|includes|including)\b", re.I)


def lists_alternatives(sentence: str) -> bool:
    return bool(ALTERNATIVES.search(sentence))


# A list item that opens with a label of its own and a colon, before its first formula ("**Softmax**: $...$",
# "\textbf{线性输出单元}：$...$", "Sigmoid: $...$"): one case of several, each giving its formula.
CASE_LABEL = re.compile(r"\s*(?:\*\*|__)?[^\s:：$][^:：$]{0,40}?(?:\*\*|__)?\s*[:：]\s*")


# Labels that order steps rather than name cases ("Step 2:", "Then:", "So we have:"): a restated formula there goes on
# from the one before and is checked.
SEQUENCE_LABEL = re.compile(r"\d|\b(?:step|first|second|third|then|next|finally|so|thus|hence|therefore|we|now|here|note|"
                            r"which|this|it|where|and|or|also|again|check|recall|result|answer|final)\b", re.I)


def labels_a_case(words: str) -> bool:
    return bool(CASE_LABEL.fullmatch(words)) and not SEQUENCE_LABEL.search(words)


# A display the lead-in says defines something anew, not restates it ("Another loss:", "Alternatively, define";
# the Chinese 定义 "define" and 另一 "another", common in course notes): a function written again is redefined.
# A lead-in that changes the set-up before writing a function again ("If we multiply all the weights and biases by $c$ and
# re-examine $f$:", "if we scale the inputs by 2") gives the function anew as well.
DEFINES_ANEW = re.compile(r"\b(?:define|redefine|another|alternatively|an alternative|instead|re-?examine)\b|定义|另一"
                          r"|\brespectively\b|\bif we (?:multiply|scale|rescale|replace|change|double|halve|negate|perturb|shift)\b", re.I)


def recalls(sentence: str) -> bool:
    """The lead-in restates a definition ("Recall that we sum the costs:"): the display after it is checked against it."""
    return bool(dict(_ROLE_PATTERNS)["recalls"].search(sentence.lower()))


def defines_anew(sentence: str) -> bool:
    return bool(DEFINES_ANEW.search(sentence))


def lead_in(words: str) -> str:
    """The last sentence of the prose before a display block."""
    paragraph = re.split(r"\n\s*\n", words.rstrip())[-1]
    return re.split(r"(?<=[.!?])\s+(?=[A-Z(])", paragraph.strip())[-1][-300:]


# (and "the case ...", "...인 경우", "...の場合", "...的情况": a case named in Korean, Japanese or Chinese, whose words have no
# spaces; "Với $i \neq j$:", "Si $i = j$ :", "Para $i = j$:", "Für $i = j$:": the same words in Vietnamese, French, Spanish,
# Portuguese, German)
LEAD_IN_WORD = re.compile(r"\b(?:for|when|if|where|with|at|assume|assuming|suppose|với|khi|nếu|si|pour|quand|lorsque|para|cuando|"
                          r"quando|se|für|wenn|falls)\b|경우|일 때|場合|のとき|情况|情形", re.I)


CASE = re.compile(r"\bcase\b|\btrường hợp\b|\bcaso\b|\bcas\b|\bfall\b|경우|때|場合|情况|情形", re.I)  # "### Case 2: $i \neq j$", as softmax-Jacobian derivations head their two halves


def names_a_case(words: str) -> bool:
    return bool(CASE.search(words) or ONLY_FORMULAS.fullmatch(INLINE_FORMULA.sub("$", words)) and "$" in INLINE_FORMULA.sub("$", words))


# A heading that is its formulas only ("### $i = k$, $l \neq j$"): the case the displays under it work, as "Case 2" says.
INLINE_FORMULA = re.compile(r"\$[^$]+\$")
ONLY_FORMULAS = re.compile(r"(?:\s|\$|,|;|:|&|and\b)*")


# "$S$ is the sum $\\sum_i e^{a_i}$", "$S$ denotes $...$", "($S$는 전체 합 $...$)", "$S$ 为 $...$": a name, then in the same
# sentence a copula and at most a few words naming what it is, then its formula. A preposition last ("$f$ is
# differentiable at $x_0$", "is in $\\mathbb{R}^n$") says something else about the name.
NAMES_AS = re.compile(r"^\s*(?:\)\s*)?(?:is|denotes|stands\s+for|means|equals|is\s+defined\s+as|est|ist|es|é)"
                      r"(?:\s+(?:the|a|an|le|la|der|die|das|el|o))?(?:\s+[A-Za-z-]+){0,2}\s*[:,]?\s*$", re.I)
NAMES_AS_WIDE = re.compile(r"^\s*(?:(?:는|은)[가-힣\s]{0,10}(?<![고며면서때에도])|(?:是|为|為|表示|即)[\u4e00-\u9fff\s]{0,6}|は[\u3040-\u30ff\u4e00-\u9fff\s]{0,6})\s*[:：,，]?\s*$")
NAMES_AS_NOT_LAST = frozenset({"at", "in", "on", "for", "with", "of", "to", "by", "from", "over", "than", "and", "or", "if",
                               "when", "where", "as", "not", "also", "differentiable", "continuous", "convex", "positive",
                               "negative", "zero", "constant", "fixed", "known", "given", "small", "large"})


def names_as(between: str) -> bool:
    """The words between a lone name's formula and the next formula say the name is that formula."""
    if NAMES_AS_WIDE.match(between.strip().rstrip(":：,，").strip()):
        return True
    if not NAMES_AS.match(between):
        return False
    words = between.strip().rstrip(":,").lower().split()
    return not words or words[-2:] == ["defined", "as"] or words[-1] not in NAMES_AS_NOT_LAST


# What may stand around the one formula of a paragraph that is only a label: a list number, a letter, brackets, a colon.
BARE_LABEL = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s*)?\$\s*[:.,]?\s*$", re.I)


def is_bare_label(words: str) -> bool:
    """"1. $i \\neq j$", "(b) $x < 0$:": a paragraph holding one formula and no words, as a case over the display after it."""
    return bool(BARE_LABEL.match(words))


# A paragraph that opens with its case ("When $i \\neq j$, ...", "If $k = i$:", "Case 2: $i = j$", "For $i \\ne j$"), and one
# that turns to the rest ("Otherwise, ...", "In all other cases").
OPENS_A_CASE = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?:\*\*|__)?\s*(?:when|if|for|in\s+the\s+case|case\s*\d*\s*[:.]?)\s*$", re.I)
OPENS_OTHERWISE = re.compile(r"^\s*(?:\*\*|__)?\s*(?:otherwise|else|in\s+(?:all\s+)?other\s+cases|for\s+all\s+other)\b", re.I)


PLAIN_CASE = re.compile(r"^\s*(?:when|if|for|case\s*\d*\s*:?)\s+([a-z]\s*(?:==?|!=|≠)\s*[a-z])\s*[:.,]?\s*$", re.I)


def plain_case(words: str) -> str | None:
    """"When i = j:" alone in its paragraph, typed without maths delimiters: the relation, else None."""
    found = PLAIN_CASE.match(words)
    return found.group(1).replace("≠", "\\neq ").replace("!=", "\\neq ").replace("==", "=") if found else None


def opens_a_case(words: str) -> bool:
    return bool(OPENS_A_CASE.match(words))


def opens_otherwise(words: str) -> bool:
    return bool(OPENS_OTHERWISE.match(words))


def states_condition(words: str) -> bool:
    """The lead-in says where what follows holds ("For $x > 0$ we can write:")."""
    return bool(LEAD_IN_WORD.search(words) or CASE.search(words))


def conventions_in(words: str, line: int) -> list[Convention]:
    found = []
    for kind, pattern in CONVENTIONS:
        match = pattern.search(words)
        if match:
            start = max(0, words.rfind(".", 0, match.start()) + 1)
            end = words.find(".", match.end())
            found.append(Convention(kind, line, words[start: end if end > 0 else len(words)].strip()))
    return found


def calls_large(before: str) -> bool:
    """"for large $k$": the formula right after the word 'large'."""
    return bool(LARGE.search(before))
