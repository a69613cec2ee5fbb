"""JupyterLab as a student sees it (issue 13): each notebook listed once, and opening one
does not mark it modified.

A headless JupyterLab (with the jupytext server extension, as installed) serves a temporary
copy of ``notebooks/`` and ``jupytext.toml`` — never the checkout — and headless Chromium,
driven over the DevTools protocol (``websocket-client``, which jupyter_server depends on),
reads the file browser and opens notebooks. A notebook is "modified" when JupyterLab puts
``jp-mod-dirty`` on its tab: that happens when the kernel's ``language_info`` differs from the
one saved in the notebook (JupyterLab writes the kernel's into the open document), so the
committed notebooks carry the project kernel's ``language_info``.

Screenshots of the file browser and of each opened notebook are left in the test's
temporary folder (``screenshots/``; ``pytest --basetemp=DIR`` puts them at a known place).
"""

from __future__ import annotations

import base64
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.corpus import paths
from chromium import require_chromium

pytestmark = pytest.mark.browser

NOTEBOOKS_DIR = paths.ROOT / "notebooks"
TOKEN = "test-token-jupyterlab"
OPENED = ["00-start-here.ipynb", "teaching/02-blame-exercise.ipynb"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """End a process started here in its own session, with the kernels it started."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass


class Page:
    """One Chromium tab over the DevTools protocol: navigate, evaluate, screenshot."""

    def __init__(self, ws_url: str):
        websocket = pytest.importorskip("websocket", reason="websocket-client (a jupyter_server "
                                        "dependency) is needed to drive Chromium")
        self._ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self._id = 0

    def call(self, method: str, **params) -> dict:
        self._id += 1
        self._ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression: str):
        """The JSON value of ``expression`` (a JS expression returning a JSON string)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description"))
        value = result.get("result", {}).get("value")
        return None if value is None else json.loads(value)

    def wait_for(self, expression: str, done, what: str, timeout: float = 40):
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expression)
            if done(value):
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; last state: {value}")
            time.sleep(0.25)

    def screenshot(self, out: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def close(self) -> None:
        self._ws.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(base URL, served root, Chromium page, screenshot folder) for a headless JupyterLab."""
    chromium = require_chromium()
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    root.mkdir()
    shutil.copytree(NOTEBOOKS_DIR, root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    shutil.copy2(paths.ROOT / "jupytext.toml", root / "jupytext.toml")
    # No news pop-up over the file browser (and no request for it).
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    shots = base / "screenshots"
    shots.mkdir()
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(base / "config"), "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"), "IPYTHONDIR": str(base / "ipython")}
    port = _free_port()
    log = (base / "jupyterlab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True"],
        stdout=log, stderr=subprocess.STDOUT, cwd=base, env=env, start_new_session=True)
    browser = None
    page = None
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=5).close()
                break
            except OSError:
                assert server.poll() is None, (base / "jupyterlab.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "JupyterLab did not start in 60 s"
                time.sleep(0.3)
        profile = base / "chromium-profile"
        browser = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1400,900",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            assert browser.poll() is None and time.monotonic() < deadline, "Chromium did not start"
            time.sleep(0.1)
        devtools = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list", timeout=10) as r:
            target = next(t for t in json.load(r) if t["type"] == "page")
        page = Page(target["webSocketDebuggerUrl"])
        page.call("Page.enable")
        yield url, root, page, shots
    finally:
        if page is not None:
            page.close()
        if browser is not None:
            _stop(browser)
        _stop(server)
        log.close()


# Names in the file browser's listing, once the listing shows the wanted folder.
_LISTING = """JSON.stringify({
  crumbs: (document.querySelector('.jp-BreadCrumbs') || {}).textContent || '',
  names: [...document.querySelectorAll('.jp-DirListing-content .jp-DirListing-item')]
           .map(e => (e.querySelector('.jp-DirListing-itemText') || e).textContent.trim())})"""


@pytest.mark.parametrize("folder", ["notebooks", "notebooks/teaching"])
def test_file_browser_lists_each_notebook_once(lab, folder):
    url, root, page, shots = lab
    page.call("Page.navigate", url=f"{url}/lab/tree/{folder}?token={TOKEN}")
    expected = sorted(p.name for p in (root / folder).glob("*.ipynb"))
    state = page.wait_for(
        _LISTING,
        lambda s: s and s["crumbs"].rstrip("/").endswith(folder.split("/")[-1])
        and set(expected) <= set(s["names"]),
        f"the file browser to list {folder}/")
    time.sleep(0.5)  # let the listing settle, then read it again
    state = page.js(_LISTING)
    page.screenshot(shots / f"{folder.replace('/', '_')}-listing.png")
    names = state["names"]
    notebooks = [n for n in names if n.endswith(".ipynb")]
    assert sorted(notebooks) == expected, f"{folder}/ lists {names}"
    assert len(notebooks) == len(set(notebooks)), f"a notebook is listed twice in {folder}/: {names}"
    assert [n for n in names if n.endswith(".py")] == [], f"paired scripts listed in {folder}/: {names}"
    stems = [Path(n).stem for n in names]
    assert len(stems) == len(set(stems)), f"two entries with one name in {folder}/: {names}"
    assert "scripts" in names  # the paired py:percent scripts live there


def _notebook_state(path: str) -> str:
    """State of the open notebook at ``path`` (JupyterLab exposed as window.jupyterapp)."""
    return f"""(() => {{
  if (!window.jupyterapp) return JSON.stringify(null);
  const w = [...window.jupyterapp.shell.widgets('main')]
              .find(w => w.context && w.context.path === {json.dumps(path)});
  if (!w) return JSON.stringify(null);
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const tab = [...document.querySelectorAll('.lm-DockPanel-tabBar .lm-TabBar-tab')]
                .find(t => t.title && t.title.includes('Path: {path}'))
              || [...document.querySelectorAll('.lm-DockPanel-tabBar .lm-TabBar-tab')]
                .find(t => t.textContent.trim() === {json.dumps(path.split('/')[-1])});
  return JSON.stringify({{
    ready: w.context.isReady && w.sessionContext.isReady,
    kernel: kernel ? kernel.status : null,
    cells: w.context.model.cells.length,
    modelDirty: w.context.model.dirty,
    tabDirty: tab ? tab.classList.contains('jp-mod-dirty') : null,
    nodeDirty: w.node.classList.contains('jp-mod-dirty'),
    metadata: w.context.model.toJSON().metadata}});
}})()"""


@pytest.mark.parametrize("name", OPENED)
def test_opening_a_notebook_does_not_mark_it_modified(lab, name):
    url, root, page, shots = lab
    path = f"notebooks/{name}"
    on_disk = (root / path).read_bytes()
    recorded = json.loads(on_disk)["metadata"]["language_info"]["version"]
    if recorded != platform.python_version():
        pytest.skip(f"the notebooks record Python {recorded} and this kernel is "
                    f"{platform.python_version()}: JupyterLab updates language_info once on opening")
    n_cells = len(json.loads(on_disk)["cells"])
    page.call("Page.navigate", url=f"{url}/lab/tree/{path}?token={TOKEN}")
    page.wait_for(_notebook_state(path),
                  lambda s: s and s["ready"] and s["kernel"] == "idle" and s["cells"] == n_cells,
                  f"{name} to load and its kernel to be idle", timeout=60)
    time.sleep(2.5)  # the kernel's language_info and kernelspec are written in by now
    state = page.js(_notebook_state(path))
    page.screenshot(shots / f"{Path(name).stem}-opened.png")
    assert state["kernel"] == "idle", state["kernel"]
    assert state["tabDirty"] is not None, "no tab found for the notebook"
    saved = json.loads(on_disk)["metadata"]
    changed = {k: (saved.get(k), v) for k, v in state["metadata"].items() if saved.get(k) != v}
    hint = ("JupyterLab wrote the kernel's metadata into the open notebook: "
            f"{changed} (saved, kernel). If only language_info.version differs, the notebooks "
            "record another Python than this kernel's; update it in the committed notebooks.")
    assert not state["modelDirty"], hint
    assert not state["tabDirty"] and not state["nodeDirty"], hint
    assert (root / path).read_bytes() == on_disk, "opening the notebook rewrote the file"
