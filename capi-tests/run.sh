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

# The README's overflow check, under each header, with and without nlerr.
run "overflow check, libnl header, libnl alone" 0 "$build/missed_check_libnl"
run "overflow check, libnl header, nlerr preloaded" 0 env LD_PRELOAD="$library" "$build/missed_check_libnl"
run "overflow check, nlerr header, libnl alone" 0 "$build/missed_check_nlerr"
run "overflow check, nlerr header, nlerr preloaded" 0 env LD_PRELOAD="$library" "$build/missed_check_nlerr"

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

# run_shown NAME EXPECTED_STATUS COMMAND...: like run, but shows the output on
# success too, for tests whose output is a report.
run_shown() {
	run "$@"
	if [ "$status" -eq "$2" ]; then
		printf '%s\n' "$output" | sed 's/^/    /'
	fi
}

# Hostile callers. The side-by-side programs dlopen nlerr from $library and
# the system libnl, and compare the two.
run_shown "every int against libnl" 0 "$build/every_input" "$library"
run "nl_perror byte for byte against libnl" 0 "$build/perror_compare" "$library"
run_shown "nl_perror with stderr in unusual states" 0 "$build/stderr_states" "$library"
run "errno kept by all three functions" 0 "$build/errno_kept"

# overflow prints errno as read right after nl_recvmsgs_default failed. It
# exits 0 only for NLE_MISSED, and the C locale's text for ENOBUFS follows.
run "overflow under nlerr keeps errno ENOBUFS" 0 sh -c \
	'output=$(LD_PRELOAD="$1" "$2") && printf "%s\n" "$output" | grep -q "^errno: .*(No buffer space available)\$"' \
	sh "$library" "$build/overflow"

run "8 threads write whole lines" 0 "$build/threads"
run "calls from a signal handler" 0 "$build/signals"
run_shown "no heap allocation" 0 "$build/heap"

# AddressSanitizer and UndefinedBehaviorSanitizer instrument the test
# programs, not nlerr's Rust code, but the sanitizer's interceptors also check
# the memory that nlerr passes to libc, such as the prefix nl_perror hands to
# fprintf. libnl's nl_perror crashes with a NULL stderr, so that call is
# skipped here and under valgrind. The INT_MIN ranges check nlerr's results
# for INT_MIN.
asan=$build/asan
run "abi under ASan+UBSan" 0 "$asan/abi"
run "preload under ASan+UBSan" 0 env LD_PRELOAD="$library" "$asan/preload" nlerr
run "ints near 0 under ASan+UBSan" 0 "$asan/every_input" "$library" -2000000 2000000
run "ints near INT_MIN under ASan+UBSan" 0 "$asan/every_input" "$library" -2147483648 -2147000000
run "perror byte for byte under ASan+UBSan" 0 "$asan/perror_compare" "$library"
run "stderr states under ASan+UBSan" 0 "$asan/stderr_states" "$library" --skip-libnl-null-stderr
run "errno under ASan+UBSan" 0 "$asan/errno_kept"
run "threads under ASan+UBSan" 0 "$asan/threads"
run "signal handler under ASan+UBSan" 0 "$asan/signals"
run "overflow with libnl under ASan+UBSan" 2 "$asan/overflow"
run "overflow with nlerr under ASan+UBSan" 0 env LD_PRELOAD="$library" "$asan/overflow"

# valgrind runs the uninstrumented programs and checks every instruction,
# nlerr's included. Forked children are checked too and exit with 99 on an
# error. Only definite leaks count: children killed by SIGPIPE on purpose
# leave the loader's blocks "possibly lost". heap is left out because valgrind
# replaces the allocator whose calls it counts.
memcheck="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-possibly-lost=no --fair-sched=yes"
run "abi under memcheck" 0 $memcheck "$build/abi"
run "preload under memcheck" 0 env LD_PRELOAD="$library" $memcheck "$build/preload" nlerr
run "ints near 0 under memcheck" 0 $memcheck "$build/every_input" "$library" -200000 200000
run "ints near INT_MIN under memcheck" 0 $memcheck "$build/every_input" "$library" -2147483648 -2147400000
run "perror byte for byte under memcheck" 0 $memcheck "$build/perror_compare" "$library"
run "stderr states under memcheck" 0 $memcheck "$build/stderr_states" "$library" --skip-libnl-null-stderr
run "errno under memcheck" 0 $memcheck "$build/errno_kept"
run "threads under memcheck" 0 $memcheck "$build/threads" 1000
run "signal handler under memcheck" 0 $memcheck "$build/signals" 300
run "overflow with nlerr under memcheck" 0 env LD_PRELOAD="$library" $memcheck "$build/overflow"
run "threads under helgrind" 0 valgrind -q --tool=helgrind --error-exitcode=99 --fair-sched=yes "$build/threads" 1000

echo "capi-tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
