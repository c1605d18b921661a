"""Behaviour of .ci/jupyter_notebooks.py, the Jupyter parity driver, against the real .net-csharp kernel.

Run with the Python that has Debian's Jupyter stack, after .ci/jupyter-kernel-setup (or .ci/jupyter-notebooks) has set
things up once:

    /usr/bin/python3 -m unittest discover -s tests/Jupyter -v

Each test writes small notebooks into a scratch folder inside the repository (the kernelspec runs
`dotnet interactive`, which finds the pinned tool through the repository's tool manifest) and removes it after.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import uuid
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

REPO = Path(__file__).resolve().parents[2]
DRIVER = REPO / ".ci" / "jupyter_notebooks.py"
PYTHON = "/usr/bin/python3"


def notebook(*cells, metadata=None):
    """A notebook as Polyglot writes it; each cell is source text or (source, cell metadata)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                   "language_info": {"name": "polyglot-notebook"},
                   "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp",
                                                        "items": [{"aliases": [], "name": "csharp"}]}}}
    nb.metadata.update(metadata or {})
    for cell in cells:
        source, cell_metadata = cell if isinstance(cell, tuple) else (cell, {})
        code_cell = nbformat.v4.new_code_cell(source)
        # Not through new_code_cell(metadata=...): nbformat's schema rejects a numeric execution.timeout in cell
        # metadata, which nbrun and the driver accept.
        code_cell.metadata.update(cell_metadata)
        nb.cells.append(code_cell)
    return nb


def processes_matching(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


class JupyterNotebooksDriverTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        try:
            KernelSpecManager().get_kernel_spec(".net-csharp")
        except NoSuchKernel:
            raise RuntimeError("the .net-csharp kernelspec is not registered: run .ci/jupyter-kernel-setup once "
                               "(or `dotnet tool restore && dotnet tool run dotnet-interactive jupyter install`)")

    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".scratch-", dir=Path(__file__).parent))
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.summary = self.folder / "summary.json"

    def write(self, name: str, nb) -> Path:
        path = self.folder / name
        path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        return path

    def run_driver(self, *arguments: str, timeout: float = 240) -> subprocess.CompletedProcess:
        return subprocess.run([PYTHON, str(DRIVER), *arguments, "--summary", str(self.summary)],
                              capture_output=True, text=True, timeout=timeout, cwd=REPO)

    def summary_of(self, name: str) -> dict:
        summary = json.loads(self.summary.read_text())
        return next(n for n in summary["notebooks"] if n["path"].endswith(name))

    def test_a_passing_notebook_honours_tags_and_leaves_its_file_untouched(self) -> None:
        path = self.write("tags.ipynb", notebook(
            "var greeting = \"hello\";\ngreeting",
            ("throw new System.InvalidOperationException(\"allowed\");", {"tags": ["raises-exception"]}),
            # A skipped cell keeps its metadata: a timeout number there must not fail the executed copy's schema check.
            ("throw new System.InvalidOperationException(\"never run\");",
             {"tags": ["skip-execution"], "execution": {"timeout": 5}}),
            "System.IO.Directory.GetCurrentDirectory()"))
        before = path.read_bytes()

        result = self.run_driver(str(path), "--output", str(self.folder / "out"))

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertIn("PASS", result.stdout)
        self.assertEqual(before, path.read_bytes())
        entry = self.summary_of("tags.ipynb")
        self.assertEqual(("passed", 3, 4), (entry["status"], entry["cells"], entry["code_cells"]))
        executed = nbformat.read(self.folder / "out" / "tags.ipynb", 4)
        self.assertEqual("error", executed.cells[1].outputs[-1].output_type)
        self.assertEqual([], executed.cells[2].outputs)
        working_directory = "".join(o.get("data", {}).get("text/plain", "") for o in executed.cells[3].outputs)
        self.assertIn(str(self.folder), working_directory)

    def test_an_error_cell_fails_the_notebook_and_names_the_cell_and_the_error(self) -> None:
        path = self.write("broken.ipynb", notebook(
            "var ok = 1;",
            "int x = \"not a number\";",
            "Console.WriteLine(\"after the failure\");"))

        result = self.run_driver(str(path))

        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        self.assertIn("FAIL", result.stdout)
        self.assertIn("cell 1 (id ", result.stdout)
        self.assertIn('int x = "not a number";', result.stdout)
        self.assertIn("CS0029", result.stdout)
        entry = self.summary_of("broken.ipynb")
        self.assertEqual(("failed", "error", 1), (entry["status"], entry["failure"]["kind"], entry["failure"]["cell_index"]))
        self.assertEqual(2, entry["cells"])   # the cell after the failure did not run

    def test_a_notebook_that_fails_once_is_retried_when_nbrun_retries_says_so_and_the_summary_tells(self) -> None:
        marker = self.folder / "ran-once"
        path = self.write("flaky.ipynb", notebook(
            f'if (!System.IO.File.Exists(@"{marker}")) {{ System.IO.File.WriteAllText(@"{marker}", ""); '
            'throw new System.Exception("first attempt fails"); }\n"second attempt passes"'))

        result = subprocess.run([PYTHON, str(DRIVER), str(path), "--summary", str(self.summary)], capture_output=True,
                                text=True, timeout=240, cwd=REPO, env={**os.environ, "NBRUN_RETRIES": "1"})

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertIn("retrying", result.stdout)
        entry = self.summary_of("flaky.ipynb")
        self.assertEqual("passed", entry["status"])
        self.assertEqual(1, len(entry["earlier_attempts"]))
        self.assertIn("first attempt fails", entry["earlier_attempts"][0])

    def test_timeouts_come_from_cell_then_notebook_metadata(self) -> None:
        path = self.write("slow.ipynb", notebook(
            ("System.Threading.Thread.Sleep(3000);", {"execution": {"timeout": 60}}),
            "System.Threading.Thread.Sleep(60000);",
            metadata={"execution": {"timeout": 2}}))
        started = time.monotonic()

        result = self.run_driver(str(path), "--timeout", "600")

        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        entry = self.summary_of("slow.ipynb")
        self.assertEqual(("timeout", 1), (entry["failure"]["kind"], entry["failure"]["cell_index"]))
        self.assertIn("2 s timeout", result.stdout)
        self.assertLess(time.monotonic() - started, 60, "the 60 s sleep ran to its end: the timeout did not cut it")

    def test_a_kernel_that_dies_fails_only_its_notebook(self) -> None:
        dying = self.write("a-dies.ipynb", notebook("Environment.FailFast(\"on purpose\");"))
        fine = self.write("b-fine.ipynb", notebook("1 + 1"))

        result = self.run_driver(str(dying), str(fine))

        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        self.assertEqual("kernel died", self.summary_of("a-dies.ipynb")["failure"]["kind"])
        self.assertEqual("passed", self.summary_of("b-fine.ipynb")["status"])

    def test_processes_the_kernel_starts_do_not_outlive_the_run(self) -> None:
        marker = f"{1000 + uuid.uuid4().int % 9000}.25"   # a sleep no one else runs
        path = self.write("spawns.ipynb", notebook(
            # setsid -f: a detached child in a session of its own, no longer the kernel's child or in its group
            f"System.Diagnostics.Process.Start(\"setsid\", \"-f sleep {marker}\").WaitForExit();",
            "System.Threading.Thread.Sleep(300);"))

        result = self.run_driver(str(path))

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertIn(f"sleep {marker}", result.stdout)   # reported as left behind
        self.assertEqual([], processes_matching(f"sleep {marker}"))
        self.assertEqual([f"sleep {marker}"], [p.split(" ", 1)[1].strip()
                                                for p in self.summary_of("spawns.ipynb")["leftover_processes_killed"]])

    def test_sigterm_kills_the_kernel_and_stops_the_run(self) -> None:
        first = self.write("a-hangs.ipynb", notebook("System.Threading.Thread.Sleep(120000);"))
        second = self.write("b-never.ipynb", notebook("1"))
        driver = subprocess.Popen([PYTHON, str(DRIVER), str(first), str(second), "--summary", str(self.summary)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
        self.addCleanup(lambda: driver.poll() is None and driver.kill())
        deadline = time.monotonic() + 60
        kernels: list[int] = []
        while time.monotonic() < deadline and not kernels:
            time.sleep(0.5)
            kernels = [pid for pid in processes_matching("Microsoft.DotNet.Interactive.App.dll jupyter")
                       if str(self.folder) in Path(f"/proc/{pid}/cwd").resolve().as_posix()]
        self.assertTrue(kernels, "no kernel started for the notebook")
        time.sleep(3)   # let the cell start

        driver.send_signal(signal.SIGTERM)
        out, err = driver.communicate(timeout=30)

        self.assertEqual(128 + signal.SIGTERM, driver.returncode, out + err)
        self.assertEqual([], [pid for pid in kernels if Path(f"/proc/{pid}").exists()])
        self.assertEqual("not run", self.summary_of("b-never.ipynb")["status"])

    def test_bad_input_is_named_and_nothing_runs(self) -> None:
        good = self.write("a-good.ipynb", notebook("1"))
        truncated = self.folder / "b-truncated.ipynb"
        truncated.write_text(good.read_text()[:40])

        result = self.run_driver(str(good), str(truncated))

        self.assertEqual(2, result.returncode)
        self.assertIn("b-truncated.ipynb: not JSON", result.stderr)
        self.assertFalse(self.summary.exists(), "a summary was written although nothing ran")

        bad_timeout = self.write("c-timeout.ipynb", notebook(("1", {"execution": {"timeout": "soon"}})))
        result = self.run_driver(str(bad_timeout))
        self.assertEqual(2, result.returncode)
        self.assertIn("$.cells[0].metadata.execution.timeout: expected a number of seconds", result.stderr)

        wrong_type = json.loads(good.read_text())
        wrong_type["cells"][0]["source"] = 42
        wrong = self.folder / "d-wrong-type.ipynb"
        wrong.write_text(json.dumps(wrong_type))
        result = self.run_driver(str(wrong))
        self.assertEqual(2, result.returncode)
        self.assertIn("d-wrong-type.ipynb: $.cells[0]", result.stderr)

    def test_an_unregistered_kernel_is_an_infrastructure_failure(self) -> None:
        path = self.write("elsewhere.ipynb", notebook("1", metadata={
            "kernelspec": {"display_name": "nowhere", "language": "C#", "name": "no-such-kernel"}}))

        result = self.run_driver(str(path))

        self.assertEqual(3, result.returncode)
        self.assertIn("kernel 'no-such-kernel' is not registered", result.stderr)


if __name__ == "__main__":
    unittest.main()
