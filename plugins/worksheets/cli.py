"""`python -m worksheets`: the checks and tools without building the site."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

from .files import page_files
from .formats.problems import github_command
from .model import SLUG_PATTERN, json_schema
from .report.write import FORMATS
from .scan import scan_docs
from .translations import status_json, status_text

SLUG = re.compile(SLUG_PATTERN)
# C0 and C1 controls but tab, DEL, and the bidirectional overrides and isolates: a file's
# label or a path must not retitle the terminal, clear it or turn a line around.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """``text`` as a terminal may show it: control characters as ``\\x1b``-style escapes,
    lone surrogates as ``\\udc80``; one line."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROLS.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _complain(command: str, text: str) -> None:
    """One line on standard error, safe for a terminal."""
    print(f"worksheets {command}: {terminal_text(text)}", file=sys.stderr)


def _tolerance(text: str) -> float:
    value = float(text)
    if not (value >= 0 and value != float("inf")):
        raise argparse.ArgumentTypeError(
            f"must be a number of scale points, 0 or more, got {text!r}"
        )
    return value


# argparse names the type of add_subparsers() only privately.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _docs_folder(command: str, folder: str) -> Path | None:
    """The docs folder, or None after saying it does not exist."""
    docs = Path(folder)
    if docs.is_dir():
        return docs
    print(f"worksheets {command}: no such folder: {docs}", file=sys.stderr)
    return None


def _check(args: argparse.Namespace) -> int:
    docs = _docs_folder("check", args.docs_dir)
    if docs is None:
        return 2
    if args.watch:
        return _watch(docs, args)
    site = scan_docs(docs, args.default_language, args.languages)
    if args.translations:
        if args.format == "json":
            print(json.dumps(status_json(site), ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(status_text(site))
        return 1 if site.problems else 0
    if args.format == "github":
        for problem in site.problems:
            print(problem.as_github(docs.as_posix()))
        for missing in site.missing:
            message = (
                f"{missing.rel} has no '{missing.lang}' translation; "
                f"readers get {missing.default_path}"
            )
            file = (docs / missing.default_path).as_posix()
            print(github_command("notice", file, message, title="missing translation"))
        return 1 if site.problems else 0
    if args.format == "json":
        report = {
            "problems": [problem.as_json() for problem in site.problems],
            "missing_translations": [
                {"page": m.rel, "language": m.lang, "fallback": m.default_path}
                for m in site.missing
            ],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in site.problems:
            print(problem)
        blocks = sum(len(page.blocks) for page in site.pages.values())
        summary = (
            f"{len(site.pages)} pages, {blocks} blocks in {', '.join(site.languages)}: "
            f"{len(site.problems)} problem{'s' if len(site.problems) != 1 else ''}"
        )
        print(summary, file=sys.stderr)
    return 1 if site.problems else 0


def _snapshot(docs: Path) -> dict[Path, int]:
    snapshot = {}
    for page in page_files(docs, []):
        try:
            snapshot[page.path] = page.path.stat().st_mtime_ns
        except OSError:
            snapshot[page.path] = -1  # reported by the check itself
    return snapshot


def _watch(docs: Path, args: argparse.Namespace) -> int:
    """Check again whenever a page changes, until interrupted (editors' background task)."""
    seen: dict[Path, int] | None = None
    try:
        while True:
            current = _snapshot(docs)
            if current != seen:
                seen = current
                print("worksheets: checking", flush=True)
                site = scan_docs(docs, args.default_language, args.languages)
                for problem in site.problems:
                    print(problem, flush=True)
                count = len(site.problems)
                print(f"worksheets: {count} problem{'s' if count != 1 else ''}", flush=True)
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0


def schema_text() -> str:
    """The committed JSON Schema's exact text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    output = Path(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(
                f"{output} is out of date with the model; run "
                f"'python -m worksheets schema --output {output}'",
                file=sys.stderr,
            )
            return 1
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from .formats.documents import BlockPdf
    from .gitinfo import UntrustedCache, trusted_cache
    from .pdf.cache import PdfRenderer
    from .pdf.dates import last_changed
    from .pdf.jobs import PdfError, site_jobs

    docs = _docs_folder("pdf", args.docs)
    if docs is None:
        return 2
    site = scan_docs(docs, args.default_language)
    if site.problems:
        for problem in site.problems:
            print(problem, file=sys.stderr)
        print("worksheets pdf: fix these problems first", file=sys.stderr)
        return 1
    languages = args.languages or site.languages
    unknown = sorted(set(languages) - set(site.languages))
    if unknown:
        print(f"worksheets pdf: no docs for language(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    try:
        dates = last_changed(docs, site.by_path)
        jobs = site_jobs(site, [], dates=dates, site_name=args.site_name, languages=languages)
    except PdfError as error:
        print(f"worksheets pdf: {error}", file=sys.stderr)
        return 1
    if args.ids:
        known = {job.identity.block_id for job in jobs if isinstance(job.identity, BlockPdf)}
        missing = sorted(set(args.ids) - known)
        if missing:
            print(f"worksheets pdf: no block with id: {', '.join(missing)}", file=sys.stderr)
            return 2
        jobs = [
            job
            for job in jobs
            if isinstance(job.identity, BlockPdf) and job.identity.block_id in args.ids
        ]
    jobs = [job for job in jobs if job.identity.lang in languages]
    if args.workers is not None and args.workers < 1:
        print("worksheets pdf: --workers must be 1 or more", file=sys.stderr)
        return 2
    renderer = PdfRenderer(Path(args.cache_dir), args.workers)
    try:
        trusted_cache(Path(args.cache_dir))
        stats = renderer.render(jobs, Path(args.out))
    except (PdfError, UntrustedCache) as error:
        print(f"worksheets pdf: {error}", file=sys.stderr)
        return 1
    finally:
        renderer.close()
    for job in jobs:
        print(Path(args.out) / job.name)
    print(f"{stats.rendered} rendered, {stats.cached} from the cache", file=sys.stderr)
    return 0


def _read_pdf(args: argparse.Namespace) -> int:
    from .pdf.read import PdfReadError, read_answers

    try:
        assessments = read_answers(Path(args.file))
    except PdfReadError as error:
        _complain("read-pdf", f"{args.file}: {error}")
        return 1
    documents = [assessment.as_json() for assessment in assessments]
    result = documents[0] if len(documents) == 1 else documents
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def _report(args: argparse.Namespace) -> int:
    from .pdf.jobs import PdfError, build_date
    from .report.inputs import InputError
    from .report.make import make_report

    docs = _docs_folder("report", args.docs)
    if docs is None:
        return 2
    site = scan_docs(docs, args.default_language)
    if site.problems:
        print(
            f"worksheets report: {docs} has {len(site.problems)} problem(s); blocks with "
            "problems are left out (see `python -m worksheets check`)",
            file=sys.stderr,
        )
    try:
        report, notes = make_report(
            [Path(file) for file in args.files],
            site,
            lang=args.lang,
            output_format=args.format,
            date=build_date(),
            tolerance=args.tolerance,
        )
    except (InputError, PdfError) as error:
        _complain("report", str(error))
        return 1
    for note in notes:
        _complain("report", note)
    if args.out:
        Path(args.out).write_bytes(report)
    else:
        sys.stdout.buffer.write(report)
    return 0


def _new_guide(args: argparse.Namespace) -> int:
    from .render import environment
    from .scan import detect_languages
    from .strings import Strings

    docs = Path(args.docs)
    slug = args.slug
    if not SLUG.match(slug):
        print(f"worksheets new-guide: '{slug}' is not a slug (like 'site-visits')", file=sys.stderr)
        return 2
    languages = detect_languages(docs, args.default_language)
    targets = [docs / lang / f"{slug}.md" for lang in languages]
    existing = [str(target) for target in targets if target.exists()]
    if existing:
        print(f"worksheets new-guide: already there: {', '.join(existing)}", file=sys.stderr)
        return 1
    title = args.title or slug.replace("-", " ").capitalize()
    template = environment().get_template("new_guide.md")
    for lang, target in zip(languages, targets, strict=True):
        strings = Strings(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            template.render(
                slug=slug,
                title=title,
                s=strings,
                scale=strings["new_scale"].split(" | "),
                bands=strings["new_bands"].split(" | "),
                band_mins=[85, 60, 0],
            ),
            encoding="utf-8",
        )
        print(target)
    return 0


def _add_check(commands: Commands) -> None:
    check = commands.add_parser(
        "check",
        help="validate every page (exit 1 and the list of problems when something is wrong)",
    )
    check.add_argument("docs_dir", nargs="?", default="docs", help="docs folder (default: docs)")
    check.add_argument(
        "--default-language", default="en", help="language translations are checked against"
    )
    check.add_argument(
        "--language",
        dest="languages",
        action="append",
        help="a language folder to check (repeat; default: every language folder found)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="github: workflow commands that annotate the pull request's files",
    )
    check.add_argument(
        "--watch",
        action="store_true",
        help="check again whenever a page changes (for an editor's background task)",
    )
    check.add_argument("--interval", type=float, default=1.0, help=argparse.SUPPRESS)
    check.add_argument(
        "--translations",
        action="store_true",
        help="report every page and block by language: present, missing or out of step",
    )
    check.set_defaults(run=_check)


def _add_pdf(commands: Commands) -> None:
    pdf = commands.add_parser(
        "pdf", help="export fillable PDFs (all blocks and booklets, or the given block ids)"
    )
    pdf.add_argument("ids", nargs="*", metavar="ID", help="block ids (default: all, and booklets)")
    pdf.add_argument(
        "--lang", dest="languages", action="append", help="a language (repeat; default: all)"
    )
    pdf.add_argument("--out", default="pdf", help="output folder (default: pdf)")
    pdf.add_argument("--docs", default="docs", help="docs folder (default: docs)")
    pdf.add_argument("--default-language", default="en")
    pdf.add_argument("--site-name", default="BPO Quality Knowledge Base")
    pdf.add_argument("--cache-dir", default=".cache/worksheets")
    pdf.add_argument(
        "--workers", type=int, default=None, help="render processes (default: one per core)"
    )
    pdf.set_defaults(run=_pdf)


def _add_new_guide(commands: Commands) -> None:
    new_guide = commands.add_parser(
        "new-guide", help="write a new guide with a checklist and a worksheet in every language"
    )
    new_guide.add_argument("slug", help="file name without .md, e.g. site-visits")
    new_guide.add_argument("--title", help="the page title (translate it in each file)")
    new_guide.add_argument("--docs", default="docs", help="docs folder (default: docs)")
    new_guide.add_argument("--default-language", default="en")
    new_guide.set_defaults(run=_new_guide)


def _add_read_pdf(commands: Commands) -> None:
    read_pdf = commands.add_parser(
        "read-pdf", help="print the answers of a filled-in PDF as an answers file (JSON)"
    )
    read_pdf.add_argument("file", help="a PDF exported by this site, filled in")
    read_pdf.set_defaults(run=_read_pdf)


def _add_report(commands: Commands) -> None:
    report = commands.add_parser(
        "report",
        help="compare assessments (answers files, bundles, filled PDFs); trends over dates",
    )
    report.add_argument("files", nargs="+", metavar="FILE", help="answers files, bundles, PDFs")
    report.add_argument("--format", choices=FORMATS, default="md", help="default: md")
    report.add_argument("--lang", default="en", help="language of the report (default: en)")
    report.add_argument("--out", help="write to this file instead of standard output")
    report.add_argument("--docs", default="docs", help="docs folder (default: docs)")
    report.add_argument("--default-language", default="en")
    report.add_argument(
        "--tolerance",
        type=_tolerance,
        default=1.0,
        help="scale points evaluators may differ by before a row is flagged (default: 1)",
    )
    report.set_defaults(run=_report)


def _add_schema(commands: Commands) -> None:
    schema = commands.add_parser("schema", help="print or write the front matter's JSON Schema")
    schema.add_argument("--output", help="write to this file instead of printing")
    schema.add_argument(
        "--check", action="store_true", help="exit 1 if --output differs from the model"
    )
    schema.set_defaults(run=_schema)


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m worksheets``."""
    root = argparse.ArgumentParser(
        prog="python -m worksheets",
        description="Check and export the checklists and worksheets of a docs folder.",
    )
    commands = root.add_subparsers(dest="command", required=True)
    for add in (_add_check, _add_pdf, _add_new_guide, _add_read_pdf, _add_report, _add_schema):
        add(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m worksheets`` and the ``worksheets`` script."""
    args = parser().parse_args(argv)
    # pypdf logs what it repairs in a damaged PDF; the commands say it once, in their words.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    return int(args.run(args))
