"""Run every benchmark and print its figures: ``python -m bench [name…]``.

The web benches each set Django up on a database of their own, and Django is set up once per
process, so when several are asked for, each web bench runs in a child process."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module

# name → (module, function); the web benches import Django only when asked for.
BENCHES = {
    "real": ("real_corpus", "accuracy"),
    "accuracy": ("report_core", "accuracy"),
    "parse": ("report_core", "parse_speed"),
    "render": ("report_core", "render_speed"),
    "corpus": ("corpus_bench", "corpus_speed"),
    "web": ("web", "web_speed"),
    "applications": ("applications", "applications_speed"),
    "portal": ("portal", "portal_speed"),
    "api": ("api", "api_speed"),
    "ocr": ("ocr", "ocr"),
}
NEEDS_DJANGO = {"web", "applications", "portal", "api"}


def main(names: list[str]) -> None:
    names = names or list(BENCHES)
    for name in names:
        if name not in BENCHES:
            sys.exit(f"未知的基准：{name}（可选：{', '.join(BENCHES)}）")
    for name in names:
        if name in NEEDS_DJANGO and len(names) > 1:
            subprocess.run([sys.executable, "-m", "bench", name], check=True)  # prints its own ==
            continue
        print(f"== {name}", flush=True)
        module, function = BENCHES[name]
        getattr(import_module(f"bench.{module}"), function)()


if __name__ == "__main__":
    main(sys.argv[1:])
