/*
 * The mixed inputs that bench.c times and count.c runs under callgrind, and
 * the code both use to load one library's three functions. One pass calls a
 * function once on every input of its set.
 */
#ifndef NLERR_BENCH_INPUTS_H
#define NLERR_BENCH_INPUTS_H

#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* nl_geterror: -40 to 40, so every code with both signs and a few unknown
 * ones, plus four far out of range. INT_MIN is left out because libnl 3.7's
 * nl_geterror indexes its table with abs(INT_MIN), which is negative, and
 * crashes. */
#define GETERROR_INPUT_COUNT (81 + 4)

/* nl_syserr2nlerr: -133 to 133, every Linux errno (EHWPOISON, 133, is the
 * highest) with both signs and 0, plus INT_MIN and INT_MAX. Most of them have
 * no mapping and return NLE_FAILURE. */
#define SYSERR_INPUT_COUNT (267 + 2)

/* nl_perror: -34 to 34, every code of libnl 3.7 with both signs, each paired
 * with one of the prefixes NULL, "" and "bench" in turn. nlerr and libnl print
 * the same bytes for all of them, so both do the same stdio work. */
#define PERROR_INPUT_COUNT 69

struct inputs {
	int geterror[GETERROR_INPUT_COUNT];
	int syserr[SYSERR_INPUT_COUNT];
	int perror_code[PERROR_INPUT_COUNT];
	const char *perror_prefix[PERROR_INPUT_COUNT];
};

static void fill_inputs(struct inputs *inputs)
{
	static const char *const prefixes[] = {NULL, "", "bench"};
	size_t i = 0;
	int value;

	for (value = -40; value <= 40; value++)
		inputs->geterror[i++] = value;
	inputs->geterror[i++] = 1000;
	inputs->geterror[i++] = -1000;
	inputs->geterror[i++] = INT_MAX;
	inputs->geterror[i++] = -INT_MAX;

	i = 0;
	for (value = -133; value <= 133; value++)
		inputs->syserr[i++] = value;
	inputs->syserr[i++] = INT_MAX;
	inputs->syserr[i++] = INT_MIN;

	for (i = 0; i < PERROR_INPUT_COUNT; i++) {
		inputs->perror_code[i] = (int)i - 34;
		inputs->perror_prefix[i] = prefixes[i % 3];
	}
}

struct functions {
	const char *(*geterror)(int);
	void (*perror)(int, const char *);
	int (*syserr2nlerr)(int);
};

/* Exits unless `function` lies in the object that `handle` opened, which
 * shows that dlsym did not return another library's definition. */
static void check_defined_in(void *handle, void *function, const char *library, const char *name)
{
	struct link_map *opened = NULL;
	struct link_map *found = NULL;
	Dl_info info;

	if (dlinfo(handle, RTLD_DI_LINKMAP, &opened) != 0 ||
	    !dladdr1(function, &info, (void **)&found, RTLD_DL_LINKMAP) || found != opened) {
		fprintf(stderr, "%s from %s is defined in another object (%s)\n", name, library,
			found ? found->l_name : "unknown");
		exit(1);
	}
}

/* Opens `library` with its own local symbol scope and returns its three
 * functions, so that each library's definitions stay separate even though the
 * names are the same. Exits on failure. */
static struct functions load_functions(const char *library)
{
	struct functions functions;
	void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);

	if (!handle) {
		fprintf(stderr, "dlopen(%s) failed: %s\n", library, dlerror());
		exit(1);
	}

	/* POSIX allows converting dlsym's result to a function pointer this way. */
	*(void **)&functions.geterror = dlsym(handle, "nl_geterror");
	*(void **)&functions.perror = dlsym(handle, "nl_perror");
	*(void **)&functions.syserr2nlerr = dlsym(handle, "nl_syserr2nlerr");
	if (!functions.geterror || !functions.perror || !functions.syserr2nlerr) {
		fprintf(stderr, "dlsym on %s failed: %s\n", library, dlerror());
		exit(1);
	}

	check_defined_in(handle, *(void **)&functions.geterror, library, "nl_geterror");
	check_defined_in(handle, *(void **)&functions.perror, library, "nl_perror");
	check_defined_in(handle, *(void **)&functions.syserr2nlerr, library, "nl_syserr2nlerr");
	return functions;
}

#endif
