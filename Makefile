# nlerr: build, test and demo.
#
#   make          build target/release/libnlerr.so and libnlerr.a
#   make demo     show the kernel overflow with libnl and with nlerr
#   make test     Rust unit tests and the C tests in capi-tests/
#   make header   regenerate include/netlink/errno.h from src/
#   make bench    time and count instructions against libnl (not in test)
#
# demo and test install missing Debian packages when run as root, and
# otherwise stop with the apt-get command to run.

CC ?= cc
CARGO ?= cargo
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Werror

RELEASE := target/release
LIBRARY := $(RELEASE)/libnlerr.so
ARCHIVE := $(RELEASE)/libnlerr.a
BUILD := target/c

# Debian packages for the demo, and the extra ones the tests need: readelf,
# objcopy, strip and ar (binutils); C and C++ compilers for the header checks;
# groff and man for the man page; libc.a for the fully static link of the
# install test; gcc-12's sanitizer runtimes; valgrind for memcheck and helgrind.
DEMO_PACKAGES := libnl-3-dev libnl-route-3-dev pkg-config
TEST_PACKAGES := $(DEMO_PACKAGES) binutils gcc g++ clang groff-base man-db libc6-dev \
	libasan8 libubsan1 valgrind

# Deferred (=) so that pkg-config runs only after the packages are present.
LIBNL_CFLAGS = $(shell pkg-config --cflags libnl-3.0)
LIBNL_LIBS = $(shell pkg-config --libs libnl-3.0)
LIBNL_ROUTE_CFLAGS = $(shell pkg-config --cflags libnl-3.0 libnl-route-3.0)
LIBNL_ROUTE_LIBS = $(shell pkg-config --libs libnl-3.0 libnl-route-3.0)

# nlerr's include/ comes first so that <netlink/errno.h> is nlerr's header.
NLERR_CFLAGS = -Iinclude $(LIBNL_CFLAGS)
NLERR_LIBS = -L$(RELEASE) -Wl,-rpath,$(abspath $(RELEASE)) -lnlerr

RUST_SOURCES := Cargo.toml Cargo.lock build.rs $(wildcard src/*.rs)

.PHONY: all library header rust-toolchain demo test rust-test capi-test demo-packages \
	test-packages clean

all: library

library: $(LIBRARY)

# The library's SONAME is libnlerr.so.1, so programs linked against it look
# for that name at run time: the link lets them run from the build tree.
$(LIBRARY) $(ARCHIVE) &: $(RUST_SOURCES) | rust-toolchain
	$(CARGO) build --release --locked
	ln -sf libnlerr.so $(RELEASE)/libnlerr.so.1

header: | rust-toolchain
	NLERR_WRITE_HEADER=1 $(CARGO) build --release --locked

# Rust comes from rustup rather than from Debian, whose rustc (1.63 in
# Debian 12) is older than Cargo.toml's rust-version, so a missing cargo stops
# the build with that advice. cargo itself rejects a toolchain that is too old.
rust-toolchain:
	@command -v $(CARGO) >/dev/null 2>&1 || { \
		echo "cargo not found in PATH: nlerr needs Rust 1.90 or later." >&2; \
		echo "Install it with rustup (https://rustup.rs), then run make again." >&2; \
		exit 1; }

# Installs the named Debian packages that are missing, or, when not root,
# stops with the command that installs them.
define require_packages
	@missing=""; \
	for package in $(1); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'ok installed' \
			|| missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing missing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages:$$missing" >&2; \
			echo "Install them with: sudo apt-get update && sudo apt-get install -y$$missing" >&2; \
			exit 1; \
		fi; \
	fi
endef

demo-packages:
	$(call require_packages,$(DEMO_PACKAGES))

test-packages:
	$(call require_packages,$(TEST_PACKAGES))

# --- Programs ---------------------------------------------------------------

$(BUILD)/overflow: examples/overflow.c include/netlink/errno.h | demo-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(LIBNL_ROUTE_LIBS) -o $@

$(BUILD)/cache_resync: examples/cache_resync.c include/netlink/errno.h | demo-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(LIBNL_ROUTE_LIBS) -o $@

# The same program with nlerr linked before libnl instead of preloaded.
$(BUILD)/cache_resync_linked: examples/cache_resync.c include/netlink/errno.h $(LIBRARY) | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(NLERR_LIBS) $(LIBNL_ROUTE_LIBS) -o $@

$(BUILD)/abi: capi-tests/abi.c capi-tests/system_codes.c capi-tests/check.h capi-tests/capture.h capi-tests/code_names.h capi-tests/system_codes.h $(LIBRARY) | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) -c capi-tests/system_codes.c -o $(BUILD)/system_codes.o
	$(CC) $(CFLAGS) $(WARNINGS) $(NLERR_CFLAGS) capi-tests/abi.c $(BUILD)/system_codes.o $(NLERR_LIBS) -ldl -o $@

$(BUILD)/preload: capi-tests/preload.c capi-tests/check.h capi-tests/capture.h | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) $< $(LIBNL_LIBS) -ldl -o $@

# The README's missed_events() check, built against each header and linked
# against the system libnl-3 only.
$(BUILD)/missed_check_libnl: capi-tests/missed_check.c capi-tests/check.h | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) $< $(LIBNL_LIBS) -o $@

$(BUILD)/missed_check_nlerr: capi-tests/missed_check.c capi-tests/check.h include/netlink/errno.h | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(NLERR_CFLAGS) $< $(LIBNL_LIBS) -o $@

$(BUILD)/perror: capi-tests/perror.c capi-tests/check.h $(LIBRARY) | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(NLERR_CFLAGS) $< $(NLERR_LIBS) -ldl -o $@

# --- Demo -------------------------------------------------------------------

demo: demo-packages $(LIBRARY) $(BUILD)/overflow $(BUILD)/cache_resync
	@sh examples/demo.sh $(BUILD)/overflow $(LIBRARY)
	@echo
	@sh examples/cache_resync_demo.sh $(BUILD)/cache_resync $(LIBRARY)

# --- Tests ------------------------------------------------------------------

CAPI_PROGRAMS := $(BUILD)/abi $(BUILD)/preload $(BUILD)/overflow $(BUILD)/cache_resync \
	$(BUILD)/cache_resync_linked $(BUILD)/perror $(BUILD)/plain.so \
	$(BUILD)/missed_check_libnl $(BUILD)/missed_check_nlerr

test: test-packages rust-test capi-test

rust-test: | rust-toolchain
	$(CARGO) test --locked

capi-test: $(LIBRARY) $(CAPI_PROGRAMS)
	@sh capi-tests/run.sh $(BUILD) $(LIBRARY)

# --- Size and benchmarks ----------------------------------------------------

# `make bench` is not part of `make test`: it measures and never fails on a
# figure. BENCHMARKS.md records its output.
BENCH_PACKAGES := $(TEST_PACKAGES)

.PHONY: bench bench-packages

bench-packages:
	$(call require_packages,$(BENCH_PACKAGES))

# The three functions in ordinary C, built with the compiler's defaults and
# stripped: the baseline for size and preload cost. The structure test also
# runs on it, to show that the test rejects a library that breaks its limits.
$(BUILD)/plain.so: bench/plain.c | test-packages
	@mkdir -p $(BUILD)
	$(CC) -O2 -fPIC -shared $(WARNINGS) $< -o $@
	strip $@

$(BUILD)/bench: bench/bench.c bench/inputs.h | bench-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $< -ldl -o $@

$(BUILD)/count: bench/count.c bench/inputs.h | bench-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $< -ldl -o $@

bench: bench-packages $(LIBRARY) $(BUILD)/plain.so $(BUILD)/bench $(BUILD)/count
	@sh capi-tests/structure.sh $(LIBRARY)
	@echo
	@$(BUILD)/bench $(LIBRARY) $(BUILD)/plain.so
	@echo
	@sh bench/instructions.sh $(BUILD) $(LIBRARY) $(BUILD)/plain.so

clean:
	$(CARGO) clean

# --- Linking and install ----------------------------------------------------
#
#   make install     install the libraries, header, pkg-config file and man page
#   make uninstall   remove what make install added
#
# Both take PREFIX (default /usr/local), LIBDIR (default $(PREFIX)/lib),
# INCLUDEDIR, MANDIR and DESTDIR on the command line, for example
#   make install PREFIX=/usr LIBDIR=/usr/lib/x86_64-linux-gnu DESTDIR=/tmp/stage

PREFIX = /usr/local
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
INSTALL = install
OBJCOPY = objcopy

# The package version from Cargo.toml. Its major number is the SONAME's, which
# build.rs sets from the same field.
VERSION := $(shell sed -n 's/^version = "\([^"]*\)"$$/\1/p' Cargo.toml)
SOVERSION := $(firstword $(subst ., ,$(VERSION)))

# The header goes to its own directory, so that -I$(INCLUDEDIR)/nlerr placed
# before libnl's include directory shadows libnl's <netlink/errno.h> and
# nothing else.
HEADER_DIR = $(INCLUDEDIR)/nlerr
MAN_PAGES := nl_geterror.3 nl_perror.3 nl_syserr2nlerr.3
NLERR_FUNCTIONS := nl_geterror nl_perror nl_syserr2nlerr

# Link flags for programs, also written to nlerr.pc.
#
# Debian's and Ubuntu's gcc link with --as-needed, which drops libnlerr.so
# from a program that calls none of its functions itself, although libnl calls
# nl_syserr2nlerr on the program's behalf. --no-as-needed keeps it.
NLERR_SHARED_LINK = -Wl,--push-state,--no-as-needed -lnlerr -Wl,--pop-state
# An archive member is linked only for a symbol that is still undefined when
# the linker reads the archive. Marking nl_syserr2nlerr undefined pulls nlerr's
# object in ahead of libnl-3.a even when the program does not call it.
NLERR_STATIC_LINK = -Wl,--undefined=nl_syserr2nlerr

LIBNL_ROUTE_STATIC_LIBS = $(shell pkg-config --static --libs libnl-route-3.0)

# The static library for C programs: nlerr's own object from cargo's archive,
# with plain symbol names. rustc names the crate's objects nlerr.nlerr.*.o.
#
# Cargo's archive also bundles Rust's compiler_builtins: about 300 members with
# compiler-rt routines (__udivti3, __muldc3, ...) and libm functions (floor,
# fma, sqrt, ...). A C program linked with that archive ahead of -lm takes
# such a member for its own floor or fma call, and the member's reference to
# rust_eh_personality then fails the link. nlerr's object, built with LTO,
# needs none of them: capi-tests/archive.sh checks that it needs only libc.
#
# The `@@libnl_3` version suffixes mean nothing in an executable, and they fail
# the link of a shared library whose version script lacks the node libnl_3,
# so the archive carries the names as libnl-3.a does.
STATIC_LIBRARY := $(BUILD)/libnlerr.a

library: $(STATIC_LIBRARY)

$(STATIC_LIBRARY): $(ARCHIVE) Makefile
	rm -rf $(BUILD)/archive $@
	mkdir -p $(BUILD)/archive
	members=$$($(AR) t $(ARCHIVE) | grep '^nlerr\.'); \
	if [ -z "$$members" ]; then echo "$(ARCHIVE) has no member named nlerr.*" >&2; exit 1; fi; \
	cd $(BUILD)/archive && $(AR) x $(abspath $(ARCHIVE)) $$members
	for object in $(BUILD)/archive/*.o; do \
		$(OBJCOPY) $(foreach function,$(NLERR_FUNCTIONS),--redefine-sym $(function)@@libnl_3=$(function)) "$$object" || exit 1; \
	done
	$(AR) rcs $@ $(BUILD)/archive/*.o

# nlerr.pc, written at install time so that it records the directories of that
# install. Paths under PREFIX are written relative to ${prefix}.
define NLERR_PC
prefix=$(PREFIX)
libdir=$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
includedir=$(patsubst $(PREFIX)/%,$${prefix}/%,$(HEADER_DIR))

Name: nlerr
Description: libnl-3 error module that reports netlink ENOBUFS as NLE_MISSED
Version: $(VERSION)
Cflags: -I$${includedir}
Libs: -L$${libdir} $(NLERR_SHARED_LINK)
Libs.private: $(NLERR_STATIC_LINK)
endef
export NLERR_PC

.PHONY: install uninstall

install: $(LIBRARY) $(STATIC_LIBRARY) include/netlink/errno.h man/nlerr.3
	@if [ -z "$(VERSION)" ]; then echo "no version = \"X.Y.Z\" line found in Cargo.toml" >&2; exit 1; fi
	$(INSTALL) -d "$(DESTDIR)$(LIBDIR)" "$(DESTDIR)$(PKGCONFIGDIR)" \
		"$(DESTDIR)$(HEADER_DIR)/netlink" "$(DESTDIR)$(MANDIR)/man3"
	$(INSTALL) -m 755 $(LIBRARY) "$(DESTDIR)$(LIBDIR)/libnlerr.so.$(VERSION)"
	ln -sf libnlerr.so.$(VERSION) "$(DESTDIR)$(LIBDIR)/libnlerr.so.$(SOVERSION)"
	ln -sf libnlerr.so.$(SOVERSION) "$(DESTDIR)$(LIBDIR)/libnlerr.so"
	$(INSTALL) -m 644 $(STATIC_LIBRARY) "$(DESTDIR)$(LIBDIR)/libnlerr.a"
	$(INSTALL) -m 644 include/netlink/errno.h "$(DESTDIR)$(HEADER_DIR)/netlink/errno.h"
	printf '%s\n' "$$NLERR_PC" > "$(DESTDIR)$(PKGCONFIGDIR)/nlerr.pc"
	chmod 644 "$(DESTDIR)$(PKGCONFIGDIR)/nlerr.pc"
	$(INSTALL) -m 644 man/nlerr.3 "$(DESTDIR)$(MANDIR)/man3/nlerr.3"
	for page in $(MAN_PAGES); do \
		echo '.so man3/nlerr.3' > "$(DESTDIR)$(MANDIR)/man3/$$page" || exit 1; \
	done

# Removes the files and links that install added, and the two directories
# only nlerr uses. Shared directories such as $(LIBDIR) stay.
# NOTE: it removes libnlerr.so.$(VERSION) of the current Cargo.toml version
# only, so a library installed from an older version stays behind.
uninstall:
	rm -f "$(DESTDIR)$(LIBDIR)/libnlerr.so.$(VERSION)" \
		"$(DESTDIR)$(LIBDIR)/libnlerr.so.$(SOVERSION)" \
		"$(DESTDIR)$(LIBDIR)/libnlerr.so" \
		"$(DESTDIR)$(LIBDIR)/libnlerr.a" \
		"$(DESTDIR)$(PKGCONFIGDIR)/nlerr.pc" \
		"$(DESTDIR)$(HEADER_DIR)/netlink/errno.h" \
		"$(DESTDIR)$(MANDIR)/man3/nlerr.3" \
		$(foreach page,$(MAN_PAGES),"$(DESTDIR)$(MANDIR)/man3/$(page)")
	for dir in "$(DESTDIR)$(HEADER_DIR)/netlink" "$(DESTDIR)$(HEADER_DIR)"; do \
		if [ -d "$$dir" ]; then rmdir --ignore-fail-on-non-empty "$$dir" || exit 1; fi; \
	done

# Test programs. The overflow variants exit 0 on NLE_MISSED and 2 on
# NLE_NOMEM with ENOBUFS (see examples/overflow.c).

# A stand-in for an upstream-built libnl-3, whose three functions sit in the
# version node libnl_3, and a program whose references therefore carry that
# version.
$(BUILD)/libstandin.so: capi-tests/standin.c capi-tests/libnl_3.map | test-packages
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) -fPIC -shared -Wl,-soname,libstandin.so \
		-Wl,--version-script=capi-tests/libnl_3.map $< -o $@

$(BUILD)/versioned: capi-tests/versioned.c capi-tests/check.h $(BUILD)/libstandin.so | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) $(LIBNL_CFLAGS) $< -L$(BUILD) -Wl,-rpath,$(abspath $(BUILD)) \
		-lstandin -ldl -o $@

# -lnlerr ahead of libnl's libraries, without LD_PRELOAD.
$(BUILD)/overflow-linked: examples/overflow.c include/netlink/errno.h $(LIBRARY) | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(NLERR_LIBS) \
		$(LIBNL_ROUTE_LIBS) -o $@

# The overflow program with no call of its own to nlerr's functions: linked
# with the flags of nlerr.pc, and with plain --as-needed, which drops nlerr.
$(BUILD)/indirect-linked: capi-tests/indirect.c examples/overflow.c include/netlink/errno.h $(LIBRARY) | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< -L$(RELEASE) \
		-Wl,-rpath,$(abspath $(RELEASE)) $(NLERR_SHARED_LINK) $(LIBNL_ROUTE_LIBS) -o $@

$(BUILD)/indirect-as-needed: capi-tests/indirect.c examples/overflow.c include/netlink/errno.h $(LIBRARY) | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< -L$(RELEASE) \
		-Wl,-rpath,$(abspath $(RELEASE)) -Wl,--as-needed -lnlerr $(LIBNL_ROUTE_LIBS) -o $@

# libnlerr.a ahead of Debian's libnl-route-3.a and libnl-3.a, with the C
# library still shared. The link map records which archive members were linked.
$(BUILD)/overflow-static: examples/overflow.c include/netlink/errno.h $(STATIC_LIBRARY) | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< -L$(BUILD) \
		-Wl,-Bstatic -lnlerr $(LIBNL_ROUTE_STATIC_LIBS) -Wl,-Bdynamic \
		-Wl,-Map=$@.map -o $@

$(BUILD)/indirect-static: capi-tests/indirect.c examples/overflow.c include/netlink/errno.h $(STATIC_LIBRARY) | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< -L$(BUILD) \
		$(NLERR_STATIC_LINK) -Wl,-Bstatic -lnlerr $(LIBNL_ROUTE_STATIC_LIBS) -Wl,-Bdynamic -o $@

# Without --undefined the linker reads libnlerr.a before anything needs it and
# takes libnl's copy of the functions later.
$(BUILD)/indirect-static-plain: capi-tests/indirect.c examples/overflow.c include/netlink/errno.h $(STATIC_LIBRARY) | test-packages
	$(CC) $(CFLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< -L$(BUILD) \
		-Wl,-Bstatic -lnlerr $(LIBNL_ROUTE_STATIC_LIBS) -Wl,-Bdynamic -o $@

LINKING_PROGRAMS := $(BUILD)/versioned $(BUILD)/overflow-linked $(BUILD)/indirect-linked \
	$(BUILD)/indirect-as-needed $(BUILD)/overflow-static $(BUILD)/indirect-static \
	$(BUILD)/indirect-static-plain

capi-test: $(STATIC_LIBRARY) $(LINKING_PROGRAMS)

# --- Hostile callers --------------------------------------------------------
#
# Tests that compare nlerr with the system libnl on every int and call it the
# way a careless or hostile program might: odd stderr states, many threads,
# signal handlers. capi-tests/run.sh runs them plainly, then again built with
# AddressSanitizer and UndefinedBehaviorSanitizer, and under valgrind.

# The sanitizer builds use gcc whatever CC is, because -static-libasan is
# gcc's flag.

SANITIZE_CC := gcc
SANITIZE_BUILD := $(BUILD)/asan

# The runtimes are linked statically so that the programs also run with
# LD_PRELOAD=libnlerr.so: a shared ASan runtime insists on coming first in
# the list of loaded libraries.
SANITIZE_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all -static-libasan -static-libubsan

# Programs that load nlerr and libnl side by side with dlopen(RTLD_LOCAL).
SIDE_BY_SIDE := every_input perror_compare stderr_states

# Programs linked against libnlerr.so.
LINKED := errno_kept threads signals

# heap defines malloc itself, which AddressSanitizer also replaces, so it has
# no sanitizer build.
HOSTILE_PROGRAMS := $(addprefix $(BUILD)/,$(SIDE_BY_SIDE) $(LINKED) heap)
SANITIZED_PROGRAMS := $(addprefix $(SANITIZE_BUILD)/,$(SIDE_BY_SIDE) $(LINKED) abi preload overflow)

$(addprefix $(BUILD)/,$(SIDE_BY_SIDE)): $(BUILD)/%: capi-tests/%.c capi-tests/error_modules.h capi-tests/check.h include/netlink/errno.h | test-packages
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< -ldl -o $@

$(addprefix $(BUILD)/,$(LINKED) heap): $(BUILD)/%: capi-tests/%.c capi-tests/check.h include/netlink/errno.h $(LIBRARY) | test-packages
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< $(NLERR_LIBS) -o $@

$(addprefix $(SANITIZE_BUILD)/,$(SIDE_BY_SIDE)): $(SANITIZE_BUILD)/%: capi-tests/%.c capi-tests/error_modules.h capi-tests/check.h include/netlink/errno.h | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< -ldl -o $@

$(addprefix $(SANITIZE_BUILD)/,$(LINKED)): $(SANITIZE_BUILD)/%: capi-tests/%.c capi-tests/check.h include/netlink/errno.h $(LIBRARY) | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) -pthread $(NLERR_CFLAGS) $< $(NLERR_LIBS) -o $@

# Sanitizer builds of the programs from the Programs section, with the same
# sources and libraries.
$(SANITIZE_BUILD)/abi: capi-tests/abi.c capi-tests/system_codes.c capi-tests/check.h capi-tests/code_names.h capi-tests/system_codes.h $(LIBRARY) | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) $(LIBNL_CFLAGS) -c capi-tests/system_codes.c -o $(SANITIZE_BUILD)/system_codes.o
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) $(NLERR_CFLAGS) capi-tests/abi.c $(SANITIZE_BUILD)/system_codes.o $(NLERR_LIBS) -ldl -o $@

$(SANITIZE_BUILD)/preload: capi-tests/preload.c capi-tests/check.h | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) $(LIBNL_CFLAGS) $< $(LIBNL_LIBS) -ldl -o $@

$(SANITIZE_BUILD)/overflow: examples/overflow.c include/netlink/errno.h | test-packages
	@mkdir -p $(@D)
	$(SANITIZE_CC) $(SANITIZE_FLAGS) $(WARNINGS) -Iinclude $(LIBNL_ROUTE_CFLAGS) $< $(LIBNL_ROUTE_LIBS) -o $@

capi-test: $(HOSTILE_PROGRAMS) $(SANITIZED_PROGRAMS)
