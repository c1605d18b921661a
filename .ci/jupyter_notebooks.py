#!/usr/bin/python3
"""Execute notebooks with Jupyter's own client (nbclient) against their Jupyter kernel: the path JupyterLab and
VS Code's Jupyter extension take. A parity check for nbrun, which drives the same dotnet-interactive tool over stdio.

Each notebook runs from an in-memory copy (the file is never written) in a fresh kernel whose working directory is
the notebook's folder, one notebook after another. Per-cell timeouts follow nbrun: cell metadata
``execution.timeout``, else notebook metadata ``execution.timeout``, else ``--timeout`` (seconds; 0 or less means
none). nbclient's own tags hold: ``raises-exception`` permits an error in its cell, ``skip-execution`` skips the cell.

Exit codes, as nbrun's: 0 all passed; 1 a notebook failed (an error cell, a timeout, a dead kernel, an executed
notebook that does not validate); 2 bad input or usage; 3 infrastructure (a kernel that is not registered or does not
start); 130/143 interrupted by SIGINT/SIGTERM.

Run it with the Python that has Debian's Jupyter stack (/usr/bin/python3); .ci/jupyter-notebooks sets everything up.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import datetime
import json
import math
import os
import re
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import jupyter_client
    import nbclient
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
except ImportError as missing:
    sys.exit(f"jupyter_notebooks.py: {missing.name} is not importable by {sys.executable}: install python3-nbclient, "
             "jupyter-client, python3-nbformat and python3-ipykernel (Debian/Ubuntu), or run .ci/jupyter-notebooks, "
             "which does.")

# jsonschema names the failing path (fastjsonschema, nbformat's default when installed, does not).
os.environ.setdefault("NBFORMAT_VALIDATOR", "jsonschema")

EXIT_PASSED, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INFRASTRUCTURE = 0, 1, 2, 3
REPO = Path(__file__).resolve().parent.parent


class BadInput(Exception):
    """A notebook or option the run cannot use; the message names the file and the JSON path."""


# ---------------------------------------------------------------------------------------------------------------
# Input


@dataclass
class LoadedNotebook:
    path: Path
    notebook: nbformat.NotebookNode
    kernel_name: str


def collect_paths(arguments: list[str]) -> list[Path]:
    """Files as given; folders give their *.ipynb files (not recursive, as nbrun), sorted by name."""
    paths: list[Path] = []
    for argument in arguments or [str(REPO / "notebooks")]:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(p for p in path.glob("*.ipynb") if p.is_file()))
        elif path.is_file():
            paths.append(path)
        else:
            raise BadInput(f"{argument}: no such file or folder")
    if not paths:
        raise BadInput(f"no notebooks in {', '.join(arguments) or REPO / 'notebooks'}")
    return [p.resolve() for p in paths]


def json_path(parts) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def load_notebook(path: Path, kernel_specs: KernelSpecManager) -> LoadedNotebook:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read: {error}") from error
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}: not JSON: {error.msg} at line {error.lineno} column {error.colno}") from error
    if not isinstance(raw, dict):
        raise BadInput(f"{path}: $: expected a notebook object, got {type(raw).__name__}")
    cells = raw.get("cells")
    for index, cell in enumerate(cells if isinstance(cells, list) else []):
        if isinstance(cell, dict):
            cell_timeout(raw, cell, index, default=0.0, path=path)   # every bad timeout before anything runs
    try:
        nbformat.validate(without_cell_timeouts(raw))
    except nbformat.ValidationError as error:
        raise BadInput(f"{path}: {json_path(error.absolute_path)}: {error.message}") from error
    notebook = nbformat.reads(text, as_version=4)
    kernel_name = notebook.metadata.get("kernelspec", {}).get("name")
    if not kernel_name:
        raise BadInput(f"{path}: $.metadata.kernelspec.name: missing; nbclient needs it to choose a kernel")
    try:
        kernel_specs.get_kernel_spec(kernel_name)
    except NoSuchKernel as error:
        raise NoSuchKernelForNotebook(
            f"{path}: kernel '{kernel_name}' is not registered with Jupyter (looked in "
            f"{', '.join(kernel_specs.kernel_dirs)}); register it with `dotnet tool run dotnet-interactive jupyter "
            "install`") from error
    return LoadedNotebook(path, notebook, kernel_name)


def without_cell_timeouts(raw: dict) -> dict:
    """The notebook without cell-level execution.timeout numbers, for the schema check. nbrun and this driver read
    that key (checked separately), but nbformat's schema wants every cell metadata.execution value to be a string
    (nbclient's timestamps), which "30" is and 30 is not. Notebook-level metadata is free-form."""
    copy = json.loads(json.dumps(raw))
    for cell in copy.get("cells", []) if isinstance(copy.get("cells"), list) else []:
        metadata = cell.get("metadata") if isinstance(cell, dict) else None
        execution = metadata.get("execution") if isinstance(metadata, dict) else None
        if isinstance(execution, dict):
            execution.pop("timeout", None)
    return copy


class NoSuchKernelForNotebook(Exception):
    """The notebook's kernelspec is not registered: an infrastructure failure, not bad input."""


def cell_timeout(notebook, cell, index: int, default: float, path: Path) -> float | None:
    """Seconds for this cell, or None for no limit. Cell metadata wins over notebook metadata over the default."""
    for metadata, where in ((cell.get("metadata", {}), f"$.cells[{index}].metadata"),
                            (notebook.get("metadata", {}), "$.metadata")):
        execution = metadata.get("execution") if isinstance(metadata, dict) else None   # else the schema check says
        if not isinstance(execution, dict) or "timeout" not in execution:
            continue
        seconds = execution["timeout"]
        if isinstance(seconds, str):   # a cell's execution values must be strings to pass nbformat's schema
            try:
                seconds = float(seconds)
            except ValueError:
                pass
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
            raise BadInput(f"{path}: {where}.execution.timeout: expected a number of seconds (or a string holding "
                           f"one), got {execution['timeout']!r}")
        return seconds if seconds > 0 else None
    return default if default > 0 else None


# ---------------------------------------------------------------------------------------------------------------
# Processes: every process the kernel starts dies with its notebook


class ProcessSweeper:
    """Kills what a kernel leaves behind. On Linux this process becomes a child subreaper, so whatever a kernel
    starts, even a daemon that detached from it, stays a descendant of ours and can be found in /proc."""

    def __init__(self) -> None:
        self.linux = Path("/proc/self/stat").exists()
        if self.linux:
            PR_SET_CHILD_SUBREAPER = 36
            libc = ctypes.CDLL(None, use_errno=True)
            self.linux = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0

    def descendants(self) -> dict[int, str]:
        """Every process below this one, with its state letter (Z: exited, waiting to be reaped)."""
        if not self.linux:
            return {}
        children: dict[int, list[tuple[int, str]]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # After the command name, which is in parentheses and may contain anything: state, ppid, ...
            state, parent = stat[stat.rindex(")") + 2:].split()[:2]
            children.setdefault(int(parent), []).append((int(entry.name), state))
        found: dict[int, str] = {}
        pending = [os.getpid()]
        while pending:
            for child, state in children.get(pending.pop(), []):
                found[child] = state
                pending.append(child)
        return found

    def settle(self, seconds: float) -> None:
        """Waits up to `seconds` for descendants to finish exiting: a kernel SIGKILLed a moment ago is still being
        torn down, and should not be counted as left behind."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = self.descendants()
            for pid, state in found.items():
                if state == "Z":
                    try:
                        os.waitpid(pid, os.WNOHANG)
                    except ChildProcessError:
                        pass
            if all(state == "Z" for state in found.values()):
                return
            time.sleep(0.02)

    def kill_all(self) -> list[str]:
        """SIGKILLs every live descendant, reaps what became our children, and names the processes it had to
        kill ("pid command"), not counting those that had already exited and only waited to be reaped."""
        found = self.descendants()
        killed = []
        for pid, state in found.items():
            if state == "Z":
                continue
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                command = "?"
            try:
                os.kill(pid, signal.SIGKILL)
                killed.append(f"{pid} {command.strip()[:200]}")
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        pending = set(found)
        while pending and time.monotonic() < deadline:
            for pid in list(pending):
                try:
                    if os.waitpid(pid, os.WNOHANG) != (0, 0):
                        pending.discard(pid)
                except ChildProcessError:   # not our child (its parent reaps it): done once /proc forgets it
                    if not Path(f"/proc/{pid}").exists():
                        pending.discard(pid)
            if pending:
                time.sleep(0.02)
        return killed


# ---------------------------------------------------------------------------------------------------------------
# One notebook


@dataclass
class Failure:
    kind: str                     # "error", "timeout", "kernel died", "kernel did not start", "invalid output"
    cell_index: int | None = None
    cell_id: str | None = None
    first_line: str = ""
    ename: str = ""
    evalue: str = ""
    details: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"kind": self.kind, "cell_index": self.cell_index, "cell_id": self.cell_id,
                "first_line": self.first_line, "ename": self.ename, "evalue": self.evalue, "details": self.details}


@dataclass
class NotebookResult:
    path: Path
    status: str = "not run"       # "passed", "failed", "not run"
    wall_seconds: float = 0.0
    kernel_ready_seconds: float | None = None
    cells_executed: int = 0
    code_cells: int = 0
    cell_seconds: list[dict] = field(default_factory=list)
    failure: Failure | None = None
    leftover_processes: list[str] = field(default_factory=list)
    earlier_attempts: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"path": display_path(self.path), "status": self.status, "wall_seconds": round(self.wall_seconds, 3),
                "kernel_ready_seconds": None if self.kernel_ready_seconds is None else round(self.kernel_ready_seconds, 3),
                "cells": self.cells_executed, "code_cells": self.code_cells, "cell_seconds": self.cell_seconds,
                "failure": self.failure.as_json() if self.failure else None,
                "leftover_processes_killed": self.leftover_processes, "earlier_attempts": self.earlier_attempts}


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def first_source_line(cell) -> str:
    line = next((l.strip() for l in cell.source.splitlines() if l.strip()), "")
    return line if len(line) <= 100 else line[:97] + "..."


DIAGNOSTIC = re.compile(r"^\s*\(\d+,\d+\): error \w+\d+:")


def failure_from_cell(kind: str, cell, index: int, ename: str = "", evalue: str = "") -> Failure:
    """The cell's own error output wins over the reply's: the Jupyter kernel puts the same ename/evalue in both,
    but compile errors say only "compilation error" there; their diagnostics come as a stderr stream."""
    outputs = cell.get("outputs", [])
    error = next((o for o in outputs if o.get("output_type") == "error"), None)
    if error is not None:
        ename, evalue = error.get("ename", ename), error.get("evalue", evalue)
    details = [line.strip() for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"
               for line in o.get("text", "").splitlines() if DIAGNOSTIC.match(line)]
    return Failure(kind, index, cell.get("id"), first_source_line(cell), ename, evalue, details[:10])


class KernelGroupFile:
    """Names the running kernel's process group in the file $JUPYTER_NOTEBOOKS_PGID_FILE, so that the calling
    script can kill the kernel even if this process is killed outright (SIGKILL, out of memory) and cannot."""

    def __init__(self) -> None:
        name = os.environ.get("JUPYTER_NOTEBOOKS_PGID_FILE")
        self.path = Path(name) if name else None

    def record(self, pgid: int | None) -> None:
        if self.path is not None and pgid is not None:
            self.path.write_text(f"{pgid}\n")

    def clear(self) -> None:
        if self.path is not None:
            self.path.write_text("")


class RecordingNotebookClient(nbclient.NotebookClient):
    """nbclient's client, which also names the kernel's process group as soon as the kernel is launched."""

    def __init__(self, notebook, group_file: KernelGroupFile, **options) -> None:
        super().__init__(notebook, **options)
        self._group_file = group_file

    async def async_start_new_kernel(self, **kwargs) -> None:
        await super().async_start_new_kernel(**kwargs)
        provisioner = getattr(self.km, "provisioner", None)
        self._group_file.record(getattr(provisioner, "pgid", None))


class NotebookExecution:
    """Runs one notebook in nbclient, in a thread of its own so that signals stay with the main thread (nbclient
    installs SIGINT/SIGTERM handlers only when it runs on the main thread)."""

    def __init__(self, loaded: LoadedNotebook, options, kernel_log: Path, group_file: KernelGroupFile) -> None:
        self.loaded = loaded
        self.group_file = group_file
        self.options = options
        self.kernel_log = kernel_log
        self.result = NotebookResult(loaded.path)
        self.executed = None
        self._current_index: int | None = None
        self._cell_started = 0.0
        self._error: BaseException | None = None
        self._started = 0.0
        self._kernel_launched = False
        self.timeouts: list[float | None] = []

    # nbclient hooks ------------------------------------------------------------------------------------------
    def _on_notebook_start(self, notebook) -> None:
        self.result.kernel_ready_seconds = time.monotonic() - self._started

    def _on_cell_execute(self, cell, cell_index) -> None:
        self._current_index = cell_index
        self._cell_started = time.monotonic()

    def _on_cell_executed(self, cell, cell_index, execute_reply) -> None:
        self.result.cells_executed += 1
        self.result.cell_seconds.append({"index": cell_index, "id": cell.get("id"),
                                         "seconds": round(time.monotonic() - self._cell_started, 3)})

    # ---------------------------------------------------------------------------------------------------------
    def run(self) -> None:
        notebook = nbformat.from_dict(json.loads(json.dumps(self.loaded.notebook)))   # a copy to fill in
        self.executed = notebook
        self.result.code_cells = sum(1 for c in notebook.cells if c.cell_type == "code")
        path = self.loaded.path
        # Read before nbclient runs: with record_timing it replaces each cell's metadata.execution by timestamps.
        self.timeouts = [cell_timeout(self.loaded.notebook, cell, index, self.options.timeout, path)
                         for index, cell in enumerate(self.loaded.notebook.cells)]
        # nbclient hands timeout_func the cell object: find its index by identity (equal cells may repeat).
        index_of = {id(cell): index for index, cell in enumerate(notebook.cells)}
        self._started = time.monotonic()
        try:
            client = RecordingNotebookClient(
                notebook,
                self.group_file,
                kernel_name=self.loaded.kernel_name,
                timeout=None,
                timeout_func=lambda cell: self.timeouts[index_of[id(cell)]],
                startup_timeout=math.ceil(self.options.startup_timeout),
                shutdown_kernel="immediate",        # SIGKILL to the kernel's process group: no 5 s grace to wait out
                allow_errors=False,
                record_timing=True,
                resources={"metadata": {"path": str(path.parent)}},
                on_notebook_start=self._on_notebook_start,
                on_cell_execute=self._on_cell_execute,
                on_cell_executed=self._on_cell_executed,
            )
            with open(self.kernel_log, "wb") as log:
                self._kernel_launched = True
                asyncio.run(client.async_execute(stdout=log, stderr=log))
        except BaseException as error:   # judged in finish(), on the main thread
            self._error = error
        self.result.wall_seconds = time.monotonic() - self._started

    def finish(self, interrupted: bool) -> NotebookResult:
        """Turns what happened into a status; validates the executed copy."""
        result, notebook, error = self.result, self.executed, self._error
        index = self._current_index
        cell = notebook.cells[index] if index is not None else None
        if interrupted:
            result.failure = Failure("interrupted", index, cell.get("id") if cell else None,
                                     first_source_line(cell) if cell else "")
        elif error is not None and self._kernel_launched and result.kernel_ready_seconds is None:
            result.failure = Failure("kernel did not start", None, None, "", type(error).__name__, str(error),
                                     self._log_tail())
        elif isinstance(error, CellTimeoutError):
            limit = self.timeouts[index]
            result.failure = Failure("timeout", index, cell.get("id"), first_source_line(cell),
                                     "Timeout", f"the cell ran longer than its {limit:g} s timeout")
        elif isinstance(error, CellExecutionError):
            result.failure = failure_from_cell("error", cell, index, error.ename, error.evalue)
        elif isinstance(error, DeadKernelError):
            result.failure = Failure("kernel died", index, cell.get("id") if cell else None,
                                     first_source_line(cell) if cell else "", "DeadKernelError",
                                     "the kernel process ended while the cell ran", self._log_tail())
        elif error is not None:
            result.failure = Failure("runner error", index, cell.get("id") if cell else None,
                                     first_source_line(cell) if cell else "", type(error).__name__, str(error))
        else:
            result.failure = self._unexpected_error_output() or self._validation_failure()
        result.status = "failed" if result.failure else "passed"
        return result

    def _unexpected_error_output(self) -> Failure | None:
        """An error output in a cell not tagged raises-exception fails the notebook even if the reply said ok."""
        for index, cell in enumerate(self.executed.cells):
            if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
                continue
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                return failure_from_cell("error", cell, index)
        return None

    def _validation_failure(self) -> Failure | None:
        try:
            nbformat.validate(without_cell_timeouts(self.executed))   # a skipped cell keeps its timeout number
        except nbformat.ValidationError as error:
            return Failure("invalid output", None, None, "", "ValidationError",
                           f"{json_path(error.absolute_path)}: {error.message}")
        return None

    def _log_tail(self) -> list[str]:
        try:
            lines = self.kernel_log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []
        return [l for l in lines if l.strip()][-15:]


# ---------------------------------------------------------------------------------------------------------------
# The run


class Interruption:
    """SIGINT/SIGTERM/SIGHUP: kill the running kernel's tree at once, stop after the current notebook."""

    def __init__(self, sweeper: ProcessSweeper) -> None:
        self.signal: int | None = None
        self._sweeper = sweeper
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._handle)

    def _handle(self, signum, frame) -> None:
        self.signal = signum
        self._sweeper.kill_all()


def print_result(result: NotebookResult, out) -> None:
    name = display_path(result.path)
    if result.status == "passed":
        print(f"PASS  {name}  {result.wall_seconds:6.1f} s  ({result.cells_executed} cells, kernel ready "
              f"{result.kernel_ready_seconds:.1f} s)", file=out, flush=True)
    else:
        print_failure(result, out)
    for process in result.leftover_processes:
        print(f"      killed a process the kernel left behind: {process}", file=out, flush=True)
    if result.earlier_attempts:
        print(f"      on attempt {len(result.earlier_attempts) + 1}; earlier: {'; '.join(result.earlier_attempts)}", file=out, flush=True)


def print_failure(result: NotebookResult, out) -> None:
    name = display_path(result.path)
    failure = result.failure
    print(f"FAIL  {name}  {result.wall_seconds:6.1f} s  {failure.kind}", file=out, flush=True)
    if failure.cell_index is not None:
        print(f"      cell {failure.cell_index} (id {failure.cell_id}): {failure.first_line}", file=out)
    if failure.ename or failure.evalue:
        evalue_lines = failure.evalue.strip().splitlines() or [""]
        print(f"      {failure.ename}: {evalue_lines[0]}", file=out)
    for line in failure.details:
        print(f"      | {line}", file=out)
    out.flush()


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def parse_arguments(argv: list[str]):
    parser = argparse.ArgumentParser(
        prog="jupyter_notebooks.py",
        description="Execute notebooks with nbclient against their Jupyter kernel; fail on any error cell.")
    parser.add_argument("paths", nargs="*", help="notebooks or folders of notebooks (default: notebooks/)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="per-cell timeout in seconds when no execution.timeout metadata sets one; 0 = none "
                             "(default 120)")
    parser.add_argument("--startup-timeout", type=float, default=60.0,
                        help="seconds to wait for a kernel to answer (default 60)")
    parser.add_argument("--summary", type=Path, help="write a JSON summary here (per notebook: status, wall "
                                                     "seconds, cells)")
    parser.add_argument("--output", type=Path, help="write the executed notebooks and each kernel's log here")
    options = parser.parse_args(argv)
    if options.startup_timeout <= 0:
        parser.error("--startup-timeout must be a positive number of seconds")
    return options


def main(argv: list[str]) -> int:
    options = parse_arguments(argv)
    os.environ.setdefault("DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT", "1")
    os.environ.setdefault("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
    os.environ.setdefault("DOTNET_NOLOGO", "1")
    kernel_specs = KernelSpecManager()
    try:
        loaded = [load_notebook(path, kernel_specs) for path in collect_paths(options.paths)]
    except BadInput as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except NoSuchKernelForNotebook as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INFRASTRUCTURE
    if options.output is not None:
        names = [n.path.name for n in loaded]
        clashes = sorted({name for name in names if names.count(name) > 1})
        if clashes:
            print(f"error: --output {options.output}: several notebooks are named {', '.join(clashes)}; run them "
                  "separately", file=sys.stderr)
            return EXIT_BAD_INPUT

    # Like nbrun's NBRUN_RETRIES: a notebook that fails runs again from the start, and the summary says it did
    # (the tool's #!connect jupyter rarely waits for good for ipykernel's first reply).
    try:
        retries = int(os.environ.get("NBRUN_RETRIES", "0").strip() or "0")
    except ValueError:
        print(f"error: the environment variable NBRUN_RETRIES must be a whole number from 0 to 5; got {os.environ['NBRUN_RETRIES']!r}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not 0 <= retries <= 5:
        print(f"error: the environment variable NBRUN_RETRIES must be a whole number from 0 to 5; got {retries}", file=sys.stderr)
        return EXIT_BAD_INPUT

    sweeper = ProcessSweeper()
    group_file = KernelGroupFile()
    interruption = Interruption(sweeper)
    kernels = {n.kernel_name: kernel_specs.get_kernel_spec(n.kernel_name) for n in loaded}
    for name, spec in kernels.items():
        print(f"kernel {name}: {' '.join(spec.argv)}  ({spec.resource_dir})", flush=True)
    started_at = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    log_dir = options.output or Path(tempfile.mkdtemp(prefix="jupyter-notebooks-"))
    log_dir.mkdir(parents=True, exist_ok=True)
    results: list[NotebookResult] = []
    run_started = time.monotonic()
    try:
        for item in loaded:
            if interruption.signal is not None:
                results.append(NotebookResult(item.path))
                continue
            earlier: list[str] = []
            for attempt in range(1 + retries):
                # Each attempt starts from the notebook as read, in a new kernel.
                attempt_item = item if attempt == 0 else load_notebook(item.path, kernel_specs)
                execution = NotebookExecution(attempt_item, options, log_dir / (item.path.stem + ".kernel.log"), group_file)
                worker = threading.Thread(target=execution.run, name=f"nbclient {item.path.name}", daemon=True)
                worker.start()
                while worker.is_alive():
                    worker.join(0.2)   # short joins keep the main thread free to take signals
                result = execution.finish(interruption.signal is not None)
                sweeper.settle(1.0)
                result.leftover_processes = sweeper.kill_all()
                group_file.clear()
                if result.status != "failed" or attempt == retries or interruption.signal is not None:
                    break
                reason = result.failure.as_json() if result.failure else {}
                earlier.append(f"attempt {attempt + 1}: cell {reason.get('cell_index')} {reason.get('kind', 'failed')}: "
                               f"{reason.get('ename', '')} {reason.get('evalue', '')}".strip())
                print(f"retrying {display_path(item.path)}: {earlier[-1]}", flush=True)
            result.earlier_attempts = earlier
            results.append(result)
            if options.output and execution.executed is not None:
                text = nbformat.writes(execution.executed)
                write_atomically(options.output / item.path.name, text if text.endswith("\n") else text + "\n")
            print_result(result, sys.stdout)
    finally:
        sweeper.kill_all()
        if options.output is None:
            for log in log_dir.glob("*.kernel.log"):
                log.unlink(missing_ok=True)
            log_dir.rmdir()

    total = time.monotonic() - run_started
    passed = sum(1 for r in results if r.status == "passed")
    failed = sum(1 for r in results if r.status == "failed")
    not_run = len(results) - passed - failed
    print(f"{passed} passed, {failed} failed" + (f", {not_run} not run" if not_run else "")
          + f" in {total:.1f} s (nbclient {nbclient.__version__}, jupyter_client {jupyter_client.__version__}; "
          f"1-minute load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after, {os.cpu_count()} cores)")
    if options.summary:
        summary = {
            "runner": "nbclient", "nbclient": nbclient.__version__, "jupyter_client": jupyter_client.__version__,
            "kernels": {name: {"argv": spec.argv, "resource_dir": spec.resource_dir} for name, spec in kernels.items()},
            "started": started_at.isoformat(timespec="seconds"), "cpu_count": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "default_timeout_seconds": options.timeout, "wall_seconds": round(total, 3),
            "passed": passed, "failed": failed, "not_run": not_run,
            "notebooks": [r.as_json() for r in results],
        }
        write_atomically(options.summary, json.dumps(summary, indent=1) + "\n")
    if interruption.signal is not None:
        return 128 + interruption.signal
    if any(r.failure and r.failure.kind == "kernel did not start" for r in results):
        return EXIT_INFRASTRUCTURE
    return EXIT_FAILED if failed else EXIT_PASSED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
