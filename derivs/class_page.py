"""A graded class as a page: per part, the verdict counts as a chart, then the answer groups (largest first),
each with its representative rendered, verdict, feedback, count and students, and a place to override it.

The page reads with no script. One small script (allowed by its hash, nothing else may run) turns the
override controls into an overrides file, shown in the page and offered as a download, for
`derivs report --apply overrides.json`; the same file can be written by hand from `derivs groups`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .grading import VERDICTS
from .groups import PartGroups, max_points
from .mathml import MathRenderer, tex_code
from .pages import GRADE_MARKS, escape, mark_symbol, page

SHOWN_STUDENTS = 8  # students listed in a group's row before the rest fold away

STYLE = """
nav.parts { display: flex; flex-wrap: wrap; gap: .2em 1em; }
section.part { margin: 2em 0; }
section.part h2 { border-bottom: 1px solid var(--line); padding-bottom: .2em; }
.prompt { color: #424a53; }
.chart { margin: .6em 0 1em; max-width: 40em; }
.bar { display: grid; grid-template-columns: 9.5em 1fr 4em; align-items: center; gap: .5em; margin: .15em 0; font-family: "DejaVu Sans", sans-serif; font-size: .9em; }
.bar .track { background: #f0f2f4; height: 1.1em; border-radius: 3px; }
.bar .fill { display: block; height: 100%; border-radius: 3px; }
.fill.k-ok { background: var(--ok); } .fill.k-wrong { background: repeating-linear-gradient(45deg, var(--wrong) 0 4px, #e5707c 4px 7px); }
.fill.k-unsure { background: repeating-linear-gradient(90deg, var(--unsure) 0 5px, #c9a25a 5px 8px); }
.fill.k-unread { background: repeating-linear-gradient(0deg, var(--unread) 0 3px, #b59ae3 3px 5px); }
table.groups { width: 100%; font-size: .95em; }
table.groups th, table.groups td { border-bottom: 1px solid var(--line); padding: .45em .4em; text-align: left; vertical-align: top; }
table.groups th { font-family: "DejaVu Sans", sans-serif; font-size: .8em; color: #57606a; }
table.groups td.count { font-weight: bold; text-align: right; }
table.groups p { margin: .2em 0; }
table.groups td.points { white-space: nowrap; }
tr.group.overridden { background: #fff8c5; }
.answer math { font-size: 1.15em; }
.students { font-size: .88em; max-width: 16em; }
.override select, .override input { font-size: .9em; width: 8em; }
#overrides textarea { width: 100%; font-family: "DejaVu Sans Mono", monospace; font-size: .8em; }
.how { font-size: .8em; color: var(--given); }
"""

SCRIPT = """(function () {
  var out = document.getElementById("overrides-json");
  var link = document.getElementById("overrides-download");
  var count = document.getElementById("overrides-count");
  function collect() {
    var overrides = [];
    document.querySelectorAll("tr.group").forEach(function (row) {
      var verdict = row.querySelector("select.verdict").value;
      var points = row.querySelector("input.points").value;
      var given = points !== "" && !isNaN(Number(points));
      row.classList.toggle("overridden", Boolean(verdict) || given);
      if (!verdict && !given) { return; }
      var item = {group: row.dataset.group, target: row.dataset.target, answer: row.dataset.answer,
                  rows: row.dataset.rows.split(",").map(Number)};
      if (verdict) { item.verdict = verdict; }
      if (given) { item.points = Number(points); }
      overrides.push(item);
    });
    var text = JSON.stringify({results: out.dataset.results, overrides: overrides}, null, 1);
    out.value = text;
    link.href = "data:application/json;charset=utf-8," + encodeURIComponent(text);
    count.textContent = overrides.length + (overrides.length === 1 ? " group" : " groups") + " overridden";
  }
  document.addEventListener("change", collect);
  document.addEventListener("input", collect);
  collect();
})();
"""


def class_page(parts: list[PartGroups], results: str, problems_dir=None) -> str:
    """The whole page for a graded class (parts as grouped by groups.answer_groups)."""
    math = MathRenderer(budget=60.0)
    total = sum(p.rows for p in parts)
    counts = {v: sum(p.verdicts()[v] for p in parts) for v in VERDICTS}
    summary = "".join(f"<span>{mark_symbol(*GRADE_MARKS[v])} {counts[v]} {escape(v)}</span>" for v in VERDICTS)
    links = "".join(f'<a href="#part-{n}">{escape(p.target)}</a>' for n, p in enumerate(parts, start=1))
    head = (f'<header class="summary"><h1>Class report</h1><p><span title="{escape(results)}">{escape(Path(results).name)}</span>: {total} rows, {len(parts)} parts, '
            f'{sum(len(p.groups) for p in parts)} answer groups</p><p class="counts">{summary}</p>'
            f'<nav class="parts">{links}</nav><p class="legend">Each group holds the answers that are the same mathematics '
            "(decided by the grader's own procedure), largest first. Set a group's verdict or points in its row; the "
            '<a href="#overrides">overrides</a> at the bottom are what <code>derivs report --apply</code> reads.</p></header>')
    sections = "".join(_part(p, n, math, problems_dir) for n, p in enumerate(parts, start=1))
    initial = json.dumps({"results": results, "overrides": []}, indent=1)
    overrides = (
        '<section id="overrides" class="no-print"><h2>Overrides</h2>'
        '<p><span id="overrides-count">0 groups overridden</span> · '
        '<a id="overrides-download" download="overrides.json" href="#overrides">download overrides.json</a></p>'
        f'<textarea id="overrides-json" rows="10" readonly data-results="{escape(results)}">{escape(initial)}</textarea>'
        '<p>Then <code>derivs report --apply overrides.json</code> writes results.jsonl, results.csv and the Gradescope folders '
        'again with these verdicts and points, and says what changed.</p>'
        '<details><summary>Without a browser that runs the page\'s script</summary><p>Write the file by hand: '
        '<code>{"results": "results.jsonl", "overrides": [{"target": "PROBLEM.PART", "answer": "any answer of the group, as written", '
        '"verdict": "correct", "points": 0.5}]}</code> (or <code>"rows": [...]</code> instead of <code>answer</code>). '
        '<code>derivs groups results.jsonl</code> lists the groups as text.</p></details></section>')
    return page(f"derivs: class report ({results})", head + sections + overrides, STYLE, SCRIPT)


def _part(part: PartGroups, number: int, math: MathRenderer, problems_dir) -> str:
    top = max_points(part.target, problems_dir)
    prompt = _prompt(part.target, problems_dir, math)
    counts = part.verdicts()
    bars = []
    for verdict in VERDICTS:
        kind, symbol, _ = GRADE_MARKS[verdict]
        width = 100 * counts[verdict] / part.rows if part.rows else 0
        bars.append(f'<div class="bar" data-verdict="{verdict}"><span>{mark_symbol(*GRADE_MARKS[verdict])} {verdict}</span>'
                    f'<span class="track"><span class="fill k-{kind}" style="width:{width:.2f}%"></span></span>'
                    f'<span class="n">{counts[verdict]}</span></div>')
    rows = "".join(_group_row(group, top, math, problems_dir) for group in part.groups)
    return (f'<section class="part" id="part-{number}" data-target="{escape(part.target)}"><h2>{escape(part.target)} '
            f'<span class="note">({top:g} point{"" if top == 1 else "s"}; {part.rows} answers in {len(part.groups)} groups)</span></h2>{prompt}'
            f'<div class="chart" role="img" aria-label="verdict counts">{"".join(bars)}</div>'
            '<table class="groups"><thead><tr><th>#</th><th>answer (as most often written)</th><th>verdict and feedback</th>'
            f'<th>answers</th><th>students</th><th>points</th><th class="no-print">override</th></tr></thead><tbody>{rows}</tbody></table></section>')


def _prompt(target: str, problems_dir, math: MathRenderer) -> str:
    from .grading import UnknownTarget, resolve_target

    try:
        text = resolve_target(target, problems_dir)[1].prompt
    except UnknownTarget:
        return '<p class="prompt note">(not a known part)</p>'
    pieces = text.split("$")
    rendered = "".join(math(piece) if odd else escape(piece) for odd, piece in ((n % 2 == 1, p) for n, p in enumerate(pieces)))
    return f'<p class="prompt">{rendered}</p>'


def _answer(text: str, verdict: str, math: MathRenderer) -> str:
    if verdict == "invalid" or not text.strip():
        return tex_code(text) if text.strip() else '<span class="note">(empty)</span>'
    return math(text.strip().strip("$"))


def _group_row(group, top: float, math: MathRenderer, problems_dir) -> str:
    representative = group.representative
    kind, symbol, word = GRADE_MARKS[group.verdict]
    others = group.notations[1:]
    notations = ""
    if others:
        items = "".join(f"<li>{_answer(text, group.verdict, math)} <span class='note'>×{n}</span></li>" for text, n in others)
        notations = f'<details class="notations"><summary>{len(others)} other notation{"s" if len(others) > 1 else ""}</summary><ul>{items}</ul></details>'
    read = representative.get("interpreted") or ""
    read_as = f'<p class="note">read as: {math(read)}</p>' if read and group.verdict != "invalid" else ""
    feedback = escape(representative.get("feedback", ""))
    students = group.students
    shown = escape(", ".join(students[:SHOWN_STUDENTS]))
    if len(students) > SHOWN_STUDENTS:
        rest = escape(", ".join(students[SHOWN_STUDENTS:]))
        listing = f"<details><summary>{shown} and {len(students) - SHOWN_STUDENTS} more</summary>{rest}</details>"
    else:
        listing = shown
    points = " / ".join(f"{p:g}" for p in group.points(problems_dir))
    options = "".join(f'<option value="{v}">{escape(v)}</option>' for v in VERDICTS)
    rows = ",".join(str(r["row"]) for r in group.rows)
    return (f'<tr class="group" id="g-{escape(group.target)}-{group.number}" data-group="{escape(group.id)}" data-target="{escape(group.target)}" '
            f'data-answer="{escape(representative["answer"])}" data-rows="{rows}" data-verdict="{group.verdict}" data-count="{group.count}">'
            f'<td>{group.number}</td><td class="answer">{_answer(representative["answer"], group.verdict, math)}{notations}</td>'
            f'<td>{mark_symbol(kind, symbol, word)} <b class="k-{kind}">{escape(group.verdict)}</b>{read_as}<p>{feedback}</p>'
            f'<p class="how">{escape(group.how)}</p></td><td class="count">{group.count}</td><td class="students">{listing}</td>'
            f'<td class="points">{points} <span class="note">of {top:g}</span></td>'
            f'<td class="override no-print"><select class="verdict" aria-label="verdict for group {group.number}"><option value="">keep</option>{options}</select>'
            f'<input class="points" type="number" min="0" max="{top:g}" step="any" placeholder="points" aria-label="points for group {group.number}"></td></tr>')
