#!/usr/bin/env bash
# Regenerates the ER diagrams of docs/databases/*.md: the runner's `diagram --migrated --tag Production`
# for each database, written between the doc's <!-- diagram:begin --> and <!-- diagram:end --> lines.
# Needs no database: the schema is built in memory. DiagramDocsTests fails until this has been run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Migrations.Runner --nologo -v q >/dev/null
runner="$PWD/src/Migrations.Runner/bin/Debug/net10.0/Migrations.Runner.dll"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for db in claims filetrack junkquote clearway workspace; do
  doc="docs/databases/$db.md"
  # From a scratch directory, so the embedded default's data/ folder is not made in the repository.
  if ! (cd "$scratch" && dotnet "$runner" diagram --database "$db" --migrated --tag Production --out "$scratch/$db.md" 2>"$scratch/$db.log"); then
    cat "$scratch/$db.log" >&2
    exit 1
  fi
  awk -v diagram="$scratch/$db.md" '
    /^<!-- diagram:begin -->$/ { print; while ((getline line < diagram) > 0) print line; skip = 1; next }
    /^<!-- diagram:end -->$/ { skip = 0 }
    !skip { print }' "$doc" > "$scratch/doc.md"
  cp "$scratch/doc.md" "$doc"
  echo "build/diagrams.sh: $doc" >&2
done
