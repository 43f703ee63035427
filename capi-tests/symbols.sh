#!/bin/sh
# Checks the shared library's dynamic symbols, version definitions, SONAME and
# NEEDED entries, and that the versioned test program really references the
# version libnl_3. Prints each problem and exits 1 when there is any.
#
# Usage: symbols.sh LIBRARY VERSIONED_PROGRAM
set -u

library=$1
program=$2
failures=0

fail() {
	echo "$*"
	failures=$((failures + 1))
}

# Defined dynamic symbols as "BIND TYPE VISIBILITY NAME", sorted. Undefined
# ones (imports from libc, weak hooks from the C runtime) are not exports.
exports=$(readelf --dyn-syms -W "$library" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" { print $5, $4, $6, $8 }' | sort)
expected="GLOBAL FUNC DEFAULT nl_geterror@@libnl_3
GLOBAL FUNC DEFAULT nl_perror@@libnl_3
GLOBAL FUNC DEFAULT nl_syserr2nlerr@@libnl_3"
if [ "$exports" != "$expected" ]; then
	fail "exported symbols differ; got:"
	printf '%s\n' "$exports" | sed 's/^/    /'
fi

# The node libnl_3 must be defined, as a plain node after the BASE entry
# (the SONAME).
definitions=$(readelf -V -W "$library" | sed -n 's/.*Flags: \([a-zA-Z]*\) .*Name: \(.*\)$/\1 \2/p')
expected_definitions="BASE libnlerr.so.1
none libnl_3"
if [ "$definitions" != "$expected_definitions" ]; then
	fail "version definitions differ; got:"
	printf '%s\n' "$definitions" | sed 's/^/    /'
fi

dynamic=$(readelf -d -W "$library")
soname=$(printf '%s\n' "$dynamic" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
needed=$(printf '%s\n' "$dynamic" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ "$soname" = "libnlerr.so.1" ] || fail "SONAME is '$soname', expected libnlerr.so.1"
[ "$needed" = "libc.so.6" ] || fail "NEEDED is '$(echo $needed)', expected libc.so.6 alone"

# Programs linked in the build tree look for the SONAME next to the library.
link="$(dirname "$library")/libnlerr.so.1"
if [ ! -e "$link" ] || [ "$(realpath "$link")" != "$(realpath "$library")" ]; then
	fail "$link does not lead to $library"
fi

# Without versioned references the versioned test would prove nothing.
for function in nl_geterror nl_perror nl_syserr2nlerr; do
	readelf --dyn-syms -W "$program" | grep -q " UND $function@libnl_3 " ||
		fail "$program does not reference $function@libnl_3"
done

if [ "$failures" -ne 0 ]; then
	echo "symbols: $failures problems"
	exit 1
fi
echo "symbols: library exports the three functions at libnl_3, SONAME $soname"
