"""The documentation site (``make docs``, docs/build.py) and the Binder/JupyterHub files.

The site tests (marker ``docs``) build the whole site once per test session into a
temporary folder, or copy ``out/docs`` when ``make docs`` built it from the same inputs
(``build-info.json`` records their fingerprint). Executed notebooks are cached in
``out/docs/executed``, so only a changed notebook or package runs again. The browser test
(markers ``docs`` and ``browser``) opens the built start page and a notebook page in
headless Chromium. The repo2docker tests read files only and are fast.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from chromium import _FLAGS, require_chromium

from analysis.corpus import paths

ROOT = paths.ROOT
DOCS = ROOT / "docs"
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
BLOCKS = ("p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
          "caption", "figcaption", "blockquote", "pre")


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _docs_build():
    for module in ("sphinx", "myst_nb", "numpydoc", "sphinx_book_theme", "bs4"):
        pytest.importorskip(module, reason="the docs extra is not installed: "
                            "`.venv/bin/pip install -c requirements/lock.txt -e '.[docs]'` (make env does)")
    return _load("docs_build", DOCS / "build.py")


# --------------------------------------------------------------------------- the site


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """A built site: ``<folder>/html``, ``warnings.log`` and ``build-info.json``.

    Built once for all xdist workers (a file lock in the session's shared temporary
    folder), reusing ``out/docs`` when it is fresh.
    """
    build = _docs_build()
    shared = tmp_path_factory.getbasetemp().parent
    folder = shared / "docs-site"
    with open(shared / "docs-site.lock", "w") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows runs the build per worker
            folder = tmp_path_factory.mktemp("docs-site")
        fingerprint = build.site_fingerprint()
        if _fresh(folder, fingerprint):
            return folder
        failed = shared / "docs-site.failed"
        if failed.is_file() and failed.read_text(encoding="utf-8").startswith(fingerprint):
            pytest.fail(failed.read_text(encoding="utf-8").split("\n", 1)[1])  # another worker tried
        if folder.exists():
            shutil.rmtree(folder)
        made = ROOT / "out" / "docs"
        if _fresh(made, fingerprint):
            folder.mkdir(parents=True)
            for name in ("build-info.json", "warnings.log"):
                if (made / name).is_file():
                    shutil.copy2(made / name, folder / name)
            shutil.copytree(made / "html", folder / "html")
        else:
            try:
                build.build(folder, cache=ROOT / "out" / "docs" / "executed", jobs=2)
            except build.NotebookError as exc:
                message = f"the site cannot be built: {exc}"
                failed.write_text(f"{fingerprint}\n{message}", encoding="utf-8")
                pytest.fail(message)
        return folder


def _fresh(folder: Path, fingerprint: str) -> bool:
    info = folder / "build-info.json"
    if not info.is_file() or not (folder / "html" / "index.html").is_file():
        return False
    return json.loads(info.read_text(encoding="utf-8")).get("fingerprint") == fingerprint


def _page(site: Path, name: str) -> str:
    path = site / "html" / name
    assert path.is_file(), f"{name} was not built"
    return path.read_text(encoding="utf-8")


@pytest.mark.docs
def test_build_has_no_warnings(site):
    info = json.loads((site / "build-info.json").read_text(encoding="utf-8"))
    log = (site / "warnings.log").read_text(encoding="utf-8") if (site / "warnings.log").is_file() else ""
    assert log.strip() == "", f"Sphinx warnings (the build runs with -W):\n{log}"
    assert info["returncode"] == 0
    assert info["warnings"] == 0


@pytest.mark.docs
def test_every_page_is_in_the_site(site):
    build = _docs_build()
    pages = [p.stem + ".html" for p in DOCS.glob("*.md")] + ["lexicons.html", "annotations.html",
                                                            "api/index.html"]
    pages += [f"notebooks/{rel.with_suffix('.html')}" for rel in build.find_notebooks()]
    missing = [p for p in pages if not (site / "html" / p).is_file()]
    assert missing == []
    for doc in ("codebook", "codebook-notes", "stance-notes", "evaluation", "architecture",
                "corpora", "arabic-labels", "features", "teaching"):
        assert (site / "html" / f"{doc}.html").is_file(), doc
    # the lexicon README's own heading made it into the page
    title = (ROOT / "analysis" / "lexicons" / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert title.lstrip("# ").split(":")[0] in _page(site, "lexicons.html")


@pytest.mark.docs
def test_api_reference_covers_the_public_api(site):
    import analysis

    index = _page(site, "api/index.html")
    for sub in ("corpus", "text", "coding", "measures", "pipeline", "figures", "views",
                "validation", "models"):
        assert (site / "html" / "api" / "generated" / f"analysis.{sub}.html").is_file(), sub
    for name in analysis.__all__:
        if name.startswith("__"):
            continue
        module = getattr(analysis, name).__module__
        anchor = f"{module}.{name}"
        assert f'href="generated/{module}.html#{anchor}"' in index, f"{name} not linked to {anchor}"
        assert f'id="{anchor}"' in _page(site, f"api/generated/{module}.html"), anchor
    # numpydoc rendered the sections, not the raw underlines
    page = _page(site, "api/generated/analysis.pipeline.html")
    assert "Parameters" in page and "-------" not in page


@pytest.mark.docs
def test_notebook_pages_show_their_outputs(site):
    page = _page(site, "notebooks/00-start-here.html")
    assert 'class="framing-article" dir="rtl"' in page  # the highlighted article
    assert re.search(r'<img[^>]+src="[^"]+\.png"', page), "no figure in 00-start-here"
    assert re.search(r"cell_output.*?\d+ articles, \d+ sentences", page, re.S), "no summary printed"
    for rel in _docs_build().find_notebooks():
        html = _page(site, f"notebooks/{rel.with_suffix('.html')}")
        assert "output traceback" not in html, f"{rel} shows an error"


@pytest.mark.docs
def test_arabic_blocks_have_a_direction(site):
    """Every text block whose letters are mostly Arabic sits in an element with ``dir``."""
    from bs4 import BeautifulSoup

    checked, undirected = 0, []
    for path in sorted((site / "html").rglob("*.html")):
        if path.name in ("search.html", "genindex.html"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(BLOCKS):
            if element.find(BLOCKS) is not None and element.name not in ("li", "td", "th", "dd"):
                continue
            text = element.get_text()
            letters = [c for c in text if c.isalpha()]
            if not letters or sum(bool(ARABIC.match(c)) for c in letters) / len(letters) < 0.8:
                continue
            checked += 1
            if not (element.has_attr("dir") or any(p.has_attr("dir") for p in element.parents)):
                undirected.append(f"{path.relative_to(site)}: {text.strip()[:60]}")
    assert checked > 50
    assert undirected == []


@pytest.mark.docs
def test_site_loads_nothing_from_the_web(site):
    external = re.compile(r'<(?:script|img|iframe|source|embed)\b[^>]*\bsrc="(?:https?:)?//'
                          r'|<link\b[^>]*\bhref="(?:https?:)?//')
    found = []
    for path in (site / "html").rglob("*.html"):
        found += [f"{path.name}: {m.group(0)}" for m in external.finditer(path.read_text(encoding="utf-8"))]
    for path in (site / "html").rglob("*.css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.name}: {m}" for m in re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)", text)]
    assert found == []


#: Runs in the page after it has loaded: what the test asserts, written into the DOM.
_CHECK_SCRIPT = """
<script>
window.addEventListener("load", function () {
  var arabic = /[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]/;
  var blocks = "%(blocks)s";
  var result = {arabic: 0, rtl: 0, notRtl: [], images: 0, loaded: 0, broken: []};
  document.querySelectorAll(blocks).forEach(function (el) {
    if (el.querySelector(blocks) && !/^(LI|TD|TH|DD)$/.test(el.tagName)) return;
    var letters = Array.from(el.textContent).filter(function (c) { return /\\p{L}/u.test(c); });
    if (!letters.length) return;
    var share = letters.filter(function (c) { return arabic.test(c); }).length / letters.length;
    if (share < 0.8) return;
    result.arabic += 1;
    if (getComputedStyle(el).direction === "rtl") result.rtl += 1;
    else result.notRtl.push(el.textContent.trim().slice(0, 60));
  });
  document.querySelectorAll("article img, .bd-article img").forEach(function (img) {
    result.images += 1;
    if (img.complete && img.naturalWidth > 0) result.loaded += 1;
    else result.broken.push(img.getAttribute("src"));
  });
  var out = document.createElement("pre");
  out.id = "docs-check";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>
"""


def _check_in_chromium(page: Path, profile: Path) -> dict:
    """Load a copy of ``page`` (beside it, so relative links resolve) with the check script."""
    probe = page.with_name(f"_check-{page.name}")
    script = _CHECK_SCRIPT % {"blocks": ", ".join(BLOCKS)}
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"),
                     encoding="utf-8")
    try:
        dom = subprocess.run([require_chromium(), *_FLAGS, f"--user-data-dir={profile}",
                              "--virtual-time-budget=10000", "--dump-dom", probe.as_uri()],
                             capture_output=True, text=True, timeout=120, check=True).stdout
    finally:
        probe.unlink()
    match = re.search(r'<pre id="docs-check"[^>]*>(.*?)</pre>', dom, re.S)
    assert match, f"the check script did not run in {page.name}"
    import html

    return json.loads(html.unescape(match.group(1)))


@pytest.mark.docs
@pytest.mark.browser
@pytest.mark.parametrize("name, min_arabic, min_images", [
    ("index.html", 1, 0),                         # the start page's Arabic paragraph
    ("notebooks/00-start-here.html", 10, 1),      # the highlighted article, the figure
])
def test_chromium_shows_arabic_rtl_and_loads_figures(site, tmp_path, name, min_arabic, min_images):
    require_chromium()
    result = _check_in_chromium(site / "html" / name, tmp_path / "profile")
    assert result["arabic"] >= min_arabic, result
    assert result["notRtl"] == [], f"Arabic blocks laid out left to right in {name}"
    assert result["rtl"] == result["arabic"]
    assert result["images"] >= min_images, result
    assert result["broken"] == [] and result["loaded"] == result["images"], result


# ------------------------------------------------------------ the right-to-left rule


@pytest.fixture(scope="module")
def conf():
    _docs_build()
    return _load("docs_conf", DOCS / "conf.py")


@pytest.mark.parametrize("body, expected", [
    # Arabic prose, no direction yet -> right to left
    ("<p>يعرض هذا الدفتر مقالا إخباريا واحدا من البداية إلى النهاية</p>",
     '<p dir="rtl" lang="ar">يعرض هذا الدفتر'),
    # English sentence with an Arabic word: left alone
    ("<p>The cue قال is neutral, the cue زعم casts doubt on the words.</p>",
     "<p>The cue قال"),
    # mixed, mostly Arabic: the browser decides from the first strong letter
    ("<li>وقد تسفر المحادثات بينهما → two narrated units</li>", '<li dir="auto">'),
    # already inside a right-to-left container (the evidence view, a Markdown div)
    ('<div dir="rtl"><p>قال لافروف إن واشنطن تأخرت</p></div>',
     '<div dir="rtl"><p>قال لافروف'),
    # a table cell of Arabic names
    ("<table><tr><td>روسيا، موسكو، الكرملين</td><td>russia</td></tr></table>",
     '<td dir="rtl" lang="ar">روسيا'),
])
def test_set_direction(conf, body, expected):
    assert expected in conf.set_direction(body)


def test_set_direction_leaves_pages_without_arabic_unchanged(conf):
    body = '<p class="x">Lavrov and Kerry met in <em>Geneva</em>.</p>'
    assert conf.set_direction(body) is body


# ----------------------------------------------------------- Binder and JupyterHub


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = list(data["project"]["dependencies"])
    for extra in data["project"]["optional-dependencies"].values():
        reqs += extra
    return {_canon(r.split("==")[0]): r.split("==")[1] for r in reqs}


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _environment_yml() -> tuple[dict[str, str], str | None]:
    """Pins in environment.yml (conda and pip sections alike) and its Python version."""
    pins, python = {}, None
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.\-]+)\s*(==|=)\s*([0-9][^\s#]*)", line)
        if not m:
            continue
        if m.group(1) == "python":
            python = m.group(3)
        else:
            pins[_canon(m.group(1))] = m.group(3)
    return pins, python


def test_environment_yml_has_every_pin_of_pyproject():
    """repo2docker builds from environment.yml: same packages, same versions, every extra."""
    pins, python = _environment_yml()
    assert pins == _pyproject_pins()
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    minimum = tuple(int(x) for x in re.search(r">=\s*([\d.]+)", requires).group(1).split("."))
    assert python is not None and tuple(int(x) for x in python.split(".")) >= minimum


def test_postbuild_installs_the_package_and_the_kernel():
    post = ROOT / "postBuild"
    assert post.is_file(), "repo2docker runs postBuild after creating the environment"
    text = post.read_text(encoding="utf-8")
    assert text.startswith("#!/"), "postBuild needs a shebang line"
    mode = subprocess.run(["git", "ls-files", "-s", "postBuild"], cwd=ROOT, capture_output=True,
                          text=True).stdout.split()
    if mode:  # committed: executable in git, so a clone runs it as it is
        assert mode[0] == "100755", "git update-index --chmod=+x postBuild"
    commands = [line.strip() for line in text.splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    installs = [c for c in commands if re.search(r"\bpip install\b", c)]
    # the package itself, without dependencies: environment.yml already pinned them
    assert any(re.search(r"pip install (--no-deps -e \.|-e \. --no-deps)$", c) for c in installs), installs
    for command in installs:
        assert "--no-deps" in command, f"{command!r} could install versions other than the pins"
        for name, version in re.findall(r"([A-Za-z0-9_.\-]+)==([0-9][^\s]*)", command):
            assert _pyproject_pins().get(_canon(name)) == version, f"{name}=={version} in postBuild"
    # the kernel the notebooks ask for
    kernel = json.loads((paths.NOTEBOOKS_DIR / "00-start-here.ipynb").read_text(encoding="utf-8"))
    name = kernel["metadata"]["kernelspec"]["name"]
    assert any(re.search(rf"ipykernel install .*--name {name}\b", c) for c in commands)


def test_readme_has_binder_badge_and_setup_instructions():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"\[!\[[^]]*\]\(https://mybinder\.org/badge_logo\.svg\)\]"
                     r"\(https://mybinder\.org/v2/gh/[^)\s]+\)", readme)
    assert "JupyterHub" in readme
    assert "make lab" in readme and "make docs" in readme
