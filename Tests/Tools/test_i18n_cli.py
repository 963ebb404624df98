"""`mentore i18n …` against independent references: Babel's CLDR plural rules and the
Python reference implementation of Fluent (fluent.syntax, fluent.runtime)."""
import decimal
import json
import os
import pathlib
import subprocess

import pytest
from babel import Locale
from fluent.syntax import FluentParser, ast

ROOT = pathlib.Path(__file__).resolve().parents[2]
MENTORE = os.environ.get("MENTORE", str(ROOT / ".build/debug/mentore"))
FIXTURES = pathlib.Path(os.environ.get("FLUENT_CONFORMANCE_DIR", ROOT.parent / "shared/conformance/fluent-syntax"))


def mentore(*args, stdin=None):
    env = dict(os.environ, MENTORE_LANG="en")
    return subprocess.run([MENTORE, "i18n", *args], input=stdin, capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.mark.parametrize("language", ["it", "sq", "en"])
@pytest.mark.parametrize("ordinal", [False, True])
def test_plural_categories_match_babel_for_every_integer_to_a_million(language, ordinal):
    numbers = range(0, 1_000_001)
    args = ["plural", "--locale", language] + (["--ordinal"] if ordinal else []) + ["-"]
    result = mentore(*args, stdin="\n".join(map(str, numbers)) + "\n")
    assert result.returncode == 0, result.stderr
    ours = result.stdout.split("\n")[:-1]
    locale = Locale(language)
    form = locale.ordinal_form if ordinal else locale.plural_form
    assert len(ours) == len(numbers)
    wrong = [(n, c, form(n)) for n, c in zip(numbers, ours) if c != form(n)]
    assert wrong == [], wrong[:10]


@pytest.mark.parametrize("language", ["it", "sq", "en"])
def test_plural_categories_match_babel_for_decimals(language):
    samples = [f"{i / 100:.2f}" for i in range(0, 1000)] + [f"{i / 10:.1f}" for i in range(0, 300)]
    samples += ["1", "1.0", "1.00", "1000000", "1000000.0", "1500000", "2000000", "0.1", "21", "104", "114"]
    result = mentore("plural", "--locale", language, *samples)
    assert result.returncode == 0, result.stderr
    expected = [Locale(language).plural_form(decimal.Decimal(s)) for s in samples]
    assert result.stdout.split("\n")[:-1] == expected


def test_plural_refuses_what_is_not_a_number():
    result = mentore("plural", "--locale", "it", "1", "uno")
    assert result.returncode == 2
    assert "uno" in result.stderr


def tooling_json(source):
    """fluent.syntax's AST without spans, Junk annotations left out (the reference fixtures have none)."""
    resource = FluentParser(with_spans=False).parse(source)
    data = resource.to_json()

    def clean(node):
        if isinstance(node, dict):
            return {k: clean(v) for k, v in node.items() if k not in ("span", "annotations")}
        if isinstance(node, list):
            return [clean(v) for v in node]
        return node

    return clean(data), any(isinstance(e, ast.Junk) for e in resource.body)


def strip_annotations(node):
    if isinstance(node, dict):
        return {k: strip_annotations(v) for k, v in node.items() if k != "annotations"}
    if isinstance(node, list):
        return [strip_annotations(v) for v in node]
    return node


def ours(path):
    result = mentore("parse", str(path))
    assert result.returncode == 0, result.stderr
    return strip_annotations(json.loads(result.stdout))


CATALOGS = sorted((ROOT / "Locales").glob("*/*.ftl"))


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parse_matches_python_fluent_syntax_on_real_catalogs(path):
    expected, has_junk = tooling_json(path.read_text(encoding="utf-8"))
    assert not has_junk
    assert ours(path) == expected


def test_parse_matches_python_fluent_syntax_on_the_valid_fixtures():
    compared = 0
    mismatches = []
    for path in sorted(FIXTURES.glob("*.ftl")):
        expected, has_junk = tooling_json(path.read_bytes().decode("utf-8"))
        # The tooling parser cuts Junk differently from the reference by design, and trims
        # a trailing bare CR the reference keeps: there the reference fixtures are the judge.
        if has_junk or path.name.startswith("cr_"):
            continue
        if ours(path) != expected:
            mismatches.append(path.name)
        compared += 1
    assert mismatches == []
    assert compared >= 10


FIREFOX = os.environ.get("FIREFOX_L10N_DIR")


@pytest.mark.parametrize("language", ["it", "sq", "en-US"])
def test_parse_matches_python_fluent_syntax_on_firefox_catalogs(language):
    """Firefox's own catalogs (Debian's firefox-esr packages, see Tests/support/firefox-catalogs.sh)."""
    if not FIREFOX:
        pytest.skip("FIREFOX_L10N_DIR is not set (make test sets it)")
    paths = sorted(pathlib.Path(FIREFOX, language).rglob("*.ftl"))
    assert len(paths) >= 100, f"only {len(paths)} Firefox catalogs in {FIREFOX}/{language}"
    mismatches = []
    for start in range(0, len(paths), 100):
        chunk = paths[start : start + 100]
        result = mentore("parse", *map(str, chunk))
        assert result.returncode == 0, result.stderr
        lines = result.stdout.split("\n")[:-1]
        assert len(lines) == len(chunk)
        for path, line in zip(chunk, lines):
            expected, has_junk = tooling_json(path.read_bytes().decode("utf-8"))
            assert not has_junk, path
            if strip_annotations(json.loads(line)) != expected:
                mismatches.append(str(path.relative_to(FIREFOX)))
    assert mismatches == []


def test_parse_prints_junk_and_exits_zero(tmp_path):
    broken = tmp_path / "broken.ftl"
    broken.write_text("ok = Fine\nbroken = { $x\nafter = Fine\n", encoding="utf-8")
    result = mentore("parse", str(broken))
    assert result.returncode == 0
    body = json.loads(result.stdout)["body"]
    assert [e["type"] for e in body] == ["Message", "Junk", "Message"]


def test_format_kinds_of_arguments_and_exit_codes(tmp_path):
    ftl = tmp_path / "t.ftl"
    ftl.write_text(
        'n = { $n ->\n    [one] one\n   *[other] other\n}\ns = { $s }\nhello = Hello { $name }\n'
        'attr =\n    .title = Title\n',
        encoding="utf-8")
    f = ["--locale", "en", "--file", str(ftl)]
    assert mentore("format", *f, "n", "n=1").stdout == "one\n"
    assert mentore("format", *f, "n", "n=1.50").stdout == "other\n"  # the digits written are kept: v = 2
    assert mentore("format", *f, "n", "n='1'").stdout == "other\n"  # a string never matches a category
    assert mentore("format", *f, "s", "s=Anna").stdout == "Anna\n"
    assert mentore("format", *f, "attr.title").stdout == "Title\n"
    missing = mentore("format", *f, "hello")
    assert (missing.returncode, missing.stdout) == (1, "Hello {$name}\n")
    assert missing.stderr.strip() == "Unknown variable: $name"
    assert mentore("format", *f, "nope").returncode == 2
    isolated = mentore("format", *f, "--isolate", "hello", "name=Anna")
    assert isolated.stdout == "Hello \u2068Anna\u2069\n"


def test_format_uses_the_shipped_catalogs_with_fallback():
    result = mentore("format", "--locale", "sq", "nav-events")
    assert result.returncode == 0 and result.stdout.strip() == "Ngjarjet"
    assert mentore("format", "--locale", "xx", "nav-events").returncode == 2


def test_format_agrees_with_fluent_runtime():
    from fluent.runtime import FluentBundle, FluentResource

    source = (ROOT / "Locales/en/cli.ftl").read_text(encoding="utf-8")
    bundle = FluentBundle(["en"], use_isolating=False)
    bundle.add_resource(FluentResource(source))
    for count in [0, 1, 2, 17]:
        text, errors = bundle.format_pattern(bundle.get_message("cli-lint-summary").value, {"count": count})
        assert errors == []
        assert mentore("format", "--locale", "en", "cli-lint-summary", f"count={count}").stdout == text + "\n"


def test_lint_and_stats_on_the_shipped_catalogs():
    lint = mentore("lint")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    stats = mentore("stats")
    assert stats.returncode == 0
    for language in ["it", "sq", "en"]:
        assert f"{language}: " in stats.stdout
    assert stats.stdout.count("100.0 % complete") == 3, stats.stdout


def test_lint_reports_each_kind_of_problem_with_its_location(tmp_path):
    for language in ["it", "sq", "en"]:
        (tmp_path / language).mkdir()
    (tmp_path / "en/a.ftl").write_text(
        "hello = Hello { $name }\nbroken = { oops\nref = { nope } { -none }\nonly-en = x\n"
        "count = { $n ->\n    [one] one\n   *[other] many\n}\n", encoding="utf-8")
    (tmp_path / "it/a.ftl").write_text(
        "hello = Ciao\nref = x\nold = y\ncount = { $n ->\n    [one] uno\n   *[other] tanti\n}\nhello = dup\n",
        encoding="utf-8")
    (tmp_path / "sq/a.ftl").write_text("hello = Tung { $name }\nref = x\nonly-en = x\ncount = { $n ->\n    [one] një\n   *[other] shumë\n}\n", encoding="utf-8")
    result = mentore("lint", "--locales", str(tmp_path), "--sources", str(tmp_path))
    assert result.returncode == 1
    out = result.stdout
    assert "en/a.ftl:2:16: syntax error: unexpected end of line" in out
    assert "en/a.ftl:3:1: reference to an undefined message “nope”" in out
    assert "reference to an undefined term “-none”" in out
    assert "“only-en” is missing in it" in out
    assert "it/a.ftl:3:1: “old” is not in en any more" in out
    assert "it/a.ftl:1:1: “hello” must use the same variables as en ($name)" in out
    assert "it/a.ftl:4:1: the selector lacks the plural category “many”" in out
    assert "it/a.ftl:8:1: “hello” is defined twice" in out
    assert "“hello” is not used anywhere" in out
