#!/usr/bin/env bash
# ci-check.sh: a CI job against the Konaplate mock, with the installed packages only
# (npm install --save-dev @konaplate-contract/mock @konaplate-contract/cli; Node.js, bash, curl):
#
#   1. start konaplate-mock, strict (a test-only secret), on a port;
#   2. wait until GET /__konaplate/health answers 200;
#   3. run konaplate conformance --junit <reports>/conformance.xml;
#   4. send one call with a correlation id of our own (-H) and read its entry back from the journal
#      (GET /__konaplate/requests?correlationId=…);
#   5. stop the mock. Exit 0 only when every conformance case passed and the journal holds the call.
#
# Settings, from the environment (defaults in brackets):
#   KONAPLATE_PORT          the mock's port [4010]
#   KONAPLATE_REPORTS       where the JUnit XML, the health and journal answers and the mock's log go
#                           [konaplate-reports]
#   KONAPLATE_MOCK_SECRET   the secret the mock verifies tokens with, and the CLI signs with
#                           [a test-only one]
#   KONAPLATE_MOCK_CMD      how to run the mock [npx --no-install konaplate-mock]
#   KONAPLATE_CMD           how to run the CLI [npx --no-install konaplate]
#   KONAPLATE_WAIT_SECONDS  how long to wait for the mock to be healthy [60]
#   KONAPLATE_CI_OPERATION  the call of step 4 [inquireCardVirtualAccount]
#   KONAPLATE_CI_BODY       its body [{"cardNo":"9491230000000017"}]
set -euo pipefail

port=${KONAPLATE_PORT:-4010}
reports=${KONAPLATE_REPORTS:-konaplate-reports}
secret=${KONAPLATE_MOCK_SECRET:-ci-check-test-only-secret}
wait_seconds=${KONAPLATE_WAIT_SECONDS:-60}
operation=${KONAPLATE_CI_OPERATION:-inquireCardVirtualAccount}
body=${KONAPLATE_CI_BODY:-'{"cardNo":"9491230000000017"}'}
read -r -a mock <<<"${KONAPLATE_MOCK_CMD:-npx --no-install konaplate-mock}"
read -r -a konaplate <<<"${KONAPLATE_CMD:-npx --no-install konaplate}"
base="http://127.0.0.1:${port}"
say() { printf 'ci-check: %s\n' "$*" >&2; }

mkdir -p "$reports"
export KONAPLATE_SECRET_KEY=$secret

# 1. The mock, in a process group of its own (set -m), so stopping it stops npx and its workers too.
set -m
KONAPLATE_MOCK_SECRET=$secret "${mock[@]}" --port "$port" >"$reports/mock.log" 2>&1 &
mock_pid=$!
set +m
stop_mock() {
  kill -TERM -- "-$mock_pid" 2>/dev/null || true
  wait "$mock_pid" 2>/dev/null || true
}
trap stop_mock EXIT

# 2. Healthy: the mock answers GET /__konaplate/health with 200 once it serves.
deadline=$((SECONDS + wait_seconds))
until curl -fs --max-time 2 -o "$reports/health.json" "$base/__konaplate/health" 2>/dev/null; do
  if ! kill -0 "$mock_pid" 2>/dev/null; then
    say "the mock exited before it was healthy; its log: $reports/mock.log"
    tail -n 5 "$reports/mock.log" >&2 || true
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    say "the mock was not healthy at $base/__konaplate/health after ${wait_seconds} s; its log: $reports/mock.log"
    exit 1
  fi
  sleep 0.2
done
say "mock healthy at $base: $(cat "$reports/health.json")"

# 3. Conformance, with a JUnit report for the CI's test view.
conformance=0
"${konaplate[@]}" conformance --base-url "$base" --junit "$reports/conformance.xml" --quiet || conformance=$?

# 4. One call with our own correlation id (the contract's form, taken from a signing), then its journal entry.
correlation_id=$("${konaplate[@]}" sign --body '{}' | sed -n 's/^X-KM-Correlation-Id: //p')
called=0
"${konaplate[@]}" call "$operation" --base-url "$base" --body "$body" \
  -H "X-KM-Correlation-Id: $correlation_id" >"$reports/call.json" || called=$?
curl -fsS --max-time 10 -o "$reports/journal.json" "$base/__konaplate/requests?correlationId=$correlation_id"
journal=0
node -e '
  const [file, id] = process.argv.slice(1);
  const answer = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
  const entries = (Array.isArray(answer) ? answer : answer.requests ?? []).filter((e) => e.correlationId === id);
  if (entries.length === 0) {
    console.error(`ci-check: the journal has no request with correlation id ${id}`);
    process.exit(1);
  }
  const e = entries[0];
  console.error(`ci-check: journal: ${id} ${e.operationId} HTTP ${e.status} ${e.code} (${e.scenario}; signature ${e.signature})`);
' "$reports/journal.json" "$correlation_id" || journal=$?

say "reports in $reports: conformance.xml, health.json, call.json, journal.json, mock.log"
if ((conformance != 0)); then say "conformance failed (exit $conformance)"; fi
if ((called != 0)); then say "the call failed (exit $called)"; fi
((conformance == 0 && called == 0 && journal == 0))
