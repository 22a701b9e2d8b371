"""`report SAVE`: the class debrief of a saved game as Markdown, on stdout or in a file."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from game.cli_simulate import unknown_cause
from game.core.engine.wording import counted
from game.core.scenario.errors import LoadError
from game.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


def cmd_report(save: str, output: str | None, what_if: str | None, runs: int, seed: int) -> int:
    """Write the debrief of a save; with `what_if`, a paragraph comparing simulated
    continuations from the saved position with and without that cause. A bad save raises
    LoadError, which the command line prints as one line per problem."""
    from game.core.analysis.class_report import class_report
    from game.core.analysis.report_markdown import to_markdown
    from game.core.classroom import load_saved

    if output is not None:
        clash = output_clash(output, [save], "the debrief")
        if clash:
            print(f"{output}: error: -o {clash}; {OWN_FILE} -o debrief.md", file=sys.stderr)
            return EXIT_USAGE
    try:
        loaded = load_saved(save)
    except LoadError as err:
        print(bad_save_line(save, err), file=sys.stderr)
        return EXIT_PROBLEMS
    if loaded.note is not None:
        print(f"{save}: note: {loaded.note}", file=sys.stderr)
    state = loaded.state
    paragraph = ""
    if what_if is not None:
        problem = unknown_cause(state.scenario, [what_if])
        if problem:
            print(problem.replace("--without", "--what-if"), file=sys.stderr)
            return EXIT_USAGE
        from game.core.analysis.what_if import what_if as compare

        try:
            paragraph = compare(state, what_if, runs, seed).paragraph
        except ValueError as err:  # e.g. the saved game already runs without that cause
            print(f"error: --what-if {what_if}: {err}", file=sys.stderr)
            return EXIT_USAGE
    text = to_markdown(class_report(state), paragraph)
    if output is not None and output.lower().endswith((".html", ".htm")):
        text = to_html(text, state.scenario.title)
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        print(f"{output}: error: cannot write the report: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote the debrief of {save} to {output}", file=sys.stderr)
    return EXIT_OK


SAVE_SUFFIXES = (".yaml", ".yml")
"""What a saved game's or a scenario's file name ends with: the Load screen, `class` and
`play` take a .yaml file for one, so no command writes anything else under such a name."""

OWN_FILE = "give it a file of its own, e.g."
"""How an output refused by `output_clash` goes on."""


def output_clash(output: str, inputs: Iterable[str], what: str) -> str | None:
    """Why a command may not write `what` (its output, e.g. 'the debrief') to the file
    `output`, in words that follow the option's name; None when it may. Never over a file the
    command reads, whatever its name; never over a saved game or scenario (a .yaml or .yml
    file), nor as one. An earlier output (a .md, .html or .csv of a rerun) may be written
    over."""
    from game.core.saves.store import same_file

    target = Path(output)
    if any(same_file(target, Path(name)) for name in inputs):
        return f"would write {what} over a save the command reads"
    suffix = target.suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        return None
    if target.exists():
        return f"would write {what} over a saved game or scenario (a {suffix} file)"
    return f"would write {what} as a {suffix} file, which the game takes for a save or scenario"


def bad_save_line(save: str, err: LoadError) -> str:
    """A bad save in one line: its first problem and how many more there are (a scenario given
    by mistake is one problem, saying what to do with it instead: see saves.format.read_save)."""
    first = str(err.problems[0]) if err.problems else f"{save}: error: not a saved game"
    more = len(err.problems) - 1
    return first + (f" (and {counted(more, 'more problem')})" if more else "")


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Debrief: {title}</title>
<style>
body {{ font: 20px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }}
pre {{ font-size: 16px; line-height: 1.2; background: #f4f4f4; padding: 0.5em; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #999; padding: 0.2em 0.5em; }}
</style>
</head>
<body>
{body}</body>
</html>
"""
"""A page for projection: large type, the charts in a monospaced block."""


def to_html(markdown: str, title: str) -> str:
    """The debrief as an HTML page. Raw HTML in scenario text is shown as text, never run
    (scenario files are untrusted)."""
    import html

    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    return PAGE.format(title=html.escape(title), body=renderer.render(markdown))
