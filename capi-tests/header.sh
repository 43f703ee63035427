#!/bin/sh
# Compiles capi-tests/header_only.c, which includes only nlerr's
# <netlink/errno.h>, under each C and C++ standard the header supports, with
# gcc and with clang and warnings as errors. Prints one line per compilation
# and exits 1 when any failed.
#
# Usage: header.sh
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
source_file="$root/capi-tests/header_only.c"
warnings="-Wall -Wextra -Werror -pedantic -Wundef -Wshadow"
c_warnings="-Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition"
cxx_warnings="-Wold-style-cast"
passed=0
failed=0

# compile COMPILER LANGUAGE STANDARD EXTRA_WARNINGS
compile() {
	if output=$("$1" -x "$2" -std="$3" $warnings $4 -I"$root/include" \
		-c "$source_file" -o /dev/null 2>&1); then
		passed=$((passed + 1))
		echo "ok     $1 -std=$3"
	else
		failed=$((failed + 1))
		echo "FAILED $1 -std=$3"
		printf '%s\n' "$output" | sed 's/^/    /'
	fi
}

for compiler in gcc clang; do
	for standard in c89 c99 c11; do
		compile "$compiler" c "$standard" "$c_warnings"
	done
done
for compiler in g++ clang++; do
	for standard in c++98 c++11 c++17; do
		compile "$compiler" c++ "$standard" "$cxx_warnings"
	done
done

echo "header: $passed compilations passed, $failed failed"
[ "$failed" -eq 0 ]
