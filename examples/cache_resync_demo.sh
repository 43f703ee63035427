#!/bin/sh
# Runs the cache resync example with the system libnl alone and then with
# nlerr preloaded, one after the other. Exits non-zero unless the nlerr run's
# caches match the kernel after resynchronising.
#
# Usage: cache_resync_demo.sh CACHE_RESYNC_PROGRAM LIBRARY
set -u

program=$1
library=$(realpath "$2")

echo "libnl's cache manager keeps address and link caches while bursts of address"
echo "changes overflow its socket (private network namespace, addresses on lo only)."
echo
echo "--- system libnl ---"
"$program"
plain_status=$?
echo
echo "--- with LD_PRELOAD=libnlerr.so ---"
LD_PRELOAD="$library" "$program"
nlerr_status=$?
echo

if [ "$nlerr_status" -ne 0 ]; then
	echo "FAILED: the nlerr run did not end with caches that match the kernel (exit status $nlerr_status)." >&2
	exit 1
fi
if [ "$plain_status" -eq 2 ]; then
	echo "libnl reports each overflow as -NLE_NOMEM (\"Out of memory\"), so nothing resynchronises"
	echo "and the caches go stale. nlerr reports -NLE_MISSED, and the resyncs keep the caches"
	echo "in line with the kernel."
else
	echo "NOTE: the run without nlerr exited with status $plain_status, not the expected 2 (stale caches)."
fi
