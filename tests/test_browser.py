"""The HTML reports in a real browser: Debian's headless Chromium driven by selenium, the network closed.

Each page must open with no console error and no request beyond its own file; the wrong line is marked
and its witness opens on demand; formulas have a size (MathML rendered, not dropped); the class page
shows the groups worked out by hand and its override controls change the exported scores; a hostile
write-up stays inert. Screenshots go to $DERIVS_SCREENSHOTS (default build/screenshots) to be looked at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import mpmath
import pytest

from conftest import DATA
from derivs.class_page import class_page
from derivs.derivation import check_derivation
from derivs.groups import answer_groups, points_of
from derivs.proof_page import Written, proof_page
from report_class import GROUPS, expected_groups
from test_reports import HOSTILE_WRITEUP

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("DERIVS_SCREENSHOTS", ROOT / "build" / "screenshots"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1200,900", "--force-device-scale-factor=1")


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install '.[test]')")
    if not CHROMIUM or not DRIVER:
        pytest.skip("no Chromium here: apt-get install chromium chromium-driver (Debian), as .ci/run does")
    os.environ["SE_AVOID_STATS"] = "true"  # selenium's manager is never run (the driver is named), and would say nothing
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="derivs-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(30)
    driver.get("about:blank")  # the start page's own loading is done before any test looks
    _seen(driver)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path):
    """Load a page; return (console errors, requested URLs) of that load."""
    driver.get_log("browser"), driver.get_log("performance")  # drop what came before
    driver.get(path.resolve().as_uri())
    return _seen(driver)


def _seen(driver):
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            requested.append(message["params"].get("request", {}).get("url") or message["params"].get("url", ""))
    return errors, requested


def only_itself(requested: list[str], path: Path) -> bool:
    """The page's only request is its own file (the browser's internal chrome:// pages are not requests out)."""
    outward = [url for url in requested if not url.startswith("chrome://")]
    return bool(outward) and all(url == path.resolve().as_uri() or url.startswith("data:") for url in outward)


def screenshot(driver, name: str, full: bool = True) -> Path:
    """The page as shown (the whole page when `full`, as far as 6,000 px down)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if full:
        height = min(6000, driver.execute_script("return document.documentElement.scrollHeight"))
        driver.set_window_size(1200, max(900, height))
    driver.save_screenshot(str(path))
    driver.set_window_size(1200, 900)
    return path


def sizes_of_math(driver) -> list[tuple[float, float]]:
    """Width and height of every formula that is not folded away in a closed <details>."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('math')).filter(m => !m.closest('details:not([open]) > :not(summary)'))
          .map(m => { const r = m.getBoundingClientRect(); return [r.width, r.height]; });""")


def write_up_page(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / (Path(name).stem + ".html")
    path.write_text(proof_page([Written(name, text, check_derivation(text))]), encoding="utf-8")
    return path


def test_a_write_up_shows_its_wrong_line_and_the_witness_on_demand(browser, tmp_path):
    from selenium.webdriver.common.by import By

    text = (DATA / "writeups" / "backprop_by_hand.md").read_text(encoding="utf-8")
    page = write_up_page(tmp_path, "backprop_by_hand.md", text)
    errors, requested = open_page(browser, page)
    assert errors == [] and only_itself(requested, page), (errors, requested)
    # by hand: y-hat = sigma(0.2120) = 0.5528, written 0.4472 (line of the text that says so)
    truth = mpmath.nstr(1 / (1 + mpmath.e ** -mpmath.mpf("0.2120")), 4)
    wrong_line = next(n for n, line in enumerate(text.splitlines(), start=1) if "0.4472" in line)
    link = browser.find_element(By.CSS_SELECTOR, "ul.firsts a")
    assert link.text == f"line {wrong_line}"
    mark = browser.find_element(By.CSS_SELECTOR, link.get_attribute("hash"))
    row = mark.find_element(By.XPATH, "ancestor::tr[contains(@class, 'row')]")
    assert "s-wrong" in row.get_attribute("class") and "✗" in mark.find_element(By.TAG_NAME, "summary").text
    written = " ".join(a.get_attribute("textContent") for a in row.find_elements(By.CSS_SELECTOR, ":scope > td:not(.w) annotation"))
    assert written.strip().endswith("0.4472")
    why = mark.find_element(By.CLASS_NAME, "why")
    assert not why.is_displayed()
    link.click()  # the summary's link goes to the line
    assert browser.execute_script("return location.hash") == link.get_attribute("hash")
    mark.find_element(By.TAG_NAME, "summary").click()
    assert why.is_displayed() and truth in why.text and "0.4472" in why.text and "witness" in why.text
    sizes = sizes_of_math(browser)
    assert len(sizes) >= text.count("$$") // 2 + 2 and all(width > 0 and height > 0 for width, height in sizes)
    screenshot(browser, "writeup-witness", full=False)
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "writeup")
    assert _seen(browser) == ([], [])  # opening the witness and following the link asked for nothing


def test_a_latex_write_up_renders_with_its_marks(browser, tmp_path):
    from selenium.webdriver.common.by import By

    text = (DATA / "writeups" / "article.tex").read_text(encoding="utf-8")
    page = write_up_page(tmp_path, "article.tex", text)
    errors, requested = open_page(browser, page)
    assert errors == [] and only_itself(requested, page)
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".doc h2")][:2] == ["Problem 1", "Problem 2"]
    marks = browser.find_elements(By.CSS_SELECTOR, "details.mark")
    assert marks and all(m.size["width"] > 0 for m in marks)
    sizes = sizes_of_math(browser)
    assert sizes and all(width > 0 and height > 0 for width, height in sizes)
    screenshot(browser, "writeup-latex")


def test_the_class_page_shows_the_groups_by_hand_and_an_override_changes_the_scores(browser, graded_class, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in graded_class), encoding="utf-8")
    page = tmp_path / "class.html"
    page.write_text(class_page(answer_groups(graded_class, jobs=2), str(results)), encoding="utf-8")
    errors, requested = open_page(browser, page)
    assert errors == [] and only_itself(requested, page), (errors, requested)
    answer_of = {r["row"]: r["answer"] for r in graded_class}
    for section in browser.find_elements(By.CSS_SELECTOR, "section.part"):
        target = section.get_attribute("data-target")
        shown = []
        for row in section.find_elements(By.CSS_SELECTOR, "tr.group"):
            rows = [int(n) for n in row.get_attribute("data-rows").split(",")]
            shown.append((row.get_attribute("data-verdict"), frozenset(answer_of[n] for n in rows), len(rows)))
            assert int(row.find_element(By.CSS_SELECTOR, "td.count").text) == len(rows)
        assert shown == expected_groups(target)
        bars = {bar.get_attribute("data-verdict"): int(bar.find_element(By.CLASS_NAME, "n").text) for bar in section.find_elements(By.CLASS_NAME, "bar")}
        for verdict in ("correct", "incorrect", "invalid"):
            assert bars[verdict] == sum(size for _, v, _, size in GROUPS[target] if v == verdict)
        widths = {bar.get_attribute("data-verdict"): bar.find_element(By.CLASS_NAME, "fill").size["width"] for bar in section.find_elements(By.CLASS_NAME, "bar")}
        assert widths["correct"] > widths["incorrect"] > 0  # every part has more right than wrong answers
    sizes = sizes_of_math(browser)
    assert len(sizes) >= 16 and all(width > 0 and height > 0 for width, height in sizes)
    screenshot(browser, "class", full=False)

    # the group that forgot the factor a: half a point, set in the page
    target = "sigmoid_derivative.derivative"
    _, _, no_a, no_a_size = next(g for g in GROUPS[target] if g[0] == "no a")
    group = next(row for row in browser.find_elements(By.CSS_SELECTOR, f'section[data-target="{target}"] tr.group')
                 if answer_of[int(row.get_attribute("data-rows").split(",")[0])] in no_a)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", group)
    Select(group.find_element(By.CSS_SELECTOR, "select.verdict")).select_by_value("correct")
    group.find_element(By.CSS_SELECTOR, "input.points").send_keys("0.5")
    assert "overridden" in group.get_attribute("class")
    screenshot(browser, "class-override", full=False)
    overrides = json.loads(browser.find_element(By.ID, "overrides-json").get_attribute("value"))
    assert browser.find_element(By.ID, "overrides-download").get_attribute("href").startswith("data:application/json")
    assert _seen(browser)[0] == []
    path = tmp_path / "overrides.json"
    path.write_text(json.dumps(overrides), encoding="utf-8")

    done = subprocess.run([sys.executable, "-m", "derivs", "report", "--apply", str(path), "--out", str(tmp_path / "final")],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    forgot = {r["student"] for r in graded_class if r["target"] == target and r["answer"] in no_a}
    assert f"{no_a_size} rows changed" in done.stdout and f"{sorted(forgot)[0]} " in done.stdout
    for student in {r["student"] for r in graded_class}:
        before = sum(points_of(r) for r in graded_class if r["student"] == student)
        after = json.loads((tmp_path / "final" / "gradescope" / student / "results.json").read_text())["score"]
        assert after == pytest.approx(before + (0.5 if student in forgot else 0.0))


def test_a_hostile_write_up_renders_inert(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    page = write_up_page(tmp_path, "hostile.md", HOSTILE_WRITEUP)
    errors, requested = open_page(browser, page)
    assert only_itself(requested, page), requested
    assert errors == []
    inert = """return [window.pwned === undefined, document.scripts.length,
        document.querySelectorAll('img, iframe, object, embed, link, base, form').length,
        Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)).filter(a => a.name.startsWith('on')).length,
        Array.from(document.querySelectorAll('[href]')).filter(a => !a.getAttribute('href').startsWith('#')).length]"""
    assert browser.execute_script(inert) == [True, 0, 0, 0, 0]
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "<script>window.pwned = 1</script>" in body and 'onerror="window.pwned = 2"' in body
    for element in browser.find_elements(By.CSS_SELECTOR, ".link, .doc .p, details.mark > summary")[:40]:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        ActionChains(browser).move_to_element(element).click().perform()
    assert browser.execute_script(inert)[0] is True and _seen(browser)[1] == []
    screenshot(browser, "hostile", full=False)


def test_a_write_up_of_a_megabyte_line_is_refused_and_shown_as_inert_text(browser, tmp_path):
    source = tmp_path / "huge.md"
    source.write_text("<script>window.pwned = 1</script> $x = 1$ " + "y" * 1_000_000 + "\n", encoding="utf-8")
    page = tmp_path / "huge.html"
    done = subprocess.run([sys.executable, "-m", "derivs", "proof", str(source), "--html", str(page)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and "characters long" in done.stderr and page.stat().st_size < 100_000
    errors, requested = open_page(browser, page)
    assert errors == [] and only_itself(requested, page)
    assert browser.execute_script("return [window.pwned === undefined, document.scripts.length]") == [True, 0]
    from selenium.webdriver.common.by import By

    assert "not checked" in browser.find_element(By.CLASS_NAME, "banner").text
    assert "<script>window.pwned = 1</script>" in browser.find_element(By.CLASS_NAME, "preview").text
    screenshot(browser, "huge", full=False)
