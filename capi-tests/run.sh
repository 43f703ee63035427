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

run "constants, messages and nl_perror" 0 "$build/abi"
run "system libnl answers without preload" 0 "$build/preload" libnl
run "preloaded nlerr shadows libnl" 0 env LD_PRELOAD="$library" "$build/preload" nlerr

# Kernel overflow in a private network namespace: status 2 is NLE_NOMEM with
# errno ENOBUFS, status 0 is NLE_MISSED.
run "kernel overflow with libnl is NLE_NOMEM" 2 "$build/overflow"
run "kernel overflow with preloaded nlerr is NLE_MISSED" 0 env LD_PRELOAD="$library" "$build/overflow"

# Cache manager on a real overflow in a private network namespace: status 0
# is caches that match the kernel after resyncs on NLE_MISSED, status 2 is
# caches that went stale.
run "cache resync with preloaded nlerr matches kernel" 0 env LD_PRELOAD="$library" "$build/cache_resync"
run "cache resync with nlerr linked first matches kernel" 0 "$build/cache_resync_linked"
run "cache with libnl alone goes stale" 2 "$build/cache_resync"

# Symbol versioning: exports, SONAME, and a program whose references carry the
# version libnl_3, served by a stand-in library or by preloaded nlerr.
run "exports are the three functions at libnl_3" 0 sh capi-tests/symbols.sh "$library" "$build/versioned"
run "versioned references bind the stand-in" 0 "$build/versioned" standin
run "preloaded nlerr binds versioned references" 0 env LD_PRELOAD="$library" "$build/versioned" nlerr

# Link order without LD_PRELOAD: libnlerr.so.1 ahead of libnl-3.so.200.
run "link order puts libnlerr.so.1 first" 0 sh capi-tests/needed.sh "$build/overflow-linked"
run "kernel overflow linked with -lnlerr first" 0 "$build/overflow-linked"
run "kernel overflow without own calls, --no-as-needed" 0 "$build/indirect-linked"
run "kernel overflow without own calls, --as-needed drops nlerr" 2 "$build/indirect-as-needed"

# Static linking: libnlerr.a ahead of Debian's libnl-3.a.
run "static archive and link map" 0 sh capi-tests/archive.sh "$build/libnlerr.a" "$build/overflow-static.map"
run "kernel overflow linked statically" 0 "$build/overflow-static"
run "kernel overflow without own calls, static" 0 "$build/indirect-static"
run "kernel overflow without own calls, static without --undefined" 2 "$build/indirect-static-plain"

# Install, pkg-config and the man page.
run "install, pkg-config builds and uninstall" 0 sh capi-tests/install.sh
run "man page renders and matches the code" 0 sh capi-tests/man.sh man/nlerr.3

# The header alone, under each C and C++ standard, with gcc and clang.
run "header compiles as C89 to C++17" 0 sh capi-tests/header.sh

echo "capi-tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
