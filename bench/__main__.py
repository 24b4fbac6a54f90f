"""Run every benchmark and print its figures: ``python -m bench [name…]``."""

from __future__ import annotations

import sys
from importlib import import_module

# name → (module, function); the web benches import Django only when asked for.
BENCHES = {
    "accuracy": ("report_core", "accuracy"),
    "parse": ("report_core", "parse_speed"),
    "render": ("report_core", "render_speed"),
    "web": ("web", "web_speed"),
    "applications": ("applications", "applications_speed"),
}


def main(names: list[str]) -> None:
    for name in names or list(BENCHES):
        if name not in BENCHES:
            sys.exit(f"未知的基准：{name}（可选：{', '.join(BENCHES)}）")
        print(f"== {name}", flush=True)
        module, function = BENCHES[name]
        getattr(import_module(f"bench.{module}"), function)()


if __name__ == "__main__":
    main(sys.argv[1:])
