/*
 * Checks that nl_geterror and nl_syserr2nlerr make no heap allocation.
 *
 * The program defines the C allocation functions itself. Symbols of the
 * executable come first in symbol lookup, so these definitions interpose on
 * glibc's for every shared library in the process, libnlerr.so included.
 * Each one counts the call and forwards to glibc's implementation through
 * its exported __libc_* entry point. A strdup call inside glibc serves as
 * the control: it must be counted, or the interposition does not work.
 *
 * Linked against libnlerr.so. Not built with AddressSanitizer, which
 * replaces the same functions.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>

#include <netlink/errno.h>

#include "check.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);
extern void __libc_free(void *pointer);

/* Number of allocation calls so far, from any library. The test is single
 * threaded. volatile, because the compiler treats strdup as a builtin that
 * cannot touch this file's statics and would otherwise reuse an old value. */
static volatile unsigned long allocations;

void *malloc(size_t size)
{
	allocations++;
	return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
	allocations++;
	return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size)
{
	allocations++;
	return __libc_realloc(pointer, size);
}

void *reallocarray(void *pointer, size_t count, size_t size)
{
	allocations++;
	if (size && count > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(pointer, count * size);
}

void *memalign(size_t alignment, size_t size)
{
	allocations++;
	return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size)
{
	allocations++;
	return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size)
{
	void *pointer;

	allocations++;
	if (alignment < sizeof(void *) || (alignment & (alignment - 1)))
		return EINVAL;
	pointer = __libc_memalign(alignment, size);
	if (!pointer)
		return ENOMEM;
	*result = pointer;
	return 0;
}

void *valloc(size_t size)
{
	allocations++;
	return __libc_valloc(size);
}

void *pvalloc(size_t size)
{
	allocations++;
	return __libc_pvalloc(size);
}

void free(void *pointer)
{
	__libc_free(pointer);
}

int main(void)
{
	static const int extremes[] = {INT_MIN, INT_MIN + 1, INT_MAX - 1, INT_MAX};
	unsigned long before, calls = 0;
	const char *message = NULL;
	char *copy;
	int code = 0;
	long error;
	size_t i;

	/* Control: glibc's own strdup must reach the counting malloc. */
	before = allocations;
	copy = strdup("control");
	CHECK(allocations == before + 1, "strdup made %lu counted allocations, expected 1",
	      allocations - before);
	free(copy);

	/* The first calls go through lazy PLT binding, and are counted too. */
	before = allocations;
	for (error = -100000; error <= 100000; error++) {
		message = nl_geterror((int)error);
		code = nl_syserr2nlerr((int)error);
		calls += 2;
	}
	for (i = 0; i < sizeof(extremes) / sizeof(extremes[0]); i++) {
		message = nl_geterror(extremes[i]);
		code = nl_syserr2nlerr(extremes[i]);
		calls += 2;
	}
	CHECK(allocations == before, "%lu calls made %lu allocations", calls, allocations - before);

	/* The last input, INT_MAX, has no code of its own. */
	CHECK_STR(message, "Unspecific failure", "nl_geterror(INT_MAX)");
	CHECK(code == NLE_FAILURE, "nl_syserr2nlerr(INT_MAX) is %d", code);

	printf("heap: %lu calls to nl_geterror and nl_syserr2nlerr, %lu allocations\n", calls,
	       allocations - before);
	return check_finish("heap");
}
