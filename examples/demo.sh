#!/bin/sh
# Runs the overflow program with the system libnl alone and then with nlerr
# preloaded, and prints the two results side by side. Exits non-zero unless
# the nlerr run reports NLE_MISSED.
#
# Usage: demo.sh OVERFLOW_PROGRAM LIBRARY
set -u

program=$1
library=$(realpath "$2")
plain=$(mktemp)
preloaded=$(mktemp)
trap 'rm -f "$plain" "$preloaded"' EXIT

"$program" >"$plain" 2>&1
plain_status=$?
LD_PRELOAD="$library" "$program" >"$preloaded" 2>&1
nlerr_status=$?

echo "A netlink socket with a tiny receive buffer misses address events"
echo "(private network namespace, addresses on lo only)."
echo
printf '%-55s %s\n' "--- system libnl ---" "--- with LD_PRELOAD=libnlerr.so ---"
paste -d '\n' "$plain" "$preloaded" | while IFS= read -r left && IFS= read -r right; do
	printf '%-55s %s\n' "$left" "$right"
done
echo

if [ "$nlerr_status" -ne 0 ]; then
	echo "FAILED: the nlerr run did not report NLE_MISSED (exit status $nlerr_status)." >&2
	exit 1
fi
if [ "$plain_status" -eq 2 ]; then
	echo "libnl reports the overflow as -NLE_NOMEM (\"Out of memory\"); nlerr reports -NLE_MISSED."
else
	echo "NOTE: the run without nlerr exited with status $plain_status, not the expected 2."
fi
