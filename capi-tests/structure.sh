#!/bin/sh
# Checks the structure of the built shared library: what every process that
# loads it pays for in file size, dynamic relocations and symbol lookups.
# These are properties of the file, not timings, so they are exact.
#
# Usage: structure.sh LIBRARY
#
# The release profile strips the library (Cargo.toml sets strip = true), so
# the file checked here is the one that ships.
set -u

library=$1
passed=0
failed=0

# Largest allowed file size in bytes.
MAX_SIZE=8192

# Dynamic relocations the library may carry. The message table and the errno
# table contain offsets and bytes, not pointers, so they need none. The library
# is linked without the C startup files (see build.rs), so it has no init or
# fini array either, and no R_X86_64_RELATIVE relocation at all. The five
# allowed relocations are R_X86_64_GLOB_DAT entries for the C library symbols
# that nl_perror uses: __errno_location, stderr and fwrite, and flockfile and
# funlockfile, which hold the stream's lock across the pieces of a line
# longer than its stack buffer.
# A new relocation
# means a new import or a pointer in static data, so reconsider the change
# before raising a bound.
MAX_RELATIVE=0
MAX_RELOCATIONS=5

pass() {
	passed=$((passed + 1))
}

fail() {
	failed=$((failed + 1))
	echo "structure: $*"
}

if [ ! -f "$library" ]; then
	echo "structure: $library not found; run make first"
	exit 1
fi

# One readelf call prints the section headers, the dynamic section, the
# relocations and the dynamic symbol table. A failed call stops the test, so
# that missing output is never read as "nothing found".
if ! elf=$(LC_ALL=C readelf -W --section-headers --dynamic --relocs --dyn-syms "$library" 2>&1); then
	echo "structure: readelf failed on $library:"
	printf '%s\n' "$elf" | sed 's/^/    /'
	exit 1
fi

# Size of the stripped file.
size=$(wc -c <"$library")
if [ "$size" -le "$MAX_SIZE" ]; then
	pass
else
	fail "file size is $size bytes, the limit is $MAX_SIZE"
fi

if printf '%s\n' "$elf" | grep -q ' \.symtab '; then
	fail "the library has a .symtab section, so it is not stripped"
else
	pass
fi

# The only DT_NEEDED entry is the C library: no libgcc_s, no libpthread.
needed=$(printf '%s\n' "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p' | tr '\n' ' ')
if [ "$needed" = "libc.so.6 " ]; then
	pass
else
	fail "DT_NEEDED is \"$needed\", expected \"libc.so.6 \""
fi

soname=$(printf '%s\n' "$elf" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')
if [ "$soname" = "libnlerr.so.1" ]; then
	pass
else
	fail "SONAME is \"$soname\", expected \"libnlerr.so.1\""
fi

# A text relocation makes the loader write to code pages, which then stop
# being shared between processes. It shows as DT_TEXTREL or as the TEXTREL
# flag in DT_FLAGS.
if printf '%s\n' "$elf" | grep -q '(TEXTREL)\|(FLAGS).*TEXTREL'; then
	fail "the library has text relocations"
else
	pass
fi

# readelf prints one line per relocation of .rela.dyn and .rela.plt, each
# starting with the 16-digit offset. On failure the first ten are listed.
relocation_lines=$(printf '%s\n' "$elf" | grep -E '^[0-9a-f]{16} ')
relative_count=$(printf '%s\n' "$relocation_lines" | grep -c 'R_X86_64_RELATIVE')
relocation_count=$(printf '%s\n' "$relocation_lines" | grep -c .)
if [ "$relative_count" -le "$MAX_RELATIVE" ]; then
	pass
else
	fail "$relative_count R_X86_64_RELATIVE relocations, at most $MAX_RELATIVE allowed"
fi
if [ "$relocation_count" -le "$MAX_RELOCATIONS" ]; then
	pass
else
	fail "$relocation_count dynamic relocations, at most $MAX_RELOCATIONS allowed"
fi
if [ "$relative_count" -gt "$MAX_RELATIVE" ] || [ "$relocation_count" -gt "$MAX_RELOCATIONS" ]; then
	printf '%s\n' "$relocation_lines" | head -n 10 | sed 's/^/    /'
fi

# The defined symbols in .dynsym (section index other than UND) are the
# exported ones. They must be exactly the three functions in the libnl_3
# version node.
exported=$(printf '%s\n' "$elf" |
	awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" { print $8 }' | sort | tr '\n' ' ')
expected="nl_geterror@@libnl_3 nl_perror@@libnl_3 nl_syserr2nlerr@@libnl_3 "
if [ "$exported" = "$expected" ]; then
	pass
else
	fail "exported symbols are \"$exported\", expected \"$expected\""
fi

echo "structure: $size bytes, $relocation_count dynamic relocations ($relative_count relative), NEEDED $needed"
echo "structure: $passed checks passed, $failed failed"
[ "$failed" -eq 0 ]
