/*
 * Times nlerr's, the system libnl's and the plain C baseline's functions side
 * by side in one process, each called through a function pointer from its own
 * dlopen handle over the mixed inputs of inputs.h.
 *
 * Prints the median over ROUNDS rounds of the wall-clock nanoseconds per call,
 * and the ratio nlerr/libnl. nl_perror writes to /dev/null, so its time
 * includes one write(2) per call. Wall-clock figures move with the load on
 * the machine; count.c and instructions.sh give the repeatable figures.
 *
 * Usage: bench NLERR_LIBRARY PLAIN_LIBRARY
 */
#include "inputs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 15
#define LIBRARY_COUNT 3

/* Passes per timed run: enough calls for each run to last a few milliseconds,
 * far above the resolution of CLOCK_MONOTONIC. */
#define GETERROR_PASSES 20000
#define SYSERR_PASSES 8000
#define PERROR_PASSES 300

static const struct inputs *inputs;

/* Every result is folded into this, so the calls cannot be dropped. */
static volatile uintptr_t sink;

static double now_ns(void)
{
	struct timespec time;

	clock_gettime(CLOCK_MONOTONIC, &time);
	return (double)time.tv_sec * 1e9 + (double)time.tv_nsec;
}

/* Each timer returns the nanoseconds per call of one run. */
static double time_geterror(const struct functions *functions)
{
	uintptr_t folded = 0;
	double start = now_ns();

	for (int pass = 0; pass < GETERROR_PASSES; pass++)
		for (int i = 0; i < GETERROR_INPUT_COUNT; i++)
			folded += (uintptr_t)functions->geterror(inputs->geterror[i]);

	sink += folded;
	return (now_ns() - start) / ((double)GETERROR_PASSES * GETERROR_INPUT_COUNT);
}

static double time_syserr(const struct functions *functions)
{
	uintptr_t folded = 0;
	double start = now_ns();

	for (int pass = 0; pass < SYSERR_PASSES; pass++)
		for (int i = 0; i < SYSERR_INPUT_COUNT; i++)
			folded += (uintptr_t)functions->syserr2nlerr(inputs->syserr[i]);

	sink += folded;
	return (now_ns() - start) / ((double)SYSERR_PASSES * SYSERR_INPUT_COUNT);
}

static double time_perror(const struct functions *functions)
{
	double start = now_ns();

	for (int pass = 0; pass < PERROR_PASSES; pass++)
		for (int i = 0; i < PERROR_INPUT_COUNT; i++)
			functions->perror(inputs->perror_code[i], inputs->perror_prefix[i]);

	return (now_ns() - start) / ((double)PERROR_PASSES * PERROR_INPUT_COUNT);
}

static int compare_doubles(const void *left, const void *right)
{
	double a = *(const double *)left;
	double b = *(const double *)right;

	return (a > b) - (a < b);
}

/* Runs `timer` ROUNDS times per library and stores the median of each
 * library's runs in `medians`. Each round starts with another library, so no
 * library always runs first or last. */
static void measure(double (*timer)(const struct functions *),
		    const struct functions libraries[LIBRARY_COUNT], double medians[LIBRARY_COUNT])
{
	double runs[LIBRARY_COUNT][ROUNDS];

	for (int round = 0; round < ROUNDS; round++)
		for (int k = 0; k < LIBRARY_COUNT; k++) {
			int library = (round + k) % LIBRARY_COUNT;

			runs[library][round] = timer(&libraries[library]);
		}

	for (int library = 0; library < LIBRARY_COUNT; library++) {
		qsort(runs[library], ROUNDS, sizeof(double), compare_doubles);
		medians[library] = runs[library][ROUNDS / 2];
	}
}

static void print_row(const char *name, const double medians[LIBRARY_COUNT])
{
	printf("%-16s %10.2f %10.2f %10.2f %12.2f\n", name, medians[0], medians[1], medians[2],
	       medians[0] / medians[1]);
}

int main(int argc, char **argv)
{
	static struct inputs filled;
	struct functions libraries[LIBRARY_COUNT];
	double medians[LIBRARY_COUNT];
	int saved_stderr;
	int null_fd;

	if (argc != 3) {
		fprintf(stderr, "usage: bench NLERR_LIBRARY PLAIN_LIBRARY\n");
		return 2;
	}

	fill_inputs(&filled);
	inputs = &filled;

	/* Column order: nlerr, system libnl, plain C. */
	libraries[0] = load_functions(argv[1]);
	libraries[1] = load_functions("libnl-3.so.200");
	libraries[2] = load_functions(argv[2]);

	/* The libraries differ on ENOBUFS, which shows that the columns hold
	 * the libraries they name. */
	if (libraries[0].syserr2nlerr(ENOBUFS) != 35 || libraries[1].syserr2nlerr(ENOBUFS) != 5 ||
	    libraries[2].syserr2nlerr(ENOBUFS) != 35) {
		fprintf(stderr, "nl_syserr2nlerr(ENOBUFS) must be 35 for nlerr and plain C, 5 for libnl\n");
		return 1;
	}

	printf("ns per call, median of %d rounds (wall clock, varies with machine load)\n\n",
	       ROUNDS);
	printf("%-16s %10s %10s %10s %12s\n", "function", "nlerr", "libnl", "plain C",
	       "nlerr/libnl");

	measure(time_geterror, libraries, medians);
	print_row("nl_geterror", medians);

	measure(time_syserr, libraries, medians);
	print_row("nl_syserr2nlerr", medians);

	/* nl_perror writes to stderr: point descriptor 2 at /dev/null while it
	 * runs, and restore it afterwards for error messages. */
	fflush(stderr);
	saved_stderr = dup(STDERR_FILENO);
	null_fd = open("/dev/null", O_WRONLY);
	if (saved_stderr < 0 || null_fd < 0 || dup2(null_fd, STDERR_FILENO) < 0) {
		perror("redirecting stderr to /dev/null");
		return 1;
	}
	measure(time_perror, libraries, medians);
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(null_fd);
	close(saved_stderr);
	print_row("nl_perror", medians);

	return 0;
}
