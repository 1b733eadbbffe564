#!/usr/bin/env bash
# Benchmark: the published runner on five up-to-date PostgreSQL databases (a deploy with nothing
# to do). Starts a throwaway cluster on a free loopback port, migrates the five databases once,
# then times RUNS runs of `migrate --database all` and prints the median and the fastest.
# Target (issue 13): no slower than the old single file's 1.0 s; knex's one-database run is 0.41 s.
# Usage: bash build/bench-up-to-date.sh [runs]    (RUNNER=path skips the publish step)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
runner="${RUNNER:-}"
if [ -z "$runner" ]; then
  bash build/publish.sh >/dev/null
  runner=artifacts/runner/linux-x64/Migrations.Runner
fi

bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
work=$(mktemp -d)
chown postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$bin/initdb -D $work/data -U postgres -A trust >/dev/null"
as_pg "$bin/pg_ctl -D $work/data -o '-p $port -k $work -c listen_addresses=127.0.0.1' -l $work/log -w start >/dev/null"
trap 'as_pg "$bin/pg_ctl -D $work/data -m immediate stop >/dev/null" || true; rm -rf "$work"' EXIT

for db in claims filetrack junkquote clearway workspace; do
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db" >/dev/null
  export "ConnectionStrings__$db=Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
done
export Migrations__Databases__workspace__Provider=postgres
"$runner" migrate --environment Production --backup "$work/backups" >/dev/null 2>&1

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$runner" migrate --environment Production --backup "$work/backups" >/dev/null 2>&1
  times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "up-to-date migrate, five PostgreSQL databases, %d runs: median %.3f s, fastest %.3f s\n", NR, a[int((NR+1)/2)] / 1000, a[1] / 1000}'
