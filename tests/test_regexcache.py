"""The compiled-pattern cache: the next process gets the same patterns without parsing them again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Compiles a handful of patterns (flags, groups, named groups, unicode, a lookbehind) and reports,
# for each, what it matches, plus how many times the pure-Python parser ran.
PROBE = r"""
import json, re, sys
from pathlib import Path
from coach import regexcache
on = regexcache.install(Path(sys.argv[1]))
from re import _parser
calls = 0
parse = _parser.parse
def counting(*a, **k):
    global calls
    calls += 1
    return parse(*a, **k)
_parser.parse = counting
cases = [
    (r"(?P<n>\d+)\s*(?:seats?|місць)", re.I, "Cut 40 Seats, then 12 місць"),
    (r"(?<!\w)pre-?paid\b", re.I | re.U, "Prepaid up front; PRE-PAID"),
    (r"^(\w+) (\w+)$", re.M, "a b\nc d"),
    (r"[à-ÿ]+", 0, "crème brûlée"),
]
out = []
for pat, flags, text in cases:
    c = re.compile(pat, flags)
    out.append([c.flags, c.groups, dict(c.groupindex), [m.group(0) for m in c.finditer(text)],
                [m.groups() for m in c.finditer(text)]])
print(json.dumps({"on": on, "parsed": calls, "out": out}))
"""


def _run(cache: Path, script: str = PROBE) -> dict:
    done = subprocess.run([sys.executable, "-c", script, str(cache)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _plain() -> list:
    import re

    code = PROBE.replace("on = regexcache.install(Path(sys.argv[1]))", "on = False")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert re  # the plain run uses the interpreter's own compile
    return json.loads(done.stdout)["out"]


@pytest.mark.slow
def test_second_process_reuses_the_code_and_matches_like_re(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first["on"] and first["parsed"] >= 4
    assert (tmp_path / "regex-code.marshal").is_file()
    second = _run(tmp_path)
    assert second["parsed"] == 0  # every pattern came from the file
    assert first["out"] == second["out"] == _plain()


@pytest.mark.slow
@pytest.mark.parametrize("content", [b"", b"not marshal at all", None])
def test_a_bad_or_foreign_file_is_ignored(tmp_path: Path, content: bytes | None) -> None:
    import marshal

    path = tmp_path / "regex-code.marshal"
    if content is None:  # written by another interpreter: same shape, other stamp
        path.write_bytes(marshal.dumps(((0, (2, 7, 18), "cpython", 0, 4), {("x", 0): (0, [1], 0, {}, ())})))
    else:
        path.write_bytes(content)
    got = _run(tmp_path)
    assert got["parsed"] >= 4 and got["out"] == _plain()
    assert _run(tmp_path)["parsed"] == 0  # and it was replaced by a good one


def test_default_dir_follows_the_settings_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from coach import regexcache
    from coach.config import Settings

    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path / "c"))
    assert regexcache.default_dir() == Settings().resolved_cache_dir
    monkeypatch.delenv("COACH_CACHE_DIR")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "d"))
    assert regexcache.default_dir() == Settings().resolved_cache_dir == tmp_path / "d" / "cache"


REMEMBER = r"""
import json, sys
from pathlib import Path
from coach import regexcache
regexcache.install(Path(sys.argv[1]))
from coach.guard.scan import Alternation
made = 0
def make():
    global made
    made += 1
    return (True, frozenset({"x"}))
first = regexcache.remembered(("probe", "key", 1), make)
again = regexcache.remembered(("probe", "key", 1), make)
import re
alt = Alternation([r"\bno (?:setup )?fees?\b", r"(?:pre)?paid"], re.IGNORECASE | re.UNICODE)
print(json.dumps({"made": made, "value": [first[0], sorted(first[1])], "same": first == again,
                  "needs": [sorted(n) for n in alt.needs]}))
"""


def test_derived_values_are_remembered_across_processes(tmp_path: Path) -> None:
    first, second = _run(tmp_path, REMEMBER), _run(tmp_path, REMEMBER)
    assert first == {"made": 1, "value": [True, ["x"]], "same": True, "needs": [["no "], ["paid"]]}
    assert second == {**first, "made": 0}  # the next process reads the value from the file


YAML_PROBE = r"""
import json, sys
from pathlib import Path
from coach import regexcache, datafile
regexcache.install(Path(sys.argv[1]))
loads = 0
plain = datafile._load
def counting(text):
    global loads
    loads += 1
    return plain(text)
datafile._load = counting
doc = "a: [1, 2.5, 'x']\nb: {c: null, d: true}\n"
first = datafile.parse_yaml(doc)
first["a"].append("mutated")  # a caller's change never reaches the next caller
second = datafile.parse_yaml(doc)
dated = datafile.parse_yaml("when: 2026-12-04\n")
print(json.dumps({"loads": loads, "second": second, "dated": str(dated["when"])}))
"""


def test_parsed_yaml_is_kept_across_processes_as_fresh_copies(tmp_path: Path) -> None:
    want = {"a": [1, 2.5, "x"], "b": {"c": None, "d": True}}
    # first process: the document parsed once (then served from memory), the dated one each time it is
    # asked for (marshal cannot keep a date: parsed for the check and again for the caller)
    assert _run(tmp_path, YAML_PROBE) == {"loads": 3, "second": want, "dated": "2026-12-04"}
    # the next process parses only the dated one
    assert _run(tmp_path, YAML_PROBE) == {"loads": 1, "second": want, "dated": "2026-12-04"}


@pytest.mark.slow  # three interpreters
def test_patterns_built_from_sets_are_the_same_in_every_process():
    """The German number pieces and the guard's name forms were joined from sets with ties in the hash seed's order:
    every `coach draft` compiled a pattern the cache had never seen and rewrote its file."""
    import subprocess
    import sys

    code = ("from coach.guard.numbers import _vocab; from coach.guard.lexicon import guard_data; "
            "from coach.config import get_settings; d = guard_data(get_settings().knowledge_dir); "
            "v = _vocab(tuple(d.compiled.number_languages.values())); print(v.piece.pattern if v.piece else '')")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_the_tokenizers_pattern_is_not_kept(tmp_path):
    """The standard library's tokenizer pattern differs from process to process (its string prefixes come from a
    set): compiled, but never added to the file; another new pattern is."""
    import re
    import tokenize

    from coach import regexcache

    regexcache.uninstall()
    try:
        assert regexcache.install(tmp_path)
        re.purge()  # past re's own in-process cache, so the compile reaches the file's
        assert re.compile(tokenize.PseudoToken, re.UNICODE).match("x = 1")
        re.compile(r"a control pattern (\d+)")
        new = regexcache._installed["new"]
        assert (r"a control pattern (\d+)", 0) in new
        assert not any(key[0] == tokenize.PseudoToken for key in new)
    finally:
        regexcache.uninstall()
