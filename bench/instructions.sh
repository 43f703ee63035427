#!/bin/sh
# Counts instructions with valgrind's callgrind, which executes the program on
# a synthetic CPU and counts every instruction, so the figures do not depend on
# the machine's load:
#
#  - instructions per call of each function in nlerr, the system libnl and the
#    plain C baseline, inclusive of callees (fprintf for nl_perror);
#  - instructions that LD_PRELOAD of each library adds to /bin/true, which is
#    the dynamic loader's work to load, relocate and unload it.
#
# Usage: instructions.sh BUILD_DIR NLERR_LIBRARY PLAIN_LIBRARY
set -eu

build=$1
nlerr=$(realpath "$2")
plain=$(realpath "$3")
libnl=$(pkg-config --variable=libdir libnl-3.0)/libnl-3.so.200
count=$build/count

if [ ! -f "$libnl" ]; then
	echo "instructions.sh: $libnl not found; install libnl-3-200" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# callgrind_total OUT_FILE: prints the instruction total callgrind wrote.
callgrind_total() {
	sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$1"
}

# per_call LIBRARY FUNCTION: prints the instructions per call of FUNCTION.
# callgrind counts only inside FUNCTION and its callees (--toggle-collect).
# Two runs of 10 and 110 passes differ by exactly 100 passes, so one-time
# costs such as the first write to a stream cancel out.
per_call() {
	library=$1
	function=$2

	for passes in 10 110; do
		calls=$(valgrind -q --tool=callgrind --toggle-collect="$function" \
			--callgrind-out-file="$work/count.$passes" \
			"$count" "$library" "$function" "$passes")
		echo "$calls" >"$work/calls.$passes"
	done

	awk -v ir1="$(callgrind_total "$work/count.10")" -v ir2="$(callgrind_total "$work/count.110")" \
		-v calls1="$(cat "$work/calls.10")" -v calls2="$(cat "$work/calls.110")" \
		'BEGIN { printf "%.2f", (ir2 - ir1) / (calls2 - calls1) }'
}

# true_total [LIBRARY]: prints how many instructions /bin/true executes,
# with LIBRARY preloaded when given.
true_total() {
	if [ $# -eq 0 ]; then
		valgrind -q --tool=callgrind --callgrind-out-file="$work/true.out" /bin/true
	else
		LD_PRELOAD=$1 valgrind -q --tool=callgrind --callgrind-out-file="$work/true.out" /bin/true
	fi
	callgrind_total "$work/true.out"
}

# relocation_counts LIBRARY: prints "TOTAL (RELATIVE)" dynamic relocations.
relocation_counts() {
	LC_ALL=C readelf -W --relocs "$1" | awk '
		/^[0-9a-f]+ / { total++ }
		/R_X86_64_RELATIVE/ { relative++ }
		END { printf "%d (%d)", total, relative }'
}

echo "Instructions per call (callgrind; 100 passes over the mixed inputs of bench/inputs.h)"
echo
printf '%-16s %10s %10s %10s\n' function nlerr libnl "plain C"
for function in nl_geterror nl_syserr2nlerr nl_perror; do
	printf '%-16s %10s %10s %10s\n' "$function" \
		"$(per_call "$nlerr" "$function")" \
		"$(per_call "$libnl" "$function")" \
		"$(per_call "$plain" "$function")"
done

# The loader reads LD_PRELOAD character by character, so every library is
# preloaded from a copy under a name of the same length in the same directory.
cp "$nlerr" "$work/nlerr.so"
cp "$libnl" "$work/libnl.so"
cp "$plain" "$work/plain.so"
bare=$(true_total)

echo
echo "Instructions added to /bin/true by LD_PRELOAD (bare /bin/true: $bare)"
echo
printf '%-16s %12s %12s %24s\n' library instructions "file bytes" "relocations (relative)"
for name in nlerr libnl plain; do
	case $name in
	nlerr) label=nlerr ;;
	libnl) label=libnl-3.so.200 ;;
	plain) label="plain C" ;;
	esac
	copy=$work/$name.so
	printf '%-16s %12d %12d %24s\n' "$label" $(($(true_total "$copy") - bare)) \
		"$(wc -c <"$copy")" "$(relocation_counts "$copy")"
done
