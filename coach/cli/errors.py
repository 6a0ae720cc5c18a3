"""The one place where coach errors become CLI messages and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from coach.errors import CoachError, CoachInputError

EXIT_INPUT = 2
EXIT_RUN = 1


@contextmanager
def cli_errors() -> Iterator[None]:
    """Print a coach error as one line on stderr and exit non-zero; never a traceback."""
    try:
        yield
    except CoachInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT) from None
    except CoachError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_RUN) from None
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None


def _check_text(name: str, value: Any) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; name the option instead of crashing later."""
    values = value if isinstance(value, list | tuple) else [value]
    for v in values:
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise CoachInputError(f"--{name.replace('_', '-')}: not valid UTF-8 text") from None


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with cli_errors():
            for name, value in kwargs.items():
                _check_text(name, value)
            return func(*args, **kwargs)

    return wrapper
