#!/bin/sh
# Installs nlerr into temporary DESTDIRs with make install and checks:
#
#   - the installed files and links, with the default PREFIX;
#   - a program outside the source tree, built with nothing but the flags of
#     pkg-config --cflags --libs nlerr libnl-route-3.0, gets NLE_MISSED for the
#     kernel overflow, linked against the shared library and statically;
#   - make uninstall leaves the DESTDIR as it was before make install;
#   - PREFIX and LIBDIR move the files, nlerr.pc follows them, and uninstall
#     leaves no file behind.
#
# Prints each problem and exits 1 when there is any.
#
# Usage: install.sh
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cc=${CC:-cc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
	echo "$*"
	failures=$((failures + 1))
}

# Runs make in the source tree without the variables of an enclosing make
# (make test passes its command-line variables down through MAKEFLAGS).
run_make() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u GNUMAKEFLAGS make --no-print-directory -C "$root" "$@"
}

# Lists everything below a directory, links with their targets.
snapshot() {
	(cd "$1" && find . -printf '%p %y %l\n' | sort)
}

version=$(sed -n 's/^version = "\([^"]*\)"$/\1/p' "$root/Cargo.toml")
major=${version%%.*}

# --- Default PREFIX, into a DESTDIR that doubles as the pkg-config sysroot ---

dest="$work/root"
prefix="$dest/usr/local"

# The prefix already contains other software, so that uninstall is checked
# against directories it must keep.
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include" "$prefix/share/man/man3"
touch "$prefix/lib/libother.so" "$prefix/lib/pkgconfig/other.pc" \
	"$prefix/include/other.h" "$prefix/share/man/man3/other.3"

# PKG_CONFIG_SYSROOT_DIR prefixes every package's -I and -L paths, libnl's
# included, so the sysroot gets links to the system's libnl headers and
# libraries at the same places.
libnl_include=$(pkg-config --variable=includedir libnl-3.0)/libnl3
libnl_libdir=$(pkg-config --variable=libdir libnl-3.0)
mkdir -p "$dest$(dirname "$libnl_include")" "$dest$libnl_libdir"
ln -s "$libnl_include" "$dest$libnl_include"
for file in libnl-3.so libnl-route-3.so libnl-3.a libnl-route-3.a; do
	ln -s "$libnl_libdir/$file" "$dest$libnl_libdir/$file"
done

before=$(snapshot "$dest")
if ! run_make install DESTDIR="$dest" >"$work/install.log" 2>&1; then
	fail "make install DESTDIR=$dest failed:"
	sed 's/^/    /' "$work/install.log"
fi

lib="$prefix/lib"
real="$lib/libnlerr.so.$version"
[ -f "$real" ] && [ ! -L "$real" ] || fail "$real is missing or not a regular file"
[ "$(readlink "$lib/libnlerr.so.$major")" = "libnlerr.so.$version" ] ||
	fail "$lib/libnlerr.so.$major is not a link to libnlerr.so.$version"
[ "$(readlink "$lib/libnlerr.so")" = "libnlerr.so.$major" ] ||
	fail "$lib/libnlerr.so is not a link to libnlerr.so.$major"
soname=$(readelf -d -W "$real" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libnlerr.so.$major" ] || fail "SONAME of $real is '$soname', expected libnlerr.so.$major"
[ -f "$lib/libnlerr.a" ] || fail "$lib/libnlerr.a is missing"
cmp -s "$prefix/include/nlerr/netlink/errno.h" "$root/include/netlink/errno.h" ||
	fail "$prefix/include/nlerr/netlink/errno.h differs from include/netlink/errno.h"
cmp -s "$prefix/share/man/man3/nlerr.3" "$root/man/nlerr.3" ||
	fail "$prefix/share/man/man3/nlerr.3 differs from man/nlerr.3"
for function in nl_geterror nl_perror nl_syserr2nlerr; do
	[ "$(cat "$prefix/share/man/man3/$function.3" 2>/dev/null)" = ".so man3/nlerr.3" ] ||
		fail "$prefix/share/man/man3/$function.3 does not point to nlerr.3"
done

export PKG_CONFIG_PATH="$lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$dest"
[ "$(pkg-config --modversion nlerr 2>&1)" = "$version" ] ||
	fail "pkg-config --modversion nlerr is '$(pkg-config --modversion nlerr 2>&1)', expected $version"
flags=$(pkg-config --cflags --libs nlerr libnl-route-3.0) || fail "pkg-config --cflags --libs failed"
static_flags=$(pkg-config --static --cflags --libs nlerr libnl-route-3.0) || fail "pkg-config --static failed"
echo "pkg-config --cflags --libs nlerr libnl-route-3.0: $flags"

# The outside programs: examples/overflow.c, and capi-tests/indirect.c, which
# runs it without calling nlerr's functions itself. Both exit 0 only when
# compiled against nlerr's header (NLE_MISSED defined) and the overflow
# returned -NLE_MISSED.
outside="$work/outside"
mkdir -p "$outside/examples" "$outside/capi-tests"
cp "$root/examples/overflow.c" "$outside/examples/"
cp "$root/capi-tests/indirect.c" "$outside/capi-tests/"

# build NAME SOURCE FLAGS...: compiles in the outside directory.
build() {
	name=$1
	source_file=$2
	shift 2
	if ! (cd "$outside" && "$cc" "$source_file" "$@" -o "$name") >"$work/$name.log" 2>&1; then
		fail "building $name failed:"
		sed 's/^/    /' "$work/$name.log"
	fi
}

# expect_missed NAME: runs a built program, which must exit 0.
expect_missed() {
	output=$(LD_LIBRARY_PATH="$lib" "$outside/$1" 2>&1)
	status=$?
	if [ "$status" -ne 0 ]; then
		fail "$1 exited with status $status, expected 0 (NLE_MISSED):"
		printf '%s\n' "$output" | sed 's/^/    /'
	fi
}

# shellcheck disable=SC2086 # the flags are words
build overflow examples/overflow.c $flags
# shellcheck disable=SC2086
build indirect capi-tests/indirect.c $flags
# shellcheck disable=SC2086
build indirect-static capi-tests/indirect.c -static $static_flags

expect_missed overflow
expect_missed indirect
expect_missed indirect-static

LD_LIBRARY_PATH="$lib" ldd "$outside/overflow" 2>&1 | grep -q "=> $lib/libnlerr.so.$major " ||
	fail "the outside program does not load $lib/libnlerr.so.$major"
readelf -d "$outside/indirect-static" 2>&1 | grep -q '(NEEDED)' &&
	fail "indirect-static has NEEDED entries, so it is not static"

unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

if ! run_make uninstall DESTDIR="$dest" >"$work/uninstall.log" 2>&1; then
	fail "make uninstall DESTDIR=$dest failed:"
	sed 's/^/    /' "$work/uninstall.log"
fi
after=$(snapshot "$dest")
if [ "$after" != "$before" ]; then
	fail "make uninstall did not restore the DESTDIR; differences (< before, > after):"
	printf '%s\n' "$before" >"$work/before"
	printf '%s\n' "$after" >"$work/after"
	diff "$work/before" "$work/after" | grep '^[<>]' | sed 's/^/    /'
fi

# --- PREFIX and LIBDIR, into an empty DESTDIR ---

dest="$work/custom"
if ! run_make install DESTDIR="$dest" PREFIX=/opt/nlerr LIBDIR=/opt/nlerr/lib64 \
	>"$work/custom.log" 2>&1; then
	fail "make install with PREFIX and LIBDIR failed:"
	sed 's/^/    /' "$work/custom.log"
fi
for file in lib64/libnlerr.so.$version lib64/libnlerr.so.$major lib64/libnlerr.so lib64/libnlerr.a \
	lib64/pkgconfig/nlerr.pc include/nlerr/netlink/errno.h share/man/man3/nlerr.3; do
	[ -e "$dest/opt/nlerr/$file" ] || fail "$dest/opt/nlerr/$file is missing"
done

export PKG_CONFIG_PATH="$dest/opt/nlerr/lib64/pkgconfig"
cflags=$(pkg-config --cflags nlerr | sed "s/ *$//")
libs=$(pkg-config --libs nlerr)
[ "$cflags" = "-I/opt/nlerr/include/nlerr" ] ||
	fail "pkg-config --cflags nlerr is '$cflags', expected -I/opt/nlerr/include/nlerr"
case "$libs" in
"-L/opt/nlerr/lib64 "*) ;;
*) fail "pkg-config --libs nlerr is '$libs', expected it to start with -L/opt/nlerr/lib64" ;;
esac
unset PKG_CONFIG_PATH

if ! run_make uninstall DESTDIR="$dest" PREFIX=/opt/nlerr LIBDIR=/opt/nlerr/lib64 \
	>"$work/custom-uninstall.log" 2>&1; then
	fail "make uninstall with PREFIX and LIBDIR failed:"
	sed 's/^/    /' "$work/custom-uninstall.log"
fi
left=$(find "$dest" ! -type d)
[ -z "$left" ] || fail "make uninstall left files behind: $(echo $left)"
[ ! -e "$dest/opt/nlerr/include/nlerr" ] || fail "make uninstall left $dest/opt/nlerr/include/nlerr"

if [ "$failures" -ne 0 ]; then
	echo "install: $failures problems"
	exit 1
fi
echo "install: files, pkg-config builds and uninstall are correct"
