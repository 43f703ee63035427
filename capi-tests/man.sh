#!/bin/sh
# Checks the man page: it renders without warnings, and its tables match the
# code: the error codes in src/table.rs and the errno translation in
# src/lib.rs. Prints each problem and exits 1 when there is any.
#
# Usage: man.sh MAN_PAGE
set -u

page=$1
root=$(cd "$(dirname "$0")/.." && pwd)
failures=0

fail() {
	echo "$*"
	failures=$((failures + 1))
}

# groff's own check, and man's, which also fits the page to 80 columns.
warnings=$(groff -t -ww -z -man "$page" 2>&1)
[ -z "$warnings" ] || fail "groff warns: $warnings"
warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man warns: $warnings"

# Each code is a table row "VALUE<tab>NAME<tab>MESSAGE". The message of
# NLE_MISSED ends with a space, which a table cell cannot show, so trailing
# spaces are not compared.
tab=$(printf '\t')
codes=$(sed -n 's/^ *\([0-9][0-9]*\) *\(NLE_[A-Z_]*\) *"\(.*\)",$/\1\t\2\t\3/p' "$root/src/table.rs" | sed 's/ *$//')
[ -n "$codes" ] || fail "no codes found in src/table.rs"
printf '%s\n' "$codes" | while IFS= read -r row; do
	grep -qxF "$row" "$page" || echo "missing code row: $row"
done | grep . && fail "the code table differs from src/table.rs"

# Each arm "libc::EXXX => NLE_YYY," of nl_syserr2nlerr must appear in a row
# whose first cell names EXXX and whose second cell starts with NLE_YYY.
arms=$(sed -n 's/^ *libc::\(E[A-Z]*\) => \(NLE_[A-Z_]*\),$/\1 \2/p' "$root/src/lib.rs")
[ -n "$arms" ] || fail "no errno translations found in src/lib.rs"
printf '%s\n' "$arms" | while read -r errno code; do
	grep -qE "^([A-Z, ]*, )?$errno(, [A-Z, ]*)?$tab$code( |\$)" "$page" ||
		echo "missing translation: $errno -> $code"
done | grep . && fail "the errno table differs from src/lib.rs"
grep -qE "^any other value.*${tab}NLE_FAILURE\$" "$page" ||
	fail "the errno table lacks the NLE_FAILURE default"

if [ "$failures" -ne 0 ]; then
	echo "man: $failures problems"
	exit 1
fi
echo "man: renders cleanly, $(printf '%s\n' "$codes" | wc -l) codes and $(printf '%s\n' "$arms" | wc -l) translations match"
