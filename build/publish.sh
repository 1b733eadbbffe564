#!/usr/bin/env bash
# Publishes the runner as one self-contained file for linux-x64, with all five databases'
# migrations compiled in: artifacts/runner/linux-x64/Migrations.Runner (plus appsettings*.json).
# Usage: bash build/publish.sh [runtime-identifier]   (PUBLISH_OUTPUT=DIR writes elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
rid="${1:-linux-x64}"
out="${PUBLISH_OUTPUT:-artifacts/runner/$rid}"
rm -rf "$out"
publish() {
  dotnet publish src/Migrations.Runner/Migrations.Runner.csproj -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -o "$out" --nologo "$@"
}
# ReadyToRun starts faster (an up-to-date run is mostly start-up); it needs the crossgen2 package
# from the feed, so a machine without it still gets the plain single file.
publish -p:PublishReadyToRun=true || { echo "publish.sh: ReadyToRun unavailable, publishing without it" >&2; publish; }
echo "runner published to $out/Migrations.Runner"
