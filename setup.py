"""Ship the data folders inside the wheel.

knowledge/, prompts/ and evals/ stay top-level folders of the repository (the design keeps data
apart from code); a built wheel carries them as `coach/_data/<name>`, where
`coach.config.bundled()` finds them. An editable install reads them from the clone instead.
Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# (folder, names to leave out): the held-out eval sets stay in the repository only.
DATA = (("knowledge", ()), ("prompts", ()), ("evals", ("heldout", "*.py", "__pycache__")))


class build_py_with_data(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name, skip in DATA:
            src = ROOT / name
            if not src.is_dir():
                raise SystemExit(f"setup.py: {src} is missing; build from a clone or an sdist")
            dst = Path(self.build_lib) / "coach" / "_data" / name
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns(*skip))


setup(cmdclass={"build_py": build_py_with_data})
