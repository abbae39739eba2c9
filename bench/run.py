"""Benchmark: what the worksheets plugin costs, as ratios against a baseline in the same run.

    .venv/bin/python bench/run.py [--sizes 50 200 800] [--pdf-sizes 10 20]
                                  [--warm-pdf-sizes 200] [--repeat 5] [--warmup 1]
                                  [--target-repeat 21] [--throughput-sizes 10 20 50]
                                  [--throughput-repeat 3]
    .venv/bin/python bench/run.py --from-json bench/results.json   (the reports again)

For each size N it writes a corpus (bench/corpus.py: N guides per language in en, es
and sv, each with a checklist and a worksheet) and times these variants, interleaved
(each repeat runs them all in turn, in a rotating order), as whole processes, each
timed build just after an untimed one of the same variant (``--warmup``; not before a
cold build, which would take minutes and change nothing). At the warm PDF sizes (N =
200, where the issue's targets are read) it runs more turns (``--target-repeat``): one
turn's ratio varies by ±10 % or more on a 2-core machine (a standard deviation of 0.13
in the run at 033d293), more than the targets' margins, so a median of 5 or 11 cannot
say which side of a target a ratio is on (with 21 turns, the median's own error is about
±3.5 %). Those further turns
leave out (3) and (5), which render PDFs for minutes there; (5)'s ``--repeat`` turns
count its renders.

  1 disabled   `mkdocs build` with the plugin disabled: the baseline
  2 plugin     the plugin, PDFs off (its build caches warm: a rebuild, CI with its cache)
  2' fresh     the plugin, PDFs off, its build caches empty (scan.json, blocks/)
  3 cold       the plugin and PDFs, empty PDF cache              (PDF sizes; once at warm sizes)
  4 warm       PDFs, warm cache, nothing changed                  (PDF and warm PDF sizes)
  5 edited     PDFs, warm cache, one guide's checklist edited     (PDF and warm PDF sizes)
  6 next-day   PDFs, warm cache, SOURCE_DATE_EPOCH one day later  (PDF and warm PDF sizes)
  7 check      `python -m worksheets check` alone

It prints medians, ratios (paired by turn) and peak memory (RSS), the PDFs rendered
in 4-6, the PDF throughput of `worksheets pdf` with one worker and with every core
(``--throughput-sizes``: a run's start-up, about 1.5 s before the first PDF, weighs on
the ratio at N = 10; ``--throughput-repeat`` runs of each, alternating, as a ratio of
medians), and
the gzipped size of the plugin's script and stylesheet; and writes them as JSON and as
bench/RESULTS.md with the machine and the commit measured. Seconds vary with the
machine; ratios much less. Nothing here asserts a time: CI only runs it at a tiny size
to see it finish and write its table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import edit_guide, write_corpus

REPO = Path(__file__).resolve().parent.parent
DAY = 86400
CONFIG = """\
site_name: Bench
theme: {{name: material, font: false}}
plugins:
  - search
  - i18n:
      docs_structure: folder
      # The plugin turns this off (its own index split makes it needless); off in every
      # variant, so that (1) does not pay for mkdocs-static-i18n's quadratic comparison.
      reconfigure_search: false
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: es, name: Español, build: true}}
        - {{locale: sv, name: Svenska, build: true}}
  - worksheets:
      enabled: {enabled}
      pdf: {pdf}
      cache_dir: {cache}
"""
RENDERED = re.compile(r"PDFs: (\d+) rendered")
BLOCKS = re.compile(r"Blocks: (\d+) rendered")
PDF_VARIANTS = ("cold", "warm", "edited", "next-day")
# The variants that render PDFs (minutes at N = 200): not in the further turns.
SLOW = ("cold", "edited")


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    rendered: int | None = None
    # Blocks rendered (not read from the build cache), in the plugin's variants.
    blocks: int | None = None


@dataclass
class Size:
    guides: int
    runs: dict[str, list[Run]] = field(default_factory=dict)
    # PDFs per second of each run of `worksheets pdf`, by the number of workers.
    throughput: dict[str, list[float]] = field(default_factory=dict)

    def median(self, variant: str) -> float:
        return statistics.median(run.seconds for run in self.runs[variant])

    def ratio(self, variant: str, base: str) -> float | None:
        """``variant``'s time over ``base``'s, the median of the ratios taken turn by turn
        (both ran in the same turn, minutes apart at most: drift in the machine's speed
        cancels out); of the medians where the two did not run the same number of turns
        (the cold build that runs once)."""
        runs, bases = self.runs[variant], self.runs[base]
        if len(runs) == len(bases):
            pairs = zip(runs, bases, strict=True)
            return statistics.median(run.seconds / base.seconds for run, base in pairs)
        denominator = self.median(base)
        return self.median(variant) / denominator if denominator else None

    def rss(self, variant: str) -> float:
        return statistics.median(run.peak_rss_mb for run in self.runs[variant])

    def rendered(self, variant: str) -> list[int | None]:
        return [run.rendered for run in self.runs[variant]]

    def speeds(self) -> list[float]:
        """The median PDFs per second with one worker, then with every core."""
        return [statistics.median(runs) for runs in self.throughput.values()]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Size:
        """A size as ``results.json`` records it (``asdict``'s output)."""
        runs = {
            variant: [Run(**run) for run in variant_runs]
            for variant, variant_runs in data["runs"].items()
        }
        return cls(data["guides"], runs, dict(data.get("throughput", {})))


@dataclass
class Results:
    """A whole run: the owner of ``results.json``'s format, and what RESULTS.md reports."""

    sizes: list[Size]
    about: dict[str, Any]
    assets: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "machine": self.about,
            "assets": self.assets,
            "sizes": [asdict(size) for size in self.sizes],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Results:
        sizes = [Size.from_json(size) for size in data["sizes"]]
        return cls(sizes, data["machine"], data["assets"])

    def write(self, out: Path) -> str:
        """Writes RESULTS.md and results.json into ``out``; returns the report."""
        text = report(self.sizes, self.about, self.assets)
        out.mkdir(parents=True, exist_ok=True)
        (out / "RESULTS.md").write_text(text, encoding="utf-8")
        data = json.dumps(self.to_json(), indent=2)
        (out / "results.json").write_text(data, encoding="utf-8")
        return text


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[Run, str]:
    """Time a whole process and its peak memory (its own and its waited-for children's)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    rendered, blocks = RENDERED.search(output), BLOCKS.search(output)
    run = Run(
        seconds,
        usage.ru_maxrss / 1024,
        int(rendered[1]) if rendered else None,
        int(blocks[1]) if blocks else None,
    )
    return run, output


class Corpus:
    """One size's project folder, and how each variant runs in it."""

    def __init__(self, root: Path, guides: int) -> None:
        self.root = root
        self.guides = guides
        write_corpus(root / "docs", guides)
        # Each plugin variant keeps its own build caches: one variant emptying its own
        # leaves the others' as they expect them.
        for name, enabled, pdf, cache in (
            ("disabled", 0, 0, "cache"),
            ("plugin", 1, 0, "cache-plugin"),
            ("fresh", 1, 0, "cache-fresh"),
            ("pdf", 1, 1, "cache"),
        ):
            text = CONFIG.format(
                enabled=str(bool(enabled)).lower(), pdf=str(bool(pdf)).lower(), cache=cache
            )
            (root / f"{name}.yml").write_text(text, encoding="utf-8")
        self.epoch = int(time.time())
        self.edits = 0

    def env(self, epoch: int) -> dict[str, str]:
        return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}

    def build(self, config: str, epoch: int | None = None) -> Run:
        # Each configuration writes its own site folder: a build empties its folder first,
        # and what another variant left there (a PDF build's hard links) is not its cost.
        site = f"site-{config}"
        command = [sys.executable, "-m", "mkdocs", "build", "-f", f"{config}.yml", "-d", site]
        return measure(command, self.root, self.env(epoch or self.epoch))[0]

    def run(self, variant: str) -> Run:
        if variant in ("disabled", "plugin"):
            return self.build(variant)
        if variant == "fresh":
            shutil.rmtree(self.root / "cache-fresh", ignore_errors=True)
            return self.build("fresh")
        if variant == "cold":
            shutil.rmtree(self.root / "cache", ignore_errors=True)
        elif variant == "edited":
            self.edits += 1
            edit_guide(self.root / "docs", self.edits)
        elif variant == "next-day":
            return self.build("pdf", self.epoch + DAY)
        elif variant == "check":
            command = [sys.executable, "-m", "worksheets", "check", "docs"]
            return measure(command, self.root, self.env(self.epoch))[0]
        return self.build("pdf")

    def warm_up(self, variant: str) -> None:
        """An untimed build like ``variant``'s, just before it is timed: each timed build is
        then the second of two alike (a rebuild, as the variants mean), finding the machine
        as a build of its own left it rather than as another variant's did. Without it,
        (2) often ran right after minutes of PDF builds, and (4), which does all (2) does
        and more, measured no slower than (2). Turn-to-turn noise stays ±10 % or more either
        way (results.json keeps every timed build, turn by turn).
        """
        if variant == "cold":
            return
        if variant == "edited":  # (its warm-up edits nothing: the timed build edits)
            self.build("pdf")
        else:
            self.run(variant)

    def throughput(self, workers: int) -> float:
        """PDFs per second of `worksheets pdf` (English blocks, a fresh cache)."""
        cache = self.root / f"cache-{workers}"
        shutil.rmtree(cache, ignore_errors=True)
        command = [
            sys.executable, "-m", "worksheets", "pdf", "--docs", "docs", "--lang", "en",
            "--out", f"out-{workers}", "--cache-dir", str(cache), "--workers", str(workers),
        ]  # fmt: skip
        run, output = measure(command, self.root, self.env(self.epoch))
        found = re.search(r"(\d+) rendered", output)
        return (int(found[1]) if found else 0) / run.seconds


def measure_size(
    guides: int,
    repeat: int,
    pdfs: str,
    work: Path,
    warmup: int = 1,
    more: int = 0,
    throughput_repeat: int = 0,
) -> Size:
    """Every variant at one size. ``pdfs``: "" for none, "all" for every PDF variant (the
    cold build repeated), "warm" for (4)-(6) after one cold build, the one (3) reported (at
    a size where a cold build takes minutes). ``more``: turns after the ``repeat`` ones,
    of every variant but the ``SLOW`` ones. ``throughput_repeat``: runs of `worksheets
    pdf` with each number of workers (0: none at this size)."""
    corpus = Corpus(work / f"n{guides}", guides)
    pdf_variants = {"": (), "all": PDF_VARIANTS, "warm": PDF_VARIANTS[1:]}[pdfs]
    variants = ["disabled", "plugin", "fresh", "check", *pdf_variants]
    size = Size(guides, {variant: [] for variant in variants})
    corpus.run("plugin")  # (2) is a rebuild: its build caches are warm
    if pdfs:
        cold = corpus.run("cold")  # the warm variants need a cache
        if pdfs == "warm":
            size.runs["cold"] = [cold]
            print(f"  n={guides} cold (once): {cold.seconds:.2f} s", flush=True)
    for turn in range(repeat + more):
        these = variants if turn < repeat else [v for v in variants if v not in SLOW]
        shift = turn % len(these)
        for variant in these[shift:] + these[:shift]:
            # Cold then warm: the warm variants find the cache as they expect.
            for _ in range(warmup):
                corpus.warm_up(variant)
            size.runs[variant].append(corpus.run(variant))
            print(f"  n={guides} {variant}: {size.runs[variant][-1].seconds:.2f} s", flush=True)
    if throughput_repeat:
        size.throughput = measure_throughput(corpus, throughput_repeat)
    return size


def measure_throughput(corpus: Corpus, repeat: int) -> dict[str, list[float]]:
    """``repeat`` runs with one worker and as many with every core, alternating which goes
    first in each pair: one run of each varied by ±6 % here, enough to move their ratio
    from one side of a target to the other."""
    counts = (1, os.cpu_count() or 1)
    speeds: dict[str, list[float]] = {str(workers): [] for workers in counts}
    for turn in range(repeat):
        for workers in counts if turn % 2 == 0 else counts[::-1]:
            speed = corpus.throughput(workers)
            speeds[str(workers)].append(speed)
            print(f"  n={corpus.guides} PDF/s, {workers} worker(s): {speed:.2f}", flush=True)
    return speeds


def asset_size() -> dict[str, int]:
    """The plugin's script and stylesheet as a build publishes them (the bundle), each
    file gzipped as a server sends it: all of them, and those a page loads at once; and
    the sources' size."""
    sys.path.insert(0, str(REPO / "plugins"))
    from worksheets.plugin import ASSETS
    from worksheets.publish import BUNDLE, SOURCES, bundle_files, loaded_on_start

    published = {path.name: path.read_bytes() for path in bundle_files()}
    gzipped = {name: len(gzip.compress(data, 9)) for name, data in published.items()}
    return {
        "source_bytes": sum((SOURCES / name).stat().st_size for name in ASSETS),
        "bytes": sum(len(data) for data in published.values()),
        "gzipped_bytes": sum(gzipped.values()),
        "on_start_gzipped_bytes": sum(gzipped[name] for name in loaded_on_start(BUNDLE)),
    }


def machine() -> dict[str, Any]:
    cpu = ""
    if Path("/proc/cpuinfo").is_file():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found[1] if found else ""
    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "commit": commit,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def paired(size: Size, variant: str, base: str) -> str:
    found = size.ratio(variant, base)
    return "–" if found is None else f"{found:.2f}"


def table(sizes: list[Size]) -> list[str]:
    lines = [
        "| N guides/language | (1) disabled s | (2)/(1) | (2')/(1) | (7)/(1) | RSS (2)/(1) "
        "| (4)/(2) | (3)/(2) | rendered (4) / (5) / (6) | PDF/s 1 → all cores |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        cells = [
            str(size.guides), f"{size.median('disabled'):.2f}",
            paired(size, "plugin", "disabled"), paired(size, "fresh", "disabled"),
            paired(size, "check", "disabled"),
            ratio(size.rss("plugin"), size.rss("disabled")),
        ]  # fmt: skip
        if "warm" in size.runs:
            rendered = " / ".join(
                ",".join(str(n) for n in size.rendered(v)) for v in ("warm", "edited", "next-day")
            )
            cells += [paired(size, "warm", "plugin"), paired(size, "cold", "plugin"), rendered]
        else:
            cells += ["", "", ""]
        # Throughput has sizes of its own (--throughput-sizes), with or without (3)-(6).
        speeds = size.speeds()
        cells.append(
            f"{speeds[0]:.2f} → {speeds[-1]:.2f} (×{ratio(speeds[-1], speeds[0])})"
            if speeds
            else ""
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def scaling(sizes: list[Size]) -> list[str]:
    """Seconds per guide of each variant at each size: flat or falling is linear or better."""
    lines = ["| variant | " + " | ".join(f"N={s.guides}" for s in sizes) + " |"]
    lines.append("|---|" + "---|" * len(sizes))
    for variant in ("disabled", "plugin", "fresh", "check", *PDF_VARIANTS):
        cells = [
            f"{1000 * s.median(variant) / s.guides:.1f} ms" if variant in s.runs else ""
            for s in sizes
        ]
        lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    return lines


def report(sizes: list[Size], about: dict[str, Any], assets: dict[str, int]) -> str:
    return "\n".join(
        [
            "# Benchmark results",
            "",
            "Written by `make bench` (`bench/run.py`). Each ratio is the median of the",
            "ratios of the same run's turns (every turn runs each variant once, in a",
            "rotating order, each timed build just after "
            f"{about.get('warmup', 0)} untimed one(s) of its own), so",
            "that a drift in the machine's speed cancels out; (3)/(2)",
            "where (3) runs once is a ratio of medians. Variants: (1) plugin disabled, (2)",
            "plugin without PDFs (its build caches warm, as in a rebuild or a CI that keeps",
            "them), (2') the same with empty build caches, (3) PDFs with an empty cache,",
            "(4) warm cache, (5) one guide edited, (6) the next day (`SOURCE_DATE_EPOCH`",
            "+ 1 day), (7) `worksheets check` alone.",
            "Where a cold build with PDFs takes minutes (N = 200), (3) runs once, to fill the",
            "cache that (4)-(6) use. PDF throughput is measured at N = "
            f"{', '.join(str(n) for n in about.get('throughput_sizes', [])) or '?'}:",
            f"{about.get('throughput_repeat', '?')} runs of `worksheets pdf` with one worker "
            "and as many with every core, alternating, as medians (PDF/s) and their ratio.",
            f"Turns: {about.get('repeat', '?')} at each size; "
            f"{about.get('target_repeat', '?')} at the warm PDF sizes, where the targets are",
            "read (a turn's ratio varies by ±10 % or more here), the further ones without (3),",
            "(5).",
            "mkdocs-static-i18n's `reconfigure_search` is off in every variant (the plugin",
            "turns it off; its cost grows with the square of the search entries).",
            "",
            f"Machine: {about['cpu'] or 'unknown CPU'}, {about['cores']} cores, Python "
            f"{about['python']}, {about['system']}. Commit {about['commit']}, {about['date']}.",
            "",
            *table(sizes),
            "",
            "Seconds per guide (per language), to see growth with N:",
            "",
            *scaling(sizes),
            "",
            "Plugin script and stylesheet as published (bundled and minified): "
            f"{assets['bytes']} bytes, {assets['gzipped_bytes']} bytes gzipped, each file "
            "(sources: "
            f"{assets['source_bytes']} bytes; pdf.js not counted). A page with a block loads "
            f"{assets['on_start_gzipped_bytes']} bytes of them gzipped at once; the others "
            "(comparison, exports, imports, share links) when first used.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument("--pdf-sizes", type=int, nargs="*", default=[10, 20])
    parser.add_argument("--warm-pdf-sizes", type=int, nargs="*", default=[200])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--warmup", type=int, default=1, help="untimed builds before each timed one"
    )
    parser.add_argument(
        "--target-repeat",
        type=int,
        default=21,
        help="turns at the warm PDF sizes (at least --repeat; those beyond leave out (3), (5))",
    )
    parser.add_argument(
        "--throughput-repeat",
        type=int,
        default=3,
        help="runs of `worksheets pdf` with each number of workers, at the throughput sizes",
    )
    parser.add_argument(
        "--throughput-sizes",
        type=int,
        nargs="*",
        default=[10, 20, 50],
        help="sizes at which to time `worksheets pdf` with one worker and with every core",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument(
        "--from-json",
        type=Path,
        metavar="RESULTS_JSON",
        help="measure nothing: write RESULTS.md (and results.json) again from a recorded one",
    )
    args = parser.parse_args(argv)
    if args.from_json:
        recorded = json.loads(args.from_json.read_text(encoding="utf-8"))
        Results.from_json(recorded).write(args.out)
        return
    work = Path(tempfile.mkdtemp(prefix="worksheets-bench-"))
    try:
        every = sorted({*args.sizes, *args.pdf_sizes, *args.warm_pdf_sizes, *args.throughput_sizes})
        pdfs = {n: "warm" for n in args.warm_pdf_sizes} | {n: "all" for n in args.pdf_sizes}
        sizes = [
            measure_size(
                n, args.repeat, pdfs.get(n, ""), work, args.warmup,
                max(0, args.target_repeat - args.repeat) if n in args.warm_pdf_sizes else 0,
                args.throughput_repeat if n in args.throughput_sizes else 0,
            )
            for n in every
        ]  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    about = {
        **machine(),
        "warmup": args.warmup,
        "repeat": args.repeat,
        "target_repeat": max(args.repeat, args.target_repeat),
        "throughput_repeat": args.throughput_repeat,
        "throughput_sizes": sorted(args.throughput_sizes),
    }
    print(Results(sizes, about, asset_size()).write(args.out))


if __name__ == "__main__":
    main()
