"""HTML reports without a browser: formulas as safe MathML, the write-up page (every step placed on its line,
hostile text inert), answer groups against groups worked out by hand, overrides and the exports they change.
The same pages opened in a real browser: test_browser.py."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import mpmath
import pytest

from conftest import DATA
from derivs.class_page import class_page
from derivs.derivation import check_derivation_now
from derivs.groups import (Override, ResultsError, answer_groups, apply_overrides, export, load_overrides, points_of,
                           read_results, results_csv)
from derivs.mathml import ELEMENTS, MathRenderer
from derivs.proof_page import Written, proof_page, split_top
from report_class import GROUPS, expected_groups

WRITEUPS = DATA / "writeups"


class Tags(HTMLParser):
    """Every element and attribute of a page, and its text, as a browser's parser would see them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = [], [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


HOSTILE_FORMULAS = [
    r"\text{<script>alert(1)</script>}",
    r"\href{javascript:alert(1)}{click}",
    r"\url{http://127.0.0.1:9/x}",
    r"\text{<img src=x onerror=alert(1)>}",
    r"\text{\" onmouseover=\"alert(1)}",
    r"x < y \& z > w",
    r"\frac{a}{",  # latex2mathml cannot read it: shown as its LaTeX
    r"\style{color:red}{x}",
    "x" * 5000,  # too long to convert
]
MATH_TAGS = ELEMENTS | {"math", "semantics", "annotation", "code"}


@pytest.mark.parametrize("tex", HOSTILE_FORMULAS, ids=range(len(HOSTILE_FORMULAS)))
def test_a_formula_becomes_mathml_that_can_neither_run_nor_link(tex):
    parsed = Tags(MathRenderer()(tex))
    assert set(parsed.tags) <= MATH_TAGS
    assert not [a for a in parsed.attributes if a[1].startswith("on") or a[1] in ("href", "src", "style", "xlink:href")]
    text = "".join(parsed.text)
    if "<script>" in tex:
        assert "<script>alert(1)</script>" in text  # shown as text, not dropped and not run


def test_formulas_split_at_rows_and_cells_outside_groups_and_environments():
    tex = r"a &= \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases} \\ &= {b \\ c}"
    assert [row.strip() for _, row in split_top(tex, "\\\\")] == [r"a &= \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}", r"&= {b \\ c}"]
    assert [cell.strip() for _, cell in split_top(r"a &= \begin{cases} 1 & x \end{cases}", "&")] == ["a", r"= \begin{cases} 1 & x \end{cases}"]


class Placement(HTMLParser):
    """Where each mark stands: the TeX of the display row it is in (outside any mark's own explanation), or of the
    inline formula it follows."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, class)
        self.row_tex: list[str] | None = None
        self.row_marks: list[str] = []
        self.inline_tex = ""
        self.span_tex: list[str] | None = None
        self.in_annotation = False
        self.placed: dict[str, str] = {}
        self.feed(text)

    def inside(self, css: str) -> bool:
        return any(css in classes.split() for _, classes in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        css = attrs.get("class") or ""
        if tag == "tr" and "row" in css.split():
            self.row_tex, self.row_marks = [], []
        if tag == "span" and "stepped" in css.split():
            self.span_tex = []
        if tag == "details" and "mark" in css.split() and not self.inside("why"):
            if self.row_tex is not None:
                self.row_marks.append(attrs["id"])
            else:
                self.placed[attrs["id"]] = self.inline_tex
        self.in_annotation = tag == "annotation" and not self.inside("why")
        if tag not in self.VOID:
            self.stack.append((tag, css))

    def handle_endtag(self, tag):
        while self.stack:
            opened, css = self.stack.pop()
            if opened == tag:
                break
        if tag == "tr" and self.row_tex is not None and not self.inside("why") and not self.inside("witness"):
            for anchor in self.row_marks:
                self.placed[anchor] = "".join(self.row_tex)
            self.row_tex = None
        if tag == "span" and self.span_tex is not None and not self.inside("stepped"):
            self.inline_tex, self.span_tex = "".join(self.span_tex), None
        self.in_annotation = False

    def handle_data(self, data):
        if self.in_annotation:
            for found in (self.row_tex, self.span_tex):
                if found is not None:
                    found.append(data)


@pytest.mark.parametrize("name", ["backprop_by_hand.md", "forward_trace.tex", "activations.md", "article.tex", "backprop_one_unit.md"])
def test_every_step_is_marked_once_on_the_row_that_holds_it(name):
    text = (WRITEUPS / name).read_text(encoding="utf-8")
    report = check_derivation_now(text)
    html = proof_page([Written(name, text, report)])
    plain = lambda tex: re.sub(r"\s+|\\left|\\right|&", "", tex)  # noqa: E731
    placed = Placement(html).placed
    for step in report.steps:
        anchor = f"f1-step-{step.index}"
        assert html.count(f'id="{anchor}"') == 1, f"step {step.index} is not marked exactly once"
        beside = plain(placed.get(anchor, ""))
        assert plain(step.rhs) in beside or plain(step.lhs) in beside, f"step {step.index} (line {step.line}) is marked beside {beside[:80]!r}"


def test_the_summary_links_the_first_wrong_line_of_each_derivation():
    text = (WRITEUPS / "backprop_by_hand.md").read_text(encoding="utf-8")
    report = check_derivation_now(text)
    html = proof_page([Written("backprop_by_hand.md", text, report)])
    # by hand: sigma(0.2120) = 0.5528 (mpmath below), the text says 0.4472; and h_1 w_3 + h_1 w_4 = 0.7068 * 1.2 = 0.84816
    assert mpmath.nstr(1 / (1 + mpmath.e ** -mpmath.mpf("0.2120")), 4) == "0.5528"
    wrong_lines = [n for n, line in enumerate(text.splitlines(), start=1) if "0.4472" in line or "0.8481" in line]
    firsts = re.findall(r'<ul class="firsts">(.*?)</ul>', html, re.S)[0]
    linked = [int(n) for n in re.findall(r'href="#f1-step-\d+">line (\d+)</a>', firsts)]
    assert linked == wrong_lines
    assert "0.5528" in html and 'class="banner"' not in html


HOSTILE_WRITEUP = "\n".join([
    "# Question 1 <script>window.pwned = 1</script>",
    "",
    '<img src="http://127.0.0.1:9/pixel.png" onerror="window.pwned = 2">',
    "",
    '<div onmouseover="window.pwned = 3">hover</div> <iframe src="http://127.0.0.1:9/"></iframe>',
    "",
    "[a link](javascript:window.pwned=4) and [another](http://127.0.0.1:9/page) and ![a picture](http://127.0.0.1:9/p.png)",
    "",
    '<a href="javascript:window.pwned=5">raw</a> <style>body { background: url(http://127.0.0.1:9/bg.png) }</style>',
    '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/">',
    "",
    r"With $x = 2$, $\href{javascript:window.pwned=6}{y} = \url{http://127.0.0.1:9/u}$ and $\text{<script>window.pwned=7</script>} = 1$.",
    "",
    r"$$\sigma(x) = \frac{1}{1 + e^{-x}} \quad \text{<img src=x onerror=window.pwned=8>}$$",
    "",
    "$$2 + 2 = 5$$",
    "",
    "x" * 150_000,
    "",
])


def test_a_hostile_write_up_renders_as_inert_text():
    report = check_derivation_now(HOSTILE_WRITEUP)
    html = proof_page([Written("hostile.md", HOSTILE_WRITEUP, report)])
    parsed = Tags(html)
    assert {"script", "img", "iframe", "object", "embed", "link", "base", "form"}.isdisjoint(parsed.tags)
    assert parsed.tags.count("meta") == 4 and parsed.tags.count("style") == 1  # the page's own
    assert not [a for a in parsed.attributes if a[1].startswith("on")]
    assert all(value.startswith("#") for tag, name, value in parsed.attributes if name in ("href", "src", "action", "formaction"))
    text = "".join(parsed.text)
    for shown in ("<script>window.pwned = 1</script>", 'onerror="window.pwned = 2"', "javascript:window.pwned=4", "http://127.0.0.1:9/p.png"):
        assert shown in text
    assert any(s.verdict == "invalid" and s.lhs.strip() == "2 + 2" for s in report.steps)


# --- answer groups -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def grouped(graded_class):
    return answer_groups(graded_class, jobs=2)


def test_the_class_groups_into_the_groups_worked_out_by_hand(grouped):
    assert [p.target for p in grouped] == list(GROUPS)
    for part in grouped:
        found = [(g.verdict, frozenset(r["answer"] for r in g.rows), g.count) for g in part.groups]
        assert found == expected_groups(part.target), part.target
        assert [g.number for g in part.groups] == list(range(1, len(part.groups) + 1))
        assert all(len({r["answer"] for r in g.rows}) >= 3 for g in part.groups)


def _students_of(records, target: str, label: str) -> set[str]:
    notations = next(n for lab, _, n, _ in GROUPS[target] if lab == label)
    return {r["student"] for r in records if r["target"] == target and r["answer"] in notations}


def _size_of(target: str, label: str) -> int:
    return next(size for lab, _, _, size in GROUPS[target] if lab == label)


def test_an_override_changes_the_exported_scores(graded_class, grouped, tmp_path):
    target = "sigmoid_derivative.derivative"
    missing_a = next(g for g in grouped[0].groups if "\\varphi(x)(1-\\varphi(x))" in {r["answer"] for r in g.rows} and g.verdict == "incorrect")
    before = {s: sum(points_of(r) for r in graded_class if r["student"] == s) for s in {r["student"] for r in graded_class}}
    # half a point for the answers missing the factor a, named by the group's rows; the unclosed bracket, named by one
    # of its answers, is read as meant: full marks
    overrides = [Override(target, "correct", 0.5, rows=[r["row"] for r in missing_a.rows]),
                 Override(target, "correct", answer=r"a\varphi(x) (1-\varphi(x)")]
    updated, changes = apply_overrides(graded_class, overrides)
    assert len(updated) == len(graded_class) and [r["row"] for r in updated] == [r["row"] for r in graded_class]
    half, unclosed = _students_of(graded_class, target, "no a"), _students_of(graded_class, target, "unclosed")
    assert {c.student for c in changes} == half | unclosed and len(changes) == _size_of(target, "no a") + _size_of(target, "unclosed")
    written = export(updated, tmp_path / "final")
    assert [p.name for p in written] == ["results.jsonl", "results.csv", "gradescope"]
    for student in before:
        gradescope = json.loads((tmp_path / "final" / "gradescope" / student / "results.json").read_text())
        expected = before[student] + (0.5 if student in half else 1.0 if student in unclosed else 0.0)
        assert gradescope["score"] == pytest.approx(expected), student
    table = list(csv.DictReader(io.StringIO((tmp_path / "final" / "results.csv").read_text())))
    assert sorted(float(r["points"]) for r in table if r["overridden"]) == [0.5] * len(half) + [1.0] * len(unclosed)
    assert read_results(tmp_path / "final" / "results.jsonl")[0].keys() >= {"row", "verdict", "points"}


def test_overrides_that_cannot_be_applied_say_why(graded_class, tmp_path):
    target = "sigmoid_derivative.derivative"
    other_part = next(r["row"] for r in graded_class if r["target"] != target)
    for override, message in [(Override(target, "correct", rows=[other_part]), "is not an answer to"),
                              (Override(target, None, 2.0, rows=[1]), "is worth 1 points"),
                              (Override(target, "correct", answer="q"), "no answer to")]:
        with pytest.raises(ResultsError, match=message):
            apply_overrides(graded_class, [override])
    path = tmp_path / "o.json"
    for data, message in [({"overrides": [{"target": target, "rows": [1], "verdict": "great"}]}, "verdict must be one of"),
                          ({"overrides": [{"target": target, "rows": [1]}]}, "neither a verdict nor points"),
                          ({"overrides": [{"target": target, "verdict": "correct"}]}, "by its rows, or by one of its answers"),
                          ([1, 2], "an overrides file is")]:
        path.write_text(json.dumps(data))
        with pytest.raises(ResultsError, match=message):
            load_overrides(path)


def test_the_class_page_escapes_what_students_wrote(graded_class):
    hostile = [dict(graded_class[0], row=9001, student='<img src=x onerror="alert(1)">', answer=r"\text{<script>alert(1)</script>}",
                    verdict="incorrect", feedback="<b onclick=alert(1)>x</b>"),
               dict(graded_class[0], row=9002, student="javascript:alert(1)", answer="<script>alert(2)</script>", verdict="invalid")]
    parts = answer_groups(graded_class[:5] + hostile)
    parsed = Tags(class_page(parts, "results.jsonl"))
    assert "img" not in parsed.tags and parsed.tags.count("script") == 1  # the page's own, allowed by its hash
    assert not [a for a in parsed.attributes if a[1].startswith("on")]
    text = "".join(parsed.text)
    assert '<img src=x onerror="alert(1)">' in text and "<script>alert(2)</script>" in text


def test_a_spreadsheet_never_reads_an_answer_as_a_formula(graded_class):
    record = dict(graded_class[0], answer="=HYPERLINK(\"http://127.0.0.1:9\")", feedback="+1")
    row = next(csv.DictReader(io.StringIO(results_csv([record]))))
    assert row["answer"].startswith("'=") and row["feedback"] == "'+1"


def test_gradescope_output_may_be_html_with_the_answer_rendered():
    from derivs.autograder import Assignment, PartResult, gradescope_results

    results = [PartResult("sigmoid_derivative.derivative", 0.0, 1.0, "incorrect", "sign error", r"-a\varphi(x)", r"-a\varphi(x) \text{<script>x</script>}")]
    html = gradescope_results(Assignment("HW", ("sigmoid_derivative.derivative",), output_format="html"), results)["tests"][0]
    markdown = gradescope_results(Assignment("HW", ("sigmoid_derivative.derivative",)), results)["tests"][0]
    assert html["output_format"] == "html" and "<math" in html["output"] and "<script" not in html["output"]
    assert markdown["output_format"] == "md" and markdown["output"].startswith("**incorrect**")


@pytest.mark.slow
def test_the_commands_write_the_pages_and_print_the_groups(graded_class, tmp_path):
    from conftest import run_cli

    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in graded_class), encoding="utf-8")
    groups = run_cli("groups", str(results))
    assert groups.returncode == 0 and f"sigmoid_derivative.derivative: 60 answers in {len(GROUPS['sigmoid_derivative.derivative'])} groups" in groups.stdout
    assert re.search(r"#1\s+30 x\s+correct", groups.stdout)
    listed = json.loads(run_cli("groups", str(results), "--json").stdout)
    assert [[g["count"] for g in part["groups"]] for part in listed] == [[size for *_, size in expected_groups(t)] for t in GROUPS]
    page = run_cli("report", str(results), "--html", str(tmp_path / "class.html"))
    by_hand = sum(map(len, GROUPS.values()))
    assert page.returncode == 0 and f"300 answers in {by_hand} groups over 5 parts" in page.stdout
    assert (tmp_path / "class.html").read_text(encoding="utf-8").count('<tr class="group"') == by_hand
    proof = run_cli("proof", str(WRITEUPS / "forward_trace.tex"), "--html", str(tmp_path / "proof.html"), "--summary")
    assert proof.returncode == 1 and "wrote" in proof.stdout and 'class="mark"' in (tmp_path / "proof.html").read_text(encoding="utf-8")
    assert run_cli("report", str(results)).returncode == 2  # neither --html nor --apply


def test_products_whose_shapes_do_not_fit_group_only_when_they_are_the_same_product():
    """W_1 (n1 x n0) W_2 (n2 x n1) has no value; (W_2^T W_1^T)^T is the same product by the transpose of a product,
    W_1^T W_2 another one: grouped by what they are, not by their failing alike."""
    from derivs.groups import split_now

    classes = split_now("linear_collapse.weight", ["W_1 W_2", r"(W_2^T W_1^T)^T", "W_1^T W_2", "W_1W_2"])
    assert sorted(sorted(members) for members in classes) == [[0, 1, 3], [2]]
