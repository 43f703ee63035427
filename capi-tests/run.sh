#!/bin/sh
# Runs the C tests against the built library and prints one line per test and
# a closing "N passed, N failed" line. Exits non-zero when any test failed.
#
# Usage: run.sh BUILD_DIR LIBRARY
set -u

build=$1
library=$(realpath "$2")
passed=0
failed=0

# run NAME EXPECTED_STATUS COMMAND...: passes when COMMAND exits with
# EXPECTED_STATUS. Output is shown only on failure.
run() {
	name=$1
	expected=$2
	shift 2
	output=$("$@" 2>&1)
	status=$?
	if [ "$status" -eq "$expected" ]; then
		passed=$((passed + 1))
		echo "PASS $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name (exit status $status, expected $expected)"
		printf '%s\n' "$output" | sed 's/^/    /'
	fi
}

run "library size, NEEDED, relocations and exports" 0 sh capi-tests/structure.sh "$library"
# The plain C build of bench/ breaks the limits, so the structure test must fail.
run "structure test rejects a plain C build" 1 sh capi-tests/structure.sh "$build/plain.so"
run "constants, messages and nl_perror" 0 "$build/abi"
run "nl_perror long prefixes, errno and NULL stderr" 0 "$build/perror"
run "system libnl answers without preload" 0 "$build/preload" libnl
run "preloaded nlerr shadows libnl" 0 env LD_PRELOAD="$library" "$build/preload" nlerr

# Kernel overflow in a private network namespace: status 2 is NLE_NOMEM with
# errno ENOBUFS, status 0 is NLE_MISSED.
run "kernel overflow with libnl is NLE_NOMEM" 2 "$build/overflow"
run "kernel overflow with preloaded nlerr is NLE_MISSED" 0 env LD_PRELOAD="$library" "$build/overflow"

echo "capi-tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
