#!/usr/bin/env bash
# The whole test suite, in order of cost: type check, lint, unit, integration on PGlite, the same
# integration tests on PostgreSQL when TEST_DATABASE_URL is set, then browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
n=0
# vitest with its usual output plus a JSON report, summed up at the end
vt() { n=$((n + 1)); npx vitest run --reporter=default --reporter=json --outputFile.json="$results/$n.json" "$@"; }

step "type check"
npx tsc -p tsconfig.json --noEmit

step "lint"
npx eslint .

step "unit tests"
vt --project unit

step "integration tests (PGlite)"
TEST_DATABASE_URL= vt --project int

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests (PostgreSQL: ${TEST_DATABASE_URL%%\?*})"
  vt --project int
else
  step "integration tests (PostgreSQL): skipped, TEST_DATABASE_URL is not set"
fi

step "web build"
npx vite build --config web/vite.config.ts --logLevel warn

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "browser tests (Chromium)"
  vt --project browser
else
  step "browser tests: skipped, no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium)"
  [ -n "${CI:-}" ] && { echo "CI needs Chromium"; exit 1; }
fi
echo
node -e '
  const fs = require("fs"); let p = 0, f = 0, s = 0;
  for (const file of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests; s += r.numPendingTests + (r.numTodoTests || 0);
  }
  console.log(`Tests: ${p} passed, ${f} failed, ${s} skipped`);
' "$results"
