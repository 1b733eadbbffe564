#!/usr/bin/env bash
# Publishes the runner as one self-contained file for linux-x64, with all five databases'
# migrations compiled in: artifacts/runner/linux-x64/Migrations.Runner (plus appsettings*.json).
# Usage: bash build/publish.sh [runtime-identifier]   (PUBLISH_OUTPUT=DIR writes elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
rid="${1:-linux-x64}"
out="${PUBLISH_OUTPUT:-artifacts/runner/$rid}"
rm -rf "$out"
dotnet publish src/Migrations.Runner/Migrations.Runner.csproj -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -o "$out" --nologo
echo "runner published to $out/Migrations.Runner"
