/*
 * Calls one function of one library PASSES times over its mixed inputs from
 * inputs.h, for instructions.sh to run under callgrind. Prints the number of
 * calls made. nl_perror writes to /dev/null.
 *
 * Usage: count LIBRARY FUNCTION PASSES
 *   FUNCTION is nl_geterror, nl_syserr2nlerr or nl_perror.
 */
#include "inputs.h"

#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static volatile uintptr_t sink;

int main(int argc, char **argv)
{
	static struct inputs inputs;
	struct functions functions;
	const char *name;
	long passes;
	long calls = 0;
	uintptr_t folded = 0;

	if (argc != 4 || (passes = strtol(argv[3], NULL, 10)) < 0) {
		fprintf(stderr, "usage: count LIBRARY FUNCTION PASSES\n");
		return 2;
	}
	name = argv[2];

	fill_inputs(&inputs);
	functions = load_functions(argv[1]);

	if (strcmp(name, "nl_geterror") == 0) {
		for (long pass = 0; pass < passes; pass++)
			for (int i = 0; i < GETERROR_INPUT_COUNT; i++, calls++)
				folded += (uintptr_t)functions.geterror(inputs.geterror[i]);
	} else if (strcmp(name, "nl_syserr2nlerr") == 0) {
		for (long pass = 0; pass < passes; pass++)
			for (int i = 0; i < SYSERR_INPUT_COUNT; i++, calls++)
				folded += (uintptr_t)functions.syserr2nlerr(inputs.syserr[i]);
	} else if (strcmp(name, "nl_perror") == 0) {
		int null_fd = open("/dev/null", O_WRONLY);

		if (null_fd < 0 || dup2(null_fd, STDERR_FILENO) < 0) {
			perror("redirecting stderr to /dev/null");
			return 1;
		}
		for (long pass = 0; pass < passes; pass++)
			for (int i = 0; i < PERROR_INPUT_COUNT; i++, calls++)
				functions.perror(inputs.perror_code[i], inputs.perror_prefix[i]);
	} else {
		fprintf(stderr, "unknown function %s: expected nl_geterror, nl_syserr2nlerr or nl_perror\n",
			name);
		return 2;
	}

	sink = folded;
	printf("%ld\n", calls);
	return 0;
}
