#!/bin/sh
# Checks the static library for C programs and a program linked with it ahead
# of Debian's libnl-3.a. Prints each problem and exits 1 when there is any.
#
#   - the archive contains one object, which defines the three functions under
#     plain names and nothing else, and needs only symbols of the C library;
#   - the link map shows that the program took nlerr's object and not the
#     libnl-3.a member that defines the same functions;
#   - a shared library can embed the archive.
#
# Usage: archive.sh ARCHIVE LINK_MAP
set -u

archive=$1
map=$2
cc=${CC:-cc}
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
	echo "$*"
	failures=$((failures + 1))
}

# Prints "MEMBER BIND VISIBILITY NDX NAME" for every non-local symbol of every
# member of an archive, NDX being UND for undefined symbols.
archive_symbols() {
	readelf -sW "$1" | awk '
		/^File: / { member = $2; sub(/.*\(/, "", member); sub(/\)$/, "", member); next }
		$1 ~ /^[0-9]+:$/ && $5 != "LOCAL" { print member, $5, $6, $7, $8 }'
}

symbols=$(archive_symbols "$archive")
members=$(ar t "$archive")
[ "$(printf '%s\n' "$members" | wc -l)" -eq 1 ] ||
	fail "$archive contains $(printf '%s\n' "$members" | wc -l) members, expected 1: $(echo $members)"

defined=$(printf '%s\n' "$symbols" | awk '$4 != "UND" { print $2, $3, $5 }' | sort)
expected="GLOBAL DEFAULT nl_geterror
GLOBAL DEFAULT nl_perror
GLOBAL DEFAULT nl_syserr2nlerr"
if [ "$defined" != "$expected" ]; then
	fail "symbols defined by $archive differ; got:"
	printf '%s\n' "$defined" | sed 's/^/    /'
fi

# Every undefined symbol must come from the C library, so that the archive
# links with any C toolchain and pulls nothing from other Rust libraries.
libc=$("$cc" -print-file-name=libc.so.6)
libc_exports=$(readelf --dyn-syms -W "$libc" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" { sub(/@.*/, "", $8); print $8 }')
for symbol in $(printf '%s\n' "$symbols" | awk '$4 == "UND" { print $5 }'); do
	printf '%s\n' "$libc_exports" | grep -qx "$symbol" ||
		fail "$archive needs $symbol, which $libc does not define"
done

# The link map opens with the archive members that the linker took, one
# "ARCHIVE(MEMBER)" line each, followed by an indented line with the reason.
taken=$(awk '
	/^Archive member included/ { inside = 1; next }
	/^(As-needed|Allocating|Discarded|Memory Configuration|Linker script)/ { inside = 0 }
	inside && /^[^ \t]/ { print }' "$map")
taken_from_nlerr=$(printf '%s\n' "$taken" | grep -c "libnlerr\.a(")
[ "$taken_from_nlerr" -eq 1 ] || fail "$map shows $taken_from_nlerr members of libnlerr.a, expected 1"

libnl_archive=$("$cc" -print-file-name=libnl-3.a)
libnl_member=$(archive_symbols "$libnl_archive" | awk '$4 != "UND" && $5 == "nl_syserr2nlerr" { print $1 }')
if [ -z "$libnl_member" ]; then
	fail "no member of $libnl_archive defines nl_syserr2nlerr, so the map check proves nothing"
elif printf '%s\n' "$taken" | grep -qF "libnl-3.a($libnl_member)"; then
	fail "the program took $libnl_member from $libnl_archive as well"
fi
printf '%s\n' "$taken" | grep -q "libnl-3\.a(" || fail "$map shows no member of libnl-3.a: was libnl linked statically?"

# A shared library that embeds the archive exports the functions as its own.
if "$cc" -shared -o "$work/embedded.so" -Wl,--undefined=nl_syserr2nlerr "$archive" >"$work/link.log" 2>&1; then
	readelf --dyn-syms -W "$work/embedded.so" | grep -q ' nl_syserr2nlerr$' ||
		fail "a shared library linked with $archive does not export nl_syserr2nlerr"
else
	fail "linking a shared library with $archive failed:"
	sed 's/^/    /' "$work/link.log"
fi

if [ "$failures" -ne 0 ]; then
	echo "archive: $failures problems"
	exit 1
fi
echo "archive: one object with the three functions, linked ahead of $libnl_member"
