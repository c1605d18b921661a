#!/usr/bin/env bash
# Runs once when the devcontainer or Codespace is created (postCreateCommand), as the container's user; safe to run
# again. Gives both ways of opening the notebooks what they need:
#   - python3 with ipykernel and Jupyter's client from the distribution's packages, the pinned dotnet-interactive
#     tool, and its Jupyter kernels (.net-csharp, ...) registered: .ci/jupyter-kernel-setup;
#   - the solution built, so every notebook's #r "../src/ConcurrencyLab/bin/ConcurrencyLab.dll" resolves.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/jupyter-kernel-setup

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build Notebooks.sln -nologo -v q >"$log" 2>&1; then
  echo "post-create: dotnet build Notebooks.sln failed" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
echo "built Notebooks.sln; open a notebook in notebooks/ and choose the .NET (C#) kernel (Polyglot Notebooks or Jupyter)"
