/*
 * Compares nlerr's nl_geterror and nl_syserr2nlerr with the system libnl-3's
 * for every int, and fails on any difference that nlerr does not intend.
 *
 * The intended differences are:
 *   - |e| = 35: nl_geterror returns NLE_MISSED's message, libnl 3.7 returns
 *     NLE_FAILURE's.
 *   - |e| = ENOBUFS: nl_syserr2nlerr returns NLE_MISSED, libnl 3.7 returns
 *     NLE_NOMEM.
 *   - INT_MIN: libnl takes abs(INT_MIN), which is undefined behaviour. It is
 *     never passed to libnl in this process. nlerr must return NLE_FAILURE
 *     and its message, and a forked child shows what libnl does with it.
 *
 * nl_geterror returns pointers into static tables, so two results are
 * compared by looking the pair of pointers up in a small per-thread cache of
 * pairs already compared with strcmp. The range is split between one thread
 * per online CPU.
 *
 * Usage: every_input LIBNLERR_PATH [FIRST LAST]
 * With FIRST and LAST, only that inclusive range is compared (for the slower
 * runs under valgrind or sanitizers), and the INT_MIN child is skipped.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "error_modules.h"

#define MISSED_MESSAGE "Kernel reported missed message "
#define FAILURE_MESSAGE "Unspecific failure"

#define MAX_THREADS 16
#define PAIR_CACHE_SIZE 128
#define MAX_EXAMPLES 10

enum difference {
	MISSED_MESSAGE_DIFFERENCE,  /* nl_geterror at |e| = 35 */
	ENOBUFS_DIFFERENCE,         /* nl_syserr2nlerr at |e| = ENOBUFS */
	UNEXPECTED_GETERROR,        /* any other nl_geterror difference */
	UNEXPECTED_SYSERR2NLERR,    /* any other nl_syserr2nlerr difference */
	DIFFERENCE_KINDS
};

/* Two message pointers and whether their strings are equal. */
struct message_pair {
	const char *nlerr;
	const char *libnl;
	int equal;
};

/* One thread's share of the range and its results. */
struct job {
	struct error_module nlerr;
	struct error_module libnl;
	int64_t first;
	int64_t last;

	uint64_t compared;
	uint64_t differences[DIFFERENCE_KINDS];
	int examples[MAX_EXAMPLES];
	enum difference example_kinds[MAX_EXAMPLES];
	int example_count;

	struct message_pair pairs[PAIR_CACHE_SIZE];
	int pair_count;
	int last_pair;
};

static int messages_equal(struct job *job, const char *nlerr, const char *libnl)
{
	struct message_pair *last = &job->pairs[job->last_pair];
	struct message_pair *added;
	int i;

	if (job->pair_count > 0 && last->nlerr == nlerr && last->libnl == libnl)
		return last->equal;

	for (i = 0; i < job->pair_count; i++) {
		if (job->pairs[i].nlerr == nlerr && job->pairs[i].libnl == libnl) {
			job->last_pair = i;
			return job->pairs[i].equal;
		}
	}

	/* A NULL pointer is a difference in itself. The cache is far larger
	 * than the number of distinct pairs, but when full it is bypassed. */
	if (!nlerr || !libnl)
		return nlerr == libnl;
	if (job->pair_count == PAIR_CACHE_SIZE)
		return strcmp(nlerr, libnl) == 0;

	added = &job->pairs[job->pair_count];
	added->nlerr = nlerr;
	added->libnl = libnl;
	added->equal = strcmp(nlerr, libnl) == 0;
	job->last_pair = job->pair_count++;
	return added->equal;
}

static void record_difference(struct job *job, int error, enum difference kind)
{
	job->differences[kind]++;
	if ((kind == UNEXPECTED_GETERROR || kind == UNEXPECTED_SYSERR2NLERR) &&
	    job->example_count < MAX_EXAMPLES) {
		job->examples[job->example_count] = error;
		job->example_kinds[job->example_count] = kind;
		job->example_count++;
	}
}

static int is_message(const char *message, const char *expected)
{
	return message && strcmp(message, expected) == 0;
}

static void compare_one(struct job *job, int error)
{
	const char *nlerr_message = job->nlerr.geterror(error);
	const char *libnl_message = job->libnl.geterror(error);
	int nlerr_code = job->nlerr.syserr2nlerr(error);
	int libnl_code = job->libnl.syserr2nlerr(error);

	if (!messages_equal(job, nlerr_message, libnl_message)) {
		if ((error == NLE_MISSED || error == -NLE_MISSED) &&
		    is_message(nlerr_message, MISSED_MESSAGE) &&
		    is_message(libnl_message, FAILURE_MESSAGE))
			record_difference(job, error, MISSED_MESSAGE_DIFFERENCE);
		else
			record_difference(job, error, UNEXPECTED_GETERROR);
	}

	if (nlerr_code != libnl_code) {
		if ((error == ENOBUFS || error == -ENOBUFS) && nlerr_code == NLE_MISSED &&
		    libnl_code == NLE_NOMEM)
			record_difference(job, error, ENOBUFS_DIFFERENCE);
		else
			record_difference(job, error, UNEXPECTED_SYSERR2NLERR);
	}

	job->compared++;
}

static void *run_job(void *argument)
{
	struct job *job = argument;
	int64_t error;

	for (error = job->first; error <= job->last; error++) {
		if (error == INT_MIN)
			continue;
		compare_one(job, (int)error);
	}
	return NULL;
}

/* Returns how many of the values `a` and `b` lie in first..last. */
static uint64_t count_in_range(int64_t a, int64_t b, int64_t first, int64_t last)
{
	return (uint64_t)(a >= first && a <= last) + (uint64_t)(b != a && b >= first && b <= last);
}

/* Checks nlerr's results for INT_MIN. Returns the number of failures. */
static int check_nlerr_int_min(struct error_module nlerr)
{
	const char *message = nlerr.geterror(INT_MIN);
	int code = nlerr.syserr2nlerr(INT_MIN);
	int failures = 0;

	if (!is_message(message, FAILURE_MESSAGE)) {
		printf("FAIL nlerr nl_geterror(INT_MIN) is \"%s\", expected \"%s\"\n",
		       message ? message : "(null)", FAILURE_MESSAGE);
		failures++;
	}
	if (code != NLE_FAILURE) {
		printf("FAIL nlerr nl_syserr2nlerr(INT_MIN) is %d, expected %d\n", code, NLE_FAILURE);
		failures++;
	}
	if (failures == 0)
		printf("  INT_MIN: nlerr returns %d and \"%s\"\n", code, message);
	return failures;
}

/* Calls libnl with INT_MIN in a child process and prints what happened. The
 * outcome is informational: the behaviour is undefined, so nothing is
 * required of it. */
static void show_libnl_int_min(struct error_module libnl)
{
	int status;
	pid_t child;

	fflush(stdout);
	child = fork();
	if (child < 0) {
		printf("  INT_MIN: fork failed, libnl not probed: %s\n", strerror(errno));
		return;
	}
	if (child == 0) {
		printf("  INT_MIN: libnl nl_syserr2nlerr returns %d\n", libnl.syserr2nlerr(INT_MIN));
		fflush(stdout);
		printf("  INT_MIN: libnl nl_geterror returns \"%s\"\n", libnl.geterror(INT_MIN));
		fflush(stdout);
		_exit(0);
	}

	if (waitpid(child, &status, 0) < 0)
		printf("  INT_MIN: waitpid failed: %s\n", strerror(errno));
	else if (WIFSIGNALED(status))
		printf("  INT_MIN: libnl's child was killed by signal %d (%s)\n", WTERMSIG(status),
		       strsignal(WTERMSIG(status)));
	else
		printf("  INT_MIN: libnl's child exited with status %d\n", WEXITSTATUS(status));
}

static int parse_int(const char *text, int *value)
{
	char *end;
	long parsed;

	errno = 0;
	parsed = strtol(text, &end, 0);
	if (errno || end == text || *end || parsed < INT_MIN || parsed > INT_MAX)
		return -1;
	*value = (int)parsed;
	return 0;
}

static const char *difference_name(enum difference kind)
{
	return kind == UNEXPECTED_GETERROR ? "nl_geterror" : "nl_syserr2nlerr";
}

int main(int argc, char **argv)
{
	static struct job jobs[MAX_THREADS];
	pthread_t threads[MAX_THREADS];
	struct error_module nlerr, libnl;
	uint64_t compared = 0, differences[DIFFERENCE_KINDS] = {0};
	uint64_t expected_missed, expected_enobufs, total;
	int first = INT_MIN, last = INT_MAX, failures = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int thread_count, t, k;

	if (argc != 2 && argc != 4) {
		printf("usage: every_input LIBNLERR_PATH [FIRST LAST]\n");
		return 2;
	}
	if (argc == 4 && (parse_int(argv[2], &first) < 0 || parse_int(argv[3], &last) < 0 ||
			  first > last)) {
		printf("every_input: invalid range '%s' '%s': expected two ints, FIRST <= LAST\n",
		       argv[2], argv[3]);
		return 2;
	}
	open_error_modules(argv[1], &nlerr, &libnl);

	/* One thread per online CPU, and no thread without inputs. */
	total = (uint64_t)((int64_t)last - first + 1);
	thread_count = MAX_THREADS;
	if (cpus < MAX_THREADS)
		thread_count = (int)cpus;
	if (thread_count < 1)
		thread_count = 1;
	if ((uint64_t)thread_count > total)
		thread_count = (int)total;

	for (t = 0; t < thread_count; t++) {
		jobs[t].nlerr = nlerr;
		jobs[t].libnl = libnl;
		jobs[t].first = first + (int64_t)(total * t / thread_count);
		jobs[t].last = first + (int64_t)(total * (t + 1) / thread_count) - 1;
		if (pthread_create(&threads[t], NULL, run_job, &jobs[t]) != 0) {
			printf("every_input: pthread_create failed\n");
			return 1;
		}
	}

	for (t = 0; t < thread_count; t++) {
		pthread_join(threads[t], NULL);
		compared += jobs[t].compared;
		for (k = 0; k < DIFFERENCE_KINDS; k++)
			differences[k] += jobs[t].differences[k];
		for (k = 0; k < jobs[t].example_count; k++)
			printf("FAIL %s(%d): nlerr and libnl differ\n",
			       difference_name(jobs[t].example_kinds[k]), jobs[t].examples[k]);
	}

	printf("every_input: compared %" PRIu64 " inputs from %d to %d with libnl on %d threads%s\n",
	       compared, first, last, thread_count,
	       first == INT_MIN ? " (all but INT_MIN)" : "");
	printf("  nl_geterror at |e| = 35 (intended):           %" PRIu64 " differ\n",
	       differences[MISSED_MESSAGE_DIFFERENCE]);
	printf("  nl_syserr2nlerr at |e| = ENOBUFS (intended):  %" PRIu64 " differ\n",
	       differences[ENOBUFS_DIFFERENCE]);
	printf("  nl_geterror, unintended:                      %" PRIu64 " differ\n",
	       differences[UNEXPECTED_GETERROR]);
	printf("  nl_syserr2nlerr, unintended:                  %" PRIu64 " differ\n",
	       differences[UNEXPECTED_SYSERR2NLERR]);

	/* Each intended difference must show up wherever its inputs are in
	 * range, so that a nlerr that lost NLE_MISSED fails too. */
	expected_missed = count_in_range(NLE_MISSED, -NLE_MISSED, first, last);
	expected_enobufs = count_in_range(ENOBUFS, -ENOBUFS, first, last);
	if (differences[MISSED_MESSAGE_DIFFERENCE] != expected_missed) {
		printf("FAIL expected %" PRIu64 " nl_geterror differences at |e| = 35\n", expected_missed);
		failures++;
	}
	if (differences[ENOBUFS_DIFFERENCE] != expected_enobufs) {
		printf("FAIL expected %" PRIu64 " nl_syserr2nlerr differences at |e| = ENOBUFS\n",
		       expected_enobufs);
		failures++;
	}
	if (differences[UNEXPECTED_GETERROR] || differences[UNEXPECTED_SYSERR2NLERR])
		failures++;
	if (compared != total - (first == INT_MIN)) {
		printf("FAIL compared %" PRIu64 " inputs, expected %" PRIu64 "\n", compared,
		       total - (first == INT_MIN));
		failures++;
	}

	if (first == INT_MIN)
		failures += check_nlerr_int_min(nlerr);
	if (argc == 2)
		show_libnl_int_min(libnl);

	return failures == 0 ? 0 : 1;
}
