#!/bin/sh
# Checks that a program's NEEDED entries list libnlerr.so.1 before
# libnl-3.so.200, the order in which the dynamic linker then searches them for
# libnl's own call to nl_syserr2nlerr.
#
# Usage: needed.sh PROGRAM
set -u

needed=$(readelf -d -W "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
nlerr_line=$(printf '%s\n' "$needed" | grep -n -x 'libnlerr.so.1' | cut -d: -f1)
libnl_line=$(printf '%s\n' "$needed" | grep -n -x 'libnl-3.so.200' | cut -d: -f1)

if [ -z "$nlerr_line" ] || [ -z "$libnl_line" ] || [ "$nlerr_line" -gt "$libnl_line" ]; then
	echo "NEEDED of $1 does not list libnlerr.so.1 before libnl-3.so.200:"
	printf '%s\n' "$needed" | sed 's/^/    /'
	exit 1
fi
echo "needed: libnlerr.so.1 comes before libnl-3.so.200"
