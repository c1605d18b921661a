#!/usr/bin/python3
"""Regenerates the reference files in this folder with Python's nbformat (the reference writer).

Run from this folder: /usr/bin/python3 generate.py   (Debian: apt-get install python3-nbformat)
The tests only read the files written here; they never need Python.
Every notebook is written with nbformat.write, so its bytes are what Jupyter writes.
"""
import json
import random
import struct

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell


def write(nb, name, validate=True):
    if validate:
        nbformat.validate(nb)
    with open(name, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)


# 1. A C# notebook as Jupyter (dotnet interactive's Jupyter kernel) writes it, executed, with every output type.
jupyter = new_notebook(metadata={
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#",
                      "pygments_lexer": "csharp", "version": "13.0"},
})
jupyter.cells = [
    new_markdown_cell("# Queues and workers\n\nA *bounded* channel with `<T>` & friends — café ☕ 😀.\n", id="intro-01"),
    new_code_cell("var xs = Enumerable.Range(1, 5).ToList();\nConsole.WriteLine(string.Join(\",\", xs));\nxs.Sum()",
                  id="c0ffee01", execution_count=1, outputs=[
        new_output("stream", name="stdout", text="1,2,3,4,5\n"),
        new_output("execute_result", execution_count=1, data={"text/plain": "15", "text/html": "<div class=\"dni-plaintext\"><pre>15</pre></div>"}),
    ]),
    new_code_cell("Console.Error.WriteLine(\"warn\");\nnew { A = 1.5, B = \"x\" }.Display();", id="c0ffee02", execution_count=2, outputs=[
        new_output("stream", name="stderr", text="warn\n"),
        new_output("display_data", data={
            "application/json": {"A": 1.5, "B": "x", "tiny": 1e-05, "huge": 1e+16, "whole": 3.0,
                                 "big": 12345678901234567890, "neg": -0.25, "list": [], "obj": {}, "nested": [1, [2, {"z": None, "t": True, "f": False}]]},
            "application/vnd.custom+json": {"k": [1, 2]},
            "text/plain": "{ A = 1.5, B = x }",
            "image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n<rect width=\"10\" height=\"10\"/>\n</svg>",
            "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
            "application/javascript": "console.log(1);\nconsole.log(2);",
        }, metadata={"isolated": True}),
    ]),
    new_code_cell("throw new InvalidOperationException(\"boom\");", id="c0ffee03", execution_count=3, outputs=[
        new_output("error", ename="System.InvalidOperationException", evalue="boom",
                   traceback=["System.InvalidOperationException: boom", "   at Submission#3.<<Initialize>>d__0.MoveNext()"]),
    ]),
    new_code_cell("", id="empty-code", execution_count=None, outputs=[]),
    new_raw_cell("raw text\nstays raw", id="raw-cell"),
    new_markdown_cell("", id="empty-md"),
]
jupyter.cells[0].attachments = {"pic.png": {"image/png": "iVBORw0KGgo=", "text/plain": "line one\nline two"}}
jupyter.cells[1].metadata = {"tags": ["raises-exception", "slow"], "collapsed": False, "scrolled": "auto",
                             "execution": {"iopub.execute_input": "2026-01-02T03:04:05.678Z"}}
write(jupyter, "jupyter-executed.ipynb")

# 2. A notebook as VS Code Polyglot Notebooks writes it: nested polyglot_notebook metadata,
#    cell kernel names, return values as display_data, nbformat 4.5 ids.
vscode = new_notebook(metadata={
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "polyglot-notebook"},
    "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [
        {"aliases": [], "name": "csharp"},
        {"aliases": [], "languageName": "pwsh", "name": "pwsh"}]}},
})
vscode.cells = [
    new_markdown_cell("## Tasks vs threads\n\nSee [docs](https://example.org/a?b=1&c=2).", id="a1b2c3d4"),
    new_code_cell("#!csharp\nawait Task.Delay(10);\n\"A return value\"", id="77476c72", execution_count=1,
                  metadata={"polyglot_notebook": {"kernelName": "csharp"}}, outputs=[
        new_output("display_data", data={"text/plain": "A return value"}),
    ]),
    new_code_cell("Get-Date", id="0f0f0f0f", execution_count=None,
                  metadata={"dotnet_interactive": {"language": "pwsh"}, "polyglot_notebook": {"kernelName": "pwsh"},
                            "vscode": {"languageId": "polyglot-notebook"}}),
    new_code_cell("Console.WriteLine(\"legacy\");", id="legacy-1", execution_count=None,
                  metadata={"dotnet_interactive": {"language": "fsharp"}}),
    new_code_cell("int Add(int a, int b) => a + b;\n\n\nAdd(1, 2)\n", id="12345678", execution_count=None,
                  metadata={"polyglot_notebook": {"kernelName": "csharp"}}),
]
write(vscode, "vscode-polyglot.ipynb")

# 3. Unexecuted notebook with awkward text: every Python line break, control characters, quotes,
#    surrogate pairs, and metadata keys whose code-point order differs from UTF-16 order.
tricky = new_notebook(metadata={
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "polyglot-notebook"},
    "custom": {"\uff01bang": 1, "\U0001F600smile": 2, "Zed": 3, "alpha": 4, "\u00e9t\u00e9": 5, "": 6, "a b": [1.25, -7, 0.1, 2.5e-10, 6.02e+23]},
})
tricky.cells = [
    new_code_cell("a\r\nb\rc\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l", id="breaks"),
    new_code_cell("tab\there \"quoted\" back\\slash \x01\x07\x1f\x7f </script> & <b>", id="controls"),
    new_code_cell("\n\n", id="newlines-only"),
    new_code_cell("no trailing newline", id="no-trailing"),
    new_markdown_cell("trailing newline\n", id="trailing"),
    new_markdown_cell("😀🎉 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — “quotes” ‘single’ 中文", id="unicode"),
]
write(tricky, "tricky-text.ipynb")

# 4. An unknown output type and unknown cell keys survive.
future = new_notebook(metadata={"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}})
future.cells = [new_code_cell("1", id="future-1", execution_count=1)]
future.cells[0].outputs = [nbformat.from_dict({"output_type": "hologram", "payload": {"x": [1, 2.5]}, "text": ["a\n", "b"]})]
write(future, "unknown-output.ipynb", validate=False)  # the 4.5 schema has no slot for unknown outputs

# 5. Inputs nbformat itself rewrites: compact JSON, joined strings, transient keys, CRLF-free.
#    reads() + writes() gives the expected bytes for our Read + Serialize.
compact = {
    "nbformat": 4, "nbformat_minor": 5,
    "metadata": {"orig_nbformat": 3, "signature": "sha256:x", "orig_nbformat_minor": 1,
                 "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
    "cells": [
        {"id": "m1", "cell_type": "markdown", "metadata": {"trusted": True}, "source": "joined\nsource\n"},
        {"id": "c1", "cell_type": "code", "metadata": {"trusted": False, "tags": []}, "execution_count": 4,
         "source": ["a\n", "b"],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": "one\ntwo\n"},
                     {"output_type": "execute_result", "execution_count": 4, "metadata": {},
                      "data": {"text/plain": ["x\n", "y"], "text/html": "<p>\n</p>", "image/png": ["AAAA\n", "BBBB"]}}]},
        {"id": "r1", "cell_type": "raw", "metadata": {}, "source": ""},
    ],
}
with open("compact-input.ipynb", "w", encoding="utf-8") as f:
    json.dump(compact, f, separators=(",", ":"), ensure_ascii=False)
with open("compact-input.ipynb", encoding="utf-8") as f:
    nb = nbformat.read(f, as_version=4)
write(nb, "compact-expected.ipynb")

# 6. Older minor versions (no ids): the reader must accept them.
for minor in (0, 2, 4):
    old = nbformat.v4.new_notebook()
    old.nbformat_minor = minor
    old.metadata = {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                    "language_info": {"name": "C#"}}
    old.cells = [new_markdown_cell("old"), new_code_cell("1 + 1", execution_count=1, outputs=[
        new_output("execute_result", execution_count=1, data={"text/plain": "2"})])]
    for c in old.cells:
        c.pop("id", None)
    with open(f"v4.{minor}.ipynb", "w", encoding="utf-8") as f:
        f.write(json.dumps(old, sort_keys=True, indent=1, ensure_ascii=False) + "\n")

# 7. Python repr(float) for our double formatter.
rnd = random.Random(42)
values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 3.0, 100.0, 1e15, 1e16, 1e17, 1.5e16, 123456789012345.6,
          1e-4, 1e-5, 0.00012, 1.2345e-5, 5e-324, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 60, 1 / 3, 2 / 3, 9.999999999999999e15]
for _ in range(400):
    values.append(struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0])
for _ in range(400):
    values.append(rnd.uniform(-1, 1) * 10 ** rnd.randint(-20, 25))
with open("float-repr.txt", "w", encoding="utf-8") as f:
    for v in values:
        if v != v or v in (float("inf"), float("-inf")):
            continue
        f.write("%016x %s\n" % (struct.unpack("<Q", struct.pack("<d", v))[0], json.dumps(v)))

# 8. str.splitlines(True) for our split_lines.
pieces = ["a", "bc", " ", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\t", "é", "😀", "\n\r"]
cases = ["", "\n", "one\n", "one\r\ntwo", "\r\n\r\n", "a\rb"]
for _ in range(300):
    cases.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))))
with open("splitlines.json", "w", encoding="utf-8") as f:
    json.dump([[c, c.splitlines(True)] for c in cases], f, ensure_ascii=True, indent=0)

# 9. Random notebooks: random text (line breaks of every kind, control characters, astral characters),
#    random nested metadata with floats, ints, booleans and nulls, and every output type.
POOL = list("abcxyz XYZ019_-.,;:{}[]\"'\\/<>&#") + ["\n", "\r", "\r\n", "\t", "\x00", "\x01", "\x08", "\x0b", "\x0c",
        "\x1b", "\x1c", "\x1e", "\x7f", "\x85", "\u00e9", "\u2028", "\u2029", "\ufeff", "\uff01", "\U0001F600", "\U0001D518"]


def rtext(r, n=25):
    return "".join(r.choice(POOL) for _ in range(r.randint(0, n)))


def rvalue(r, depth=0):
    kind = r.randint(0, 7 if depth < 3 else 4)
    if kind == 0:
        return r.randint(-10**6, 10**6)
    if kind == 1:
        return r.uniform(-1e6, 1e6) * 10 ** r.randint(-30, 30)
    if kind == 2:
        return r.choice([True, False, None])
    if kind in (3, 4):
        return rtext(r, 10)
    if kind in (5, 6):
        return {rtext(r, 6): rvalue(r, depth + 1) for _ in range(r.randint(0, 4))}
    return [rvalue(r, depth + 1) for _ in range(r.randint(0, 4))]


def routput(r, count):
    kind = r.randint(0, 3)
    if kind == 0:
        return new_output("stream", name=r.choice(["stdout", "stderr"]), text=rtext(r).replace("\r", ""))
    if kind == 1:
        return new_output("error", ename=rtext(r, 8), evalue=rtext(r).replace("\r", ""),
                          traceback=[rtext(r).replace("\r", "") for _ in range(r.randint(0, 3))])
    data = {"text/plain": rtext(r).replace("\r", "")}
    if r.random() < 0.5:
        data["text/html"] = rtext(r).replace("\r", "")
    if r.random() < 0.5:
        data["application/json"] = rvalue(r)
    if r.random() < 0.3:
        data["image/png"] = "iVBORw0KGgo" + "A" * r.randint(0, 20)
    if kind == 2:
        return new_output("display_data", data=data, metadata={"k": rvalue(r)} if r.random() < 0.3 else {})
    return new_output("execute_result", data=data, execution_count=count)


for n in range(12):
    r = random.Random(1000 + n)
    nb = new_notebook(metadata={"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                                "language_info": {"name": "polyglot-notebook"}, "extra": rvalue(r)})
    for i in range(r.randint(1, 6)):
        cell_id = "fz%d-%d" % (n, i)
        if r.random() < 0.6:
            count = i + 1 if r.random() < 0.7 else None
            outputs = [routput(r, count or 1) for _ in range(r.randint(0, 3))] if count else []
            cell = new_code_cell(rtext(r, 60), id=cell_id, execution_count=count, outputs=outputs)
        elif r.random() < 0.7:
            cell = new_markdown_cell(rtext(r, 60), id=cell_id)
        else:
            cell = new_raw_cell(rtext(r, 30), id=cell_id)
        if r.random() < 0.5:
            cell.metadata = {"tags": ["t%d" % i], "custom": rvalue(r)}
        nb.cells.append(cell)
    write(nb, "random-%02d.ipynb" % n)
