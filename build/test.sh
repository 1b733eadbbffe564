#!/usr/bin/env bash
# Runs every test: real SQLite files, and a throwaway PostgreSQL cluster the tests start themselves
# (or the server in MIGRATIONS_TEST_POSTGRES). Installs PostgreSQL, sqlite3, pgbouncer and the pinned Supabase CLI first when missing.
# Extra arguments go to `dotnet test` (for example --filter "FullyQualifiedName~Sqlite").
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  missing+=(postgresql)
fi
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
# The PgBouncer fault tests start a real pooler in front of the test cluster.
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
# The filetrack adoption tests run the real Supabase CLI, pinned in build/supabase (npm ci below).
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build/test.sh: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "build/test.sh: need root to install ${missing[*]}; install them or set MIGRATIONS_TEST_POSTGRES" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x build/supabase/node_modules/.bin/supabase ]; then
  npm ci --prefix build/supabase --no-audit --no-fund --loglevel=error
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test Migrations.sln --nologo "$@"
