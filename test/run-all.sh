#!/usr/bin/env bash
# Every test of the project (`npm test`): browsers, typecheck, lint and format check, unit tests, both builds, both zips,
# the Firefox add-on linter, and the end-to-end tests in real Chromium and Firefox.
# Every step runs even when an earlier one fails. A vitest step counts its own tests; any other
# step counts as one test. The last line is "N passed, N failed"; the exit status is non-zero if
# anything failed.
set -u
cd "$(dirname "$0")/.."

OUT=test/.tmp
mkdir -p "$OUT"
PASSED=0
FAILED=0
SKIPPED=0
SUMMARY=()

# Quiet npm's own notices (e.g. about user config) inside npx calls.
export npm_config_loglevel=error

banner() { printf '\n===== %s =====\n' "$1"; }

record() { # name passed failed seconds
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-28s %4d passed %4d failed  %5ss' "$1" "$2" "$3" "$4")")
}

# A plain step: one test, passed when the command exits 0.
step() { # name command...
  local name=$1
  shift
  banner "$name"
  local start=$SECONDS
  if "$@"; then record "$name" 1 0 $((SECONDS - start)); else record "$name" 0 1 $((SECONDS - start)); fi
}

# A vitest step: its tests count, read from vitest's JSON report. A run that fails without any
# failed test (e.g. a crash in setup) counts one failure more.
vitest_step() { # name report-file vitest-args...
  local name=$1 report=$2
  shift 2
  banner "$name"
  rm -f "$report"
  local start=$SECONDS
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report"
  local status=$?
  local counts
  counts=$(node -e '
    const fs = require("fs");
    try {
      const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
      console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
    } catch { console.log("0 0 0"); }' "$report")
  local passed failed skipped
  read -r passed failed skipped <<<"$counts"
  # Tests skipped in a failing run were stopped by a failed hook: they did not pass.
  if [ "$status" -ne 0 ]; then
    failed=$((failed + skipped))
    if [ "$failed" -eq 0 ]; then failed=1; fi
  else
    SKIPPED=$((SKIPPED + skipped))
  fi
  record "$name" "$passed" "$failed" $((SECONDS - start))
}

# web-ext lint passes only with no errors and no warnings, but two known ones: pdf.js loads its own
# bundled files (the fake-worker fallback, the image decoders) with a dynamic import() of a computed
# path, which the linter cannot tell is the extension's own file.
lint_firefox() {
  npx web-ext lint --source-dir .output/firefox-mv2 --output json >"$OUT/web-ext-lint.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const m of [...r.errors, ...r.warnings, ...r.notices])
      console.log(`${m._type}: ${m.code} ${m.file ?? ""}${m.line ? ":" + m.line : ""}  ${m.message}`);
    const known = (m) => m.code === "UNSAFE_VAR_ASSIGNMENT" && /Unsafe call to import/.test(m.message) && /(^|\/)(chunks\/pdf-viewer-[^/]+\.js|assets\/pdf\.worker[^/]*\.mjs)$/.test(m.file ?? "");
    const unexpected = r.warnings.filter((m) => !known(m)).length;
    console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings (${r.summary.warnings - unexpected} known, from pdf.js), ${r.summary.notices} notices`);
    process.exit(r.summary.errors + unexpected === 0 ? 0 : 1);' "$OUT/web-ext-lint.json"
}

step "browsers installed" bash test/e2e/ensure-browsers.sh
step "typecheck (tsc --noEmit)" npx tsc --noEmit
step "lint and format (biome check)" npx biome check --max-diagnostics=50 .
vitest_step "unit tests (vitest)" "$OUT/unit.json"
BEFORE_BUILDS=$FAILED
step "build chrome-mv3" npx wxt build
step "build firefox-mv2" npx wxt build -b firefox
step "zip chrome" npx wxt zip
step "zip firefox" npx wxt zip -b firefox
BUILD_FAILURES=$((FAILED - BEFORE_BUILDS))
step "web-ext lint firefox-mv2" lint_firefox
# The zips rebuilt .output just now: the e2e setup builds again only if a build or zip failed.
if [ "$BUILD_FAILURES" -eq 0 ]; then export ZB_E2E_SKIP_BUILD=1; fi
vitest_step "e2e (Chromium, Firefox)" "$OUT/e2e.json" --config test/e2e/vitest.e2e.config.ts

banner "summary"
printf '%s\n' "${SUMMARY[@]}"
[ "$SKIPPED" -eq 0 ] || echo "($SKIPPED tests skipped)"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
