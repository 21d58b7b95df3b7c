"""LaTeX formulas as MathML a browser renders natively, safe to put in a page whatever the formula holds.

latex2mathml does the conversion; its output is not trusted: it passes `\\text{<script>}` through raw and
turns `\\href{javascript:...}` into an `href` attribute. So every conversion is parsed again and rebuilt from
an allowlist (MathML elements, presentation attributes with plain values); any other tag is shown as the
text it was, and every text is escaped. A formula too long, too slow or that latex2mathml cannot read is
shown as its escaped LaTeX instead.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .timelimit import TimeLimitExceeded, cpu_seconds, time_limit

MAX_FORMULA = 4_000  # characters: a longer formula is shown as its LaTeX
FORMULA_SECONDS = 0.5  # CPU seconds for one conversion
PAGE_SECONDS = 20.0  # CPU seconds for all the conversions of one page; then formulas are shown as LaTeX

ELEMENTS = frozenset(
    "mrow mi mn mo mtext ms mspace msub msup msubsup mfrac msqrt mroot mstyle merror mpadded mphantom menclose "
    "munder mover munderover mtable mtr mtd mlabeledtr mmultiscripts mprescripts none".split()
)
ATTRIBUTES = frozenset(
    "mathvariant stretchy fence separator form accent accentunder notation displaystyle scriptlevel columnalign rowalign "
    "columnlines rowlines columnspacing rowspacing frame width height depth lspace rspace voffset linebreak largeop "
    "movablelimits symmetric minsize maxsize linethickness bevelled".split()
)
PLAIN_VALUE = re.compile(r"[A-Za-z0-9 .+\-%]{0,40}")

_HREF = re.compile(r"\\href\s*\{[^{}]*\}")
_URL = re.compile(r"\\url\s*\{([^{}]*)\}")
_DROPPED = re.compile(r"\\(?:label|tag\*?)\s*\{[^{}]*\}|\\(?:nonumber|notag)\b")


class _Rebuild(HTMLParser):
    """MathML rebuilt from latex2mathml's output: allowed elements and attributes only; every other tag as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "math":
            return
        if tag not in ELEMENTS:
            self.handle_data(html.unescape(self.get_starttag_text() or ""))
            return
        kept = "".join(f' {name}="{value}"' for name, value in attrs
                       if name in ATTRIBUTES and value is not None and PLAIN_VALUE.fullmatch(value))
        self.out.append(f"<{tag}{kept}>")
        self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "math":
            return
        if tag not in self.open:
            if tag not in ELEMENTS:
                self.handle_data(f"</{tag}>")
            return
        while self.open:
            closing = self.open.pop()
            self.out.append(f"</{closing}>")
            if closing == tag:
                break

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def sanitised(mathml: str) -> str:
    """The inside of a <math> element, rebuilt from the allowlist (no attribute that links, styles or runs)."""
    rebuild = _Rebuild()
    rebuild.feed(mathml)
    return rebuild.result()


def tex_code(tex: str, display: bool = False) -> str:
    """A formula shown as its escaped LaTeX (when it cannot be rendered)."""
    return f'<code class="tex{" display" if display else ""}">{html.escape(tex)}</code>'


def prepared(tex: str) -> str:
    """What latex2mathml is given: labels and tags dropped, links shown as their text only."""
    tex = _DROPPED.sub("", tex)
    tex = _HREF.sub("", tex)
    return _URL.sub(r"\\text{\1}", tex)


class MathRenderer:
    """Converts formulas for one page, each under a CPU limit and all under a page budget; remembers each one."""

    def __init__(self, budget: float = PAGE_SECONDS):
        self.budget = budget
        self.spent = 0.0
        self.cache: dict = {}

    def __call__(self, tex: str, display: bool = False) -> str:
        key = (tex, display)
        if key not in self.cache:
            self.cache[key] = self._convert(tex, display)
        return self.cache[key]

    def _convert(self, tex: str, display: bool) -> str:
        if not tex.strip():
            return ""
        if len(tex) > MAX_FORMULA or self.spent >= self.budget:
            return tex_code(tex, display)
        from latex2mathml.converter import convert

        started = cpu_seconds()
        try:
            with time_limit(min(FORMULA_SECONDS, self.budget - self.spent)):
                inner = sanitised(convert(prepared(tex)))
        except (TimeLimitExceeded, RecursionError, MemoryError):
            return tex_code(tex, display)
        except Exception:  # latex2mathml cannot read it (\frac{a}{, an unknown environment): show the LaTeX
            return tex_code(tex, display)
        finally:
            self.spent += cpu_seconds() - started
        mode = "block" if display else "inline"
        annotation = f'<annotation encoding="application/x-tex">{html.escape(tex, quote=False)}</annotation>'
        return (f'<math xmlns="http://www.w3.org/1998/Math/MathML" display="{mode}"><semantics><mrow>{inner}</mrow>'
                f"{annotation}</semantics></math>")
