"""Headless Chromium for the browser tests (marker ``browser``): load a page, read its DOM.

Shared by the evidence-view and keyword-in-context tests; each skips with a message when
no Chromium binary is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists()
                                        else None)
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium() -> str:
    """The Chromium binary; skips the calling test when there is none."""
    if CHROMIUM is None:
        pytest.skip("Chromium not found: install it with `apt-get install -y chromium` "
                    "(the CI script does) to run the browser check")
    return CHROMIUM


def write_page(path: Path, title: str, body: str) -> Path:
    """A UTF-8 HTML page with ``title`` and ``body`` (markup, inserted as it is)."""
    path.write_text('<!DOCTYPE html><html><head><meta charset="utf-8">'
                    f"<title>{title}</title></head><body>{body}</body></html>", encoding="utf-8")
    return path


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM of ``page`` after it has loaded and run its scripts, as Chromium serialises it."""
    return subprocess.run([require_chromium(), *_FLAGS, f"--user-data-dir={profile}",
                           "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=True).stdout


def screenshot(page: Path, profile: Path, out: Path, size: str = "1000,1400") -> Path:
    """A PNG screenshot of ``page`` at ``size`` (width,height in pixels)."""
    subprocess.run([require_chromium(), *_FLAGS, f"--user-data-dir={profile}",
                    f"--screenshot={out}", f"--window-size={size}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return out
