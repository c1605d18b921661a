"""The committed notebooks read highlighted in nbconvert, and still carry what Polyglot Notebooks reads and writes.

nbconvert picks its lexer from metadata.language_info.pygments_lexer, then .name. Polyglot writes name
"polyglot-notebook" (and resets it on every save), which Pygments does not know: the code came out plain. The
notebooks keep that name and add the C# lexer, a field Polyglot leaves alone.

    /usr/bin/python3 -m unittest discover -s tests/Jupyter -v
"""

from __future__ import annotations

import unittest
import warnings
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from pygments.lexers import get_lexer_by_name

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


class Highlighting(unittest.TestCase):
    def test_there_are_notebooks(self):
        self.assertGreaterEqual(len(NOTEBOOKS), 13)

    def test_every_notebook_names_a_lexer_pygments_knows_and_keeps_polyglots_name(self):
        for path in NOTEBOOKS:
            with self.subTest(notebook=path.name):
                info = nbformat.read(path, as_version=4).metadata.get("language_info", {})
                self.assertEqual(info.get("name"), "polyglot-notebook")
                self.assertEqual(get_lexer_by_name(info["pygments_lexer"]).name, "C#")

    def test_nbconvert_highlights_csharp_keywords_without_a_lexer_warning(self):
        for path in NOTEBOOKS:
            with self.subTest(notebook=path.name):
                with warnings.catch_warnings(record=True) as raised:
                    warnings.simplefilter("always")
                    body, _ = HTMLExporter().from_notebook_node(nbformat.read(path, as_version=4))
                self.assertEqual([str(w.message) for w in raised if "lexer" in str(w.message).lower()], [])
                # Pygments marks C# keywords ("using", "var", "new") with class "k" or "kd".
                self.assertRegex(body, r'<span class="k[d]?">(using|var|new)</span>')


if __name__ == "__main__":
    unittest.main()
