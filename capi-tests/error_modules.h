/*
 * Loads nlerr and the system libnl-3 side by side in one process, so that a
 * test can call both implementations of the error module with the same input.
 *
 * Both libraries are opened with dlopen(RTLD_LOCAL) and the test program is
 * linked against neither. dlsym on each handle then returns that library's
 * own definition, and libnl's nl_perror binds its internal call to
 * nl_geterror to libnl's copy, because no nl_geterror is in the global
 * scope. open_error_modules() checks with dladdr that the two sets of
 * functions live in different files.
 */
#ifndef NLERR_ERROR_MODULES_H
#define NLERR_ERROR_MODULES_H

#ifndef _GNU_SOURCE
#error "define _GNU_SOURCE before any #include: dladdr needs it"
#endif

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYSTEM_LIBNL "libnl-3.so.200"

struct error_module {
	const char *name;
	const char *file;
	const char *(*geterror)(int);
	void (*perror)(int, const char *);
	int (*syserr2nlerr)(int);
};

/* Returns the file that contains `function`, or exits. */
static const char *error_module_file(void *function, const char *symbol, const char *library)
{
	Dl_info info;

	if (!dladdr(function, &info) || !info.dli_fname) {
		printf("dladdr found no file for %s from %s\n", symbol, library);
		exit(1);
	}
	return info.dli_fname;
}

/* Opens `library` with RTLD_LOCAL and looks up the three functions in it.
 * Exits when the library or a function is missing, or when a function lives
 * in another file than the first one. */
static struct error_module open_error_module(const char *name, const char *library)
{
	struct error_module module = {.name = name};
	void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
	const char *file;

	if (!handle) {
		printf("dlopen(%s) failed: %s\n", library, dlerror());
		exit(1);
	}

	*(void **)&module.geterror = dlsym(handle, "nl_geterror");
	*(void **)&module.perror = dlsym(handle, "nl_perror");
	*(void **)&module.syserr2nlerr = dlsym(handle, "nl_syserr2nlerr");
	if (!module.geterror || !module.perror || !module.syserr2nlerr) {
		printf("dlsym on %s failed: a function of the error module is missing\n", library);
		exit(1);
	}

	module.file = error_module_file(*(void **)&module.geterror, "nl_geterror", library);
	file = error_module_file(*(void **)&module.perror, "nl_perror", library);
	if (strcmp(file, module.file) != 0) {
		printf("%s: nl_perror lives in %s, nl_geterror in %s\n", library, file, module.file);
		exit(1);
	}
	file = error_module_file(*(void **)&module.syserr2nlerr, "nl_syserr2nlerr", library);
	if (strcmp(file, module.file) != 0) {
		printf("%s: nl_syserr2nlerr lives in %s, nl_geterror in %s\n", library, file, module.file);
		exit(1);
	}
	return module;
}

/* Opens nlerr from `nlerr_path` and the system libnl-3, and exits unless the
 * two sets of functions come from different files with the expected names. */
static void open_error_modules(const char *nlerr_path, struct error_module *nlerr,
			       struct error_module *libnl)
{
	*nlerr = open_error_module("nlerr", nlerr_path);
	*libnl = open_error_module("libnl", SYSTEM_LIBNL);

	if (strcmp(nlerr->file, libnl->file) == 0 || !strstr(nlerr->file, "libnlerr.so") ||
	    !strstr(libnl->file, "libnl-3.so")) {
		printf("nlerr's functions live in %s and libnl's in %s: expected libnlerr.so and "
		       "libnl-3.so\n",
		       nlerr->file, libnl->file);
		exit(1);
	}
}

#endif
