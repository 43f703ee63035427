/*
 * Checks that a preloaded libnlerr.so shadows the system libnl-3.
 *
 * Built against the system's <netlink/errno.h> and linked against libnl-3
 * only, like an existing program. With the argument "nlerr" it expects every
 * function to come from libnlerr.so (run it with LD_PRELOAD). With "libnl" it
 * expects libnl's own results, to show that the check distinguishes the two.
 *
 * In both modes it also compares every message from 0 to NLE_MAX, and the
 * errno mapping from -200 to 200, with libnl's own functions, reached through
 * dlsym on libnl's handle, which finds libnl's definitions before any
 * preloaded ones. nl_perror's output is checked for a NULL, an empty and an
 * ordinary prefix.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

#include <netlink/errno.h>

#include "capture.h"
#include "check.h"

#ifdef NLE_MISSED
#error "preload.c must be built against the system's <netlink/errno.h>"
#endif

static void check_location(void *function, const char *name, const char *library)
{
	Dl_info info;

	CHECK(dladdr(function, &info) && info.dli_fname && strstr(info.dli_fname, library),
	      "%s lives in %s, expected %s", name, info.dli_fname ? info.dli_fname : "(unknown)",
	      library);
}

/* Compares what the program's bindings return with libnl's own functions.
 * Only ENOBUFS may map differently, and only when nlerr is preloaded. */
static void check_against_libnl(int expect_nlerr)
{
	void *handle = dlopen("libnl-3.so.200", RTLD_NOW | RTLD_NOLOAD);
	const char *(*libnl_geterror)(int);
	int (*libnl_syserr2nlerr)(int);
	char line[256], expected[256];
	int code, error;

	if (!handle) {
		printf("libnl-3.so.200 is not loaded: %s\n", dlerror());
		exit(1);
	}
	*(void **)&libnl_geterror = dlsym(handle, "nl_geterror");
	*(void **)&libnl_syserr2nlerr = dlsym(handle, "nl_syserr2nlerr");
	if (!libnl_geterror || !libnl_syserr2nlerr) {
		printf("dlsym on libnl-3.so.200 failed: %s\n", dlerror());
		exit(1);
	}
	check_location(*(void **)&libnl_geterror, "libnl's own nl_geterror", "libnl-3.so");

	for (code = 0; code <= NLE_MAX; code++) {
		CHECK_STR(nl_geterror(code), libnl_geterror(code), "nl_geterror(code)");
		CHECK_STR(nl_geterror(-code), libnl_geterror(code), "nl_geterror(-code)");
	}

	for (error = -200; error <= 200; error++) {
		int expected_code = libnl_syserr2nlerr(error);

		if (expect_nlerr && (error == ENOBUFS || error == -ENOBUFS))
			expected_code = 35;
		CHECK(nl_syserr2nlerr(error) == expected_code, "nl_syserr2nlerr(%d) is %d, expected %d",
		      error, nl_syserr2nlerr(error), expected_code);
	}

	snprintf(expected, sizeof(expected), "%s\n", libnl_geterror(NLE_AGAIN));
	CHECK_STR(capture_stderr(nl_perror, NLE_AGAIN, NULL, line, sizeof(line)), expected,
		  "nl_perror(NULL)");
	CHECK_STR(capture_stderr(nl_perror, -NLE_AGAIN, "", line, sizeof(line)), expected,
		  "nl_perror(\"\")");
	snprintf(expected, sizeof(expected), "recv: %s\n", libnl_geterror(NLE_AGAIN));
	CHECK_STR(capture_stderr(nl_perror, -NLE_AGAIN, "recv", line, sizeof(line)), expected,
		  "nl_perror(\"recv\")");
}

int main(int argc, char **argv)
{
	int expect_nlerr = argc > 1 && strcmp(argv[1], "nlerr") == 0;
	const char *library = expect_nlerr ? "libnlerr.so" : "libnl-3.so";

	if (argc != 2 || (!expect_nlerr && strcmp(argv[1], "libnl") != 0)) {
		printf("usage: preload nlerr|libnl\n");
		return 2;
	}

	check_location((void *)nl_geterror, "nl_geterror", library);
	check_location((void *)nl_perror, "nl_perror", library);
	check_location((void *)nl_syserr2nlerr, "nl_syserr2nlerr", library);

	check_against_libnl(expect_nlerr);

	if (expect_nlerr) {
		CHECK(nl_syserr2nlerr(ENOBUFS) == 35, "nl_syserr2nlerr(ENOBUFS) is %d",
		      nl_syserr2nlerr(ENOBUFS));
		CHECK_STR(nl_geterror(35), "Kernel reported missed message ", "nl_geterror(35)");
	} else {
		CHECK(nl_syserr2nlerr(ENOBUFS) == NLE_NOMEM, "nl_syserr2nlerr(ENOBUFS) is %d",
		      nl_syserr2nlerr(ENOBUFS));
		CHECK_STR(nl_geterror(35), "Unspecific failure", "nl_geterror(35)");
	}
	CHECK(nl_syserr2nlerr(ENOMEM) == NLE_NOMEM, "nl_syserr2nlerr(ENOMEM) is %d",
	      nl_syserr2nlerr(ENOMEM));
	CHECK_STR(nl_geterror(NLE_NOMEM), "Out of memory", "nl_geterror(NLE_NOMEM)");

	return check_finish(expect_nlerr ? "preload (nlerr)" : "preload (libnl)");
}
