"""Compiled regular expressions kept across processes, as Python keeps compiled bytecode.

A cold `coach draft` compiles some 3,000 patterns (the guard's lexicons in seven languages, the
request grammar, the number readers, the libraries' own): parsing them in the pure-Python `re`
parser was a fifth of the command's CPU. Python's `re` module caches a compiled pattern only inside
one process, so this module keeps what the parser produced — the `_sre` code of each (pattern,
flags) — in a file of the cache dir and hands it straight to `_sre.compile` in the next process.
The pattern objects are the ones `re.compile` would build from the same code; `_sre` validates the
code it is given. The code is kept as raw 32-bit words, so loading the file is a copy, not a parse
(a list of ints per pattern took marshal 1.7 s for 7,000 patterns).

Keyed by the interpreter's version and `_sre.MAGIC`: a file written by another Python is ignored,
as is an unreadable one. Anything unexpected in the interpreter's internals turns the cache off and
leaves `re` as it was. The file is rewritten only when a process compiled something new, keeping
what that process used first and then older entries up to `MAX_ENTRIES` (patterns of lexicons
that have since changed drop out).
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from coach.paths import default_data_dir

FORMAT = 2
MAX_ENTRIES = 20_000  # a cold draft uses ~9,500 (patterns, the guard's analyses and splits): room to grow
_WORD = "I"  # _sre's code words are 32-bit (checked against _sre.CODESIZE when installing)
_installed: dict[str, Any] = {}
T = TypeVar("T")


def default_dir() -> Path:
    """Where coach's derived files go by default, from the same environment the settings read."""
    if os.environ.get("COACH_CACHE_DIR"):
        return Path(os.environ["COACH_CACHE_DIR"])
    data = os.environ.get("COACH_DATA_DIR")
    return (Path(data) if data else default_data_dir()) / "cache"


def _stamp() -> tuple[Any, ...]:
    import _sre

    return (FORMAT, tuple(sys.version_info[:3]), sys.implementation.name, _sre.MAGIC, _sre.CODESIZE)


def _load(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    try:
        with path.open("rb") as f:
            stamp, store = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return store if stamp == _stamp() and isinstance(store, dict) else {}


def install(cache_dir: Path | None = None) -> bool:
    """Serve `re`'s compiles from the cache file in `cache_dir` (default: `default_dir()`) for the rest
    of this process, and save what was new at exit. Returns whether the cache is on."""
    if _installed:
        return True
    if sys.implementation.name != "cpython":
        return False
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        original = _compiler.compile
        _parser.parse, _compiler._code, _sre.compile  # noqa: B018 - the internals this relies on
        if _sre.CODESIZE != array(_WORD).itemsize:
            return False
    except (ImportError, AttributeError):
        return False

    path = (cache_dir or default_dir()) / "regex-code.marshal"
    store = _load(path)
    new: dict[tuple[str, int], tuple[Any, ...]] = {}
    used: set[tuple[str, int]] = set()

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or _unstable(p):
            return original(p, flags)
        key = (p, int(flags))
        hit = store.get(key) or new.get(key)
        if hit is None:
            tree = _parser.parse(p, key[1])
            words = array(_WORD, [int(c) for c in _compiler._code(tree, key[1])]).tobytes()
            groupindex = dict(tree.state.groupdict)
            indexgroup: list[str | None] = [None] * tree.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            hit = (int(key[1] | tree.state.flags), words, tree.state.groups - 1, groupindex, tuple(indexgroup))
            new[key] = hit
        used.add(key)
        flags_out, words, groups, groupindex, indexgroup = hit
        code = array(_WORD)
        code.frombytes(words)
        return _sre.compile(p, flags_out, code.tolist(), groups, groupindex, indexgroup)

    def save() -> None:
        if not new:
            return
        keep = {k: store[k] if k in store else new[k] for k in used}
        for k, v in [*new.items(), *store.items()]:
            if len(keep) >= MAX_ENTRIES:
                break
            keep.setdefault(k, v)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((_stamp(), keep)))
            os.replace(tmp, path)
        except (OSError, ValueError):
            pass  # a cache: the next process compiles again

    _compiler.compile = compile
    atexit.register(save)
    _installed.update(path=path, original=original, save=save, store=store, new=new, used=used)
    return True


def _unstable(pattern: str) -> bool:
    """A pattern that is built differently in every process, which the file would only collect: the
    standard library's tokenizer joins its string prefixes from a set (its order follows the hash seed),
    and pydantic tokenizes a builtin's signature while it builds a schema. Kept, every `coach draft`
    rewrote the 10 MB file for it."""
    tok = sys.modules.get("tokenize")
    return tok is not None and pattern == getattr(tok, "PseudoToken", None)


def enabled() -> bool:
    """Whether the cache is on in this process (the `coach` command turns it on)."""
    return bool(_installed)


def remembered(key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """A value derived from `key` alone (both kept with marshal), kept in the cache file beside the
    compiled patterns when the cache is on (the guard's analysis of each lexicon pattern); computed
    every time when it is off. Keys have three or more items, so they never meet a pattern's key."""
    if not _installed:
        return make()
    store, new, used = _installed["store"], _installed["new"], _installed["used"]
    if key in store:
        hit = store[key]
    elif key in new:
        hit = new[key]
    else:
        hit = make()
        try:
            marshal.dumps((key, hit))  # type: ignore[arg-type]
        except ValueError:  # not storable (an enum flag, say): computed each time, the file stays writable
            return hit
        new[key] = hit
    used.add(key)
    return hit  # type: ignore[no-any-return]


def uninstall() -> None:
    """Put `re` back as it was and save what was new (tests)."""
    if not _installed:
        return
    from re import _compiler  # type: ignore[attr-defined]

    _installed["save"]()
    atexit.unregister(_installed["save"])
    _compiler.compile = _installed["original"]
    _installed.clear()
