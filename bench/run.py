"""Benchmark: what the worksheets plugin costs, as ratios against baselines in the same run.

    .venv/bin/python bench/run.py [--pages 60] [--repeat 3]

It writes a corpus of guides (each with a checklist and a worksheet, in en, es
and sv) into a temporary folder and times, each as the best of --repeat runs:

- build: `mkdocs build` with the plugin (PDFs off) against the same site with
  the plugin disabled;
- check: `python -m worksheets check` against reading the same files' front
  matter with plain PyYAML;
- pdf: a rebuild with every PDF in the cache against the same build with PDFs off
  (what the cache look-up costs), and a cold PDF render of the corpus against the
  plugin build (what PDFs cost when everything changed).

Only ratios are printed: seconds vary with the machine, ratios much less.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

CONFIG = """\
site_name: Bench
theme: {{name: material, font: false}}
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: es, name: Español, build: true}}
        - {{locale: sv, name: Svenska, build: true}}
  - worksheets:
      enabled: {enabled}
      pdf: {pdf}
      cache_dir: {cache}
"""


def page(number: int, lang: str) -> str:
    items = "\n".join(
        f"        - {{id: item-{i}, "
        f"text: 'Item {i} of guide {number} ({lang}) with **bold** text.', "
        f"required: {'true' if i % 3 == 0 else 'false'}, weight: {1 + i % 2}}}"
        for i in range(12)
    )
    criteria = "\n".join(
        f"        - {{id: criterion-{i}, text: 'Criterion {i} ({lang})', weight: {1 + i % 3},"
        f" critical: {'true' if i == 0 else 'false'}}}"
        for i in range(6)
    )
    return f"""---
title: Guide {number} ({lang})
checklist:
  id: checklist-{number}
  sections:
    - id: main
      title: Main ({lang})
      items:
{items}
worksheet:
  id: worksheet-{number}
  scale: [{{value: 0, label: No}}, {{value: 1, label: Partly}}, {{value: 2, label: Yes}}]
  bands: [{{min: 0, label: Low}}, {{min: 70, label: High}}]
  sections:
    - id: first
      title: First
      weight: 40
      criteria:
{criteria}
    - id: second
      title: Second
      weight: 60
      criteria:
        - {{id: last, text: Last ({lang})}}
---
# Guide {number}

Some text for guide {number}.

<!-- checklist -->

<!-- worksheet -->
"""


def corpus(root: Path, pages: int) -> None:
    for lang in ("en", "es", "sv"):
        folder = root / "docs" / lang
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("# Home\n", encoding="utf-8")
        for number in range(pages):
            (folder / f"guide-{number}.md").write_text(page(number, lang), encoding="utf-8")


def best(command: list[str], cwd: Path, repeat: int) -> float:
    times = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def build(root: Path, repeat: int, *, enabled: bool, pdf: bool) -> float:
    config = root / f"mkdocs-{enabled}-{pdf}.yml"
    config.write_text(
        CONFIG.format(enabled=str(enabled).lower(), pdf=str(pdf).lower(), cache=root / "cache"),
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config),
        "-d",
        str(root / "site"),
    ]
    return best(command, root, repeat)


def read_front_matter(docs: Path) -> None:
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            yaml.safe_load(text.split("---\n")[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="guides per language")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="worksheets-bench-"))
    try:
        corpus(root, args.pages)
        baseline = build(root, args.repeat, enabled=False, pdf=False)
        plugin = build(root, args.repeat, enabled=True, pdf=False)
        check = best(
            [sys.executable, "-m", "worksheets", "check", str(root / "docs")], root, args.repeat
        )
        yaml_baseline = best(
            [
                sys.executable,
                "-c",
                f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import run; "
                f"run.read_front_matter(__import__('pathlib').Path({str(root / 'docs')!r}))",
            ],
            root,
            args.repeat,
        )
        cold = build(root, 1, enabled=True, pdf=True)
        warm = build(root, args.repeat, enabled=True, pdf=True)
        blocks = args.pages * 2 * 3
        print(f"corpus: {args.pages} guides x 3 languages, {blocks} blocks")
        print(f"build with the plugin / without it:            {plugin / baseline:5.2f}")
        print(f"check / reading the front matter with PyYAML:  {check / yaml_baseline:5.2f}")
        print(f"rebuild with all PDFs cached / PDFs off:       {warm / plugin:5.2f}")
        print(f"first build with PDFs / PDFs off:              {cold / plugin:5.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
