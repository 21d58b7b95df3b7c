"""What every HTML page of derivs shares: one self-contained file (styles inline, no script unless its hash is
named, no request of any kind), the marks of a verdict (a colour AND a symbol, so a page reads in black and
white), and escaping. Front ends build on this: the write-up page (proof_page) and the class page (class_page).
"""

from __future__ import annotations

import base64
import hashlib
import html

# A verdict's mark: (kind, symbol, word). The kind names the colour and the line style in the stylesheet.
PROOF_MARKS = {
    "valid": ("ok", "✓", "valid"),
    "invalid": ("wrong", "✗", "invalid"),
    "undecided": ("unsure", "?", "undecided"),
    "unparsed": ("unread", "!", "unreadable"),
    "definition": ("given", "≔", "definition or given value"),
}
GRADE_MARKS = {
    "correct": ("ok", "✓", "correct"),
    "unproved": ("unsure", "≈", "unproved (equal at the points tried, not proved)"),
    "wrong_form": ("unsure", "≃", "wrong form (the right value, not written as asked)"),
    "incorrect": ("wrong", "✗", "incorrect"),
    "undecided": ("unsure", "?", "undecided"),
    "invalid": ("unread", "!", "invalid (could not be read)"),
}

STYLE = """
:root { --ok: #1a7f37; --wrong: #c0182a; --unsure: #8a5a00; --unread: #7438c8; --given: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 16px/1.5 "DejaVu Serif", "Liberation Serif", Georgia, serif; color: #1f2328; margin: 0 auto; max-width: 62em; padding: 1.5em; }
h1 { font-size: 1.5em; margin: 0 0 .3em; } h2 { font-size: 1.25em; } h3 { font-size: 1.1em; }
code, pre, .tex { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .86em; overflow-wrap: anywhere; white-space: pre-wrap; }
pre { background: #f6f8fa; padding: .6em; overflow-x: auto; }
math { font-family: "Latin Modern Math", "STIX Two Math", "DejaVu Math TeX Gyre", math; font-size: 1.1em; }
table { border-collapse: collapse; }
.sym { font-family: "DejaVu Sans", sans-serif; font-weight: bold; }
.k-ok { color: var(--ok); } .k-wrong { color: var(--wrong); } .k-unsure { color: var(--unsure); }
.k-unread { color: var(--unread); } .k-given { color: var(--given); }
.summary { border: 1px solid var(--line); border-radius: 6px; padding: .8em 1em; margin-bottom: 1.2em; background: #fbfbfc; }
.summary ul { margin: .3em 0; padding-left: 1.3em; }
.counts span { margin-right: 1.1em; white-space: nowrap; }
.legend { color: var(--given); font-size: .88em; }
.legend span { margin-right: 1em; white-space: nowrap; }
.banner { border: 2px solid var(--wrong); padding: .6em 1em; margin: .8em 0; }
.note { color: var(--given); font-size: .9em; }
.why { font: 14px/1.45 "DejaVu Sans", "Liberation Sans", sans-serif; color: #1f2328; text-align: left; }
.why .witness td, .why .witness th { border: 1px solid var(--line); padding: .1em .4em; text-align: left; vertical-align: top; }
.why p { margin: .25em 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .no-print { display: none !important; }
  details > :not(summary) { display: none; }
}
"""


def escape(text) -> str:
    return html.escape(str(text), quote=True)


def mark_symbol(kind: str, symbol: str, word: str) -> str:
    return f'<span class="sym k-{kind}" title="{escape(word)}">{escape(symbol)}</span>'


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def content_policy(script: str | None = None) -> str:
    """Nothing may be fetched, framed, submitted or run; only this page's own styles (and script, by its hash)."""
    scripts = f"'{script_hash(script)}'" if script else "'none'"
    return (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; script-src {scripts}; "
            "connect-src 'none'; form-action 'none'; base-uri 'none'; frame-src 'none'; object-src 'none'")


def page(title: str, body: str, style: str = "", script: str | None = None) -> str:
    """A whole self-contained HTML page."""
    tail = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{content_policy(script)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}{style}</style>\n</head>\n<body>\n{body}\n{tail}</body>\n</html>\n"
    )


def verdict_fragment(verdict: str, message: str, answer: str = "", read_as: str = "", math=None) -> str:
    """A grading result as an HTML fragment (Gradescope's output_format "html"): the verdict with its mark, the
    answer rendered, how it was read (LaTeX, as text too, in case the platform strips MathML) and the feedback."""
    from .mathml import MathRenderer

    math = math or MathRenderer(budget=2.0)
    kind, symbol, word = GRADE_MARKS.get(verdict, ("unsure", "?", verdict))
    parts = [f"<p><strong>{escape(symbol)} {escape(verdict)}</strong></p>"]
    if answer:
        parts.append(f"<p>your answer: {math(answer)}</p>")
    if read_as:
        parts.append(f"<p>read as: {math(read_as)} <code>{escape(read_as)}</code></p>")
    first, *rest = message.splitlines() or [""]
    parts.append(f"<p>{escape(first)}</p>")
    if rest:
        parts.append(f"<pre>{escape(chr(10).join(rest))}</pre>")
    return "".join(parts)
