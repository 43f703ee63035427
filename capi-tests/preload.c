/*
 * Checks that a preloaded libnlerr.so shadows the system libnl-3.
 *
 * Built against the system's <netlink/errno.h> and linked against libnl-3
 * only, like an existing program. With the argument "nlerr" it expects every
 * function to come from libnlerr.so (run it with LD_PRELOAD). With "libnl" it
 * expects libnl's own results, to show that the check distinguishes the two.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>

#include <netlink/errno.h>

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
