"""In a real browser (headless Chromium from Debian): served pages, the static site and the
accountability network open with no JavaScript errors, and the network draws its nodes.

Skipped, with the reason printed, where chromium, chromium-driver or selenium are missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_builder.build import BuildResult
from graph_builder.publish.site import SiteReport, publish_site
from tests.publish_fixtures import free_port, small_dataset

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000"]


def _skip(reason: str) -> None:
    print(f"SKIP: {reason}", file=sys.stderr)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _skip("selenium not installed (pip install -e '.[test]')")
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chrome or not driver_path:
        _skip("chromium or chromedriver not installed (Debian chromium, chromium-driver; "
              "run .ci/system-deps.sh as root)")
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in [*CHROME_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver: object, url: str) -> list[str]:
    """Load ``url`` and return the console's errors (uncaught exceptions, failed loads)."""
    driver.get_log("browser")  # type: ignore[attr-defined]  # drop what earlier pages left
    driver.get(url)  # type: ignore[attr-defined]
    ready = driver.execute_script("return document.readyState")  # type: ignore[attr-defined]
    assert ready == "complete", url
    return [f"{e['level']}: {e['message']}" for e in driver.get_log("browser")  # type: ignore[attr-defined]
            if e["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def site(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    return publish_site(small_dataset(built), tmp_path_factory.mktemp("browser-site") / "site")


@pytest.fixture(scope="module")
def server(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    graph = tmp_path_factory.mktemp("browser-graph") / "g.trig"
    small_dataset(built).serialize(graph, format="trig")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph_builder.cli", "serve", "--graph", str(graph),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                pytest.fail("pledgegraph serve exited during start-up")
            try:
                urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=5).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()  # by PID: this process only
        proc.wait(10)


def _first_resource(site: SiteReport, under: str) -> str:
    return str(sorted((site.root / "id" / under).rglob("*.html"))[0].relative_to(site.root / "id"))


def test_served_pages_have_no_js_errors(browser: object, server: str, site: SiteReport) -> None:
    resource = _first_resource(site, "plan")[: -len(".html")]
    for path in ("/", "/lists/commitments", "/lists/people", "/def", "/sparql", f"/id/{resource}",
                 "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%205&format=html"):
        errors = _open(browser, server + path)
        assert not errors, f"{path}: {errors}"


def test_static_site_pages_have_no_js_errors(browser: object, site: SiteReport) -> None:
    pages = ["index.html", "commitments.html", "people.html", "ontology.html", "queries.html",
             "id/" + _first_resource(site, "plan"), "id/" + _first_resource(site, "person")]
    for page in pages:
        errors = _open(browser, (site.root / page).resolve().as_uri())
        assert not errors, f"{page}: {errors}"


def _nodes_drawn(driver: object) -> tuple[int, int]:
    """(nodes in vis-network's model, non-white pixels sampled from its canvas)."""
    script = """
      const canvas = document.querySelector('#mynetwork canvas');
      if (!canvas || typeof network === 'undefined') { return [0, 0]; }
      const ctx = canvas.getContext('2d');
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4 * 97) {   // every 97th pixel is plenty
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a > 0 && (r < 235 || g < 235 || b < 235)) { coloured++; }
      }
      return [Object.keys(network.body.nodes).length, coloured];
    """
    return tuple(driver.execute_script(script))  # type: ignore[attr-defined,return-value]


@pytest.mark.parametrize("where", ["static", "served"])
def test_visualisation_draws_nodes(browser: object, site: SiteReport, server: str, where: str,
                                   tmp_path: Path) -> None:
    url = ((site.root / "accountability.html").resolve().as_uri() if where == "static"
           else server + "/visualisation")
    errors = _open(browser, url)
    assert not errors, errors
    from selenium.webdriver.support.ui import WebDriverWait

    def drawn(driver: object) -> tuple[int, int] | bool:
        nodes, coloured = _nodes_drawn(driver)
        return (nodes, coloured) if nodes and coloured > 50 else False

    # vis-network draws while its physics settles, slower on a loaded machine: wait for the
    # condition (generously), not for a fixed time.
    try:
        nodes, coloured = WebDriverWait(browser, 120, poll_frequency=0.2).until(drawn)
    except Exception:  # TimeoutException: report what was there
        nodes, coloured = _nodes_drawn(browser)
    shot = tmp_path / f"network-{where}.png"
    browser.save_screenshot(str(shot))  # type: ignore[attr-defined]
    assert shot.stat().st_size > 10_000
    assert nodes > 10, "vis-network has no nodes"
    assert coloured > 50, "the canvas is blank: no node was drawn"
