/*
 * Calls nl_geterror and nl_syserr2nlerr from a signal handler in a loop,
 * while the interrupted thread calls them too, and checks every result and
 * errno on both sides.
 *
 * A second thread sends SIGUSR1 to the main thread with pthread_kill until
 * the handler has run the requested number of times. The main thread calls
 * the two functions in a loop meanwhile, so signals land at arbitrary points
 * inside them.
 *
 * Linked against libnlerr.so.
 *
 * Usage: signals [HANDLER_RUNS]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <netlink/errno.h>

#include "check.h"

#define DEFAULT_HANDLER_RUNS 5000

/* Different values in the handler and in the main loop, so that a handler
 * that leaked its errno into the main thread would show. */
#define HANDLER_ERRNO EOWNERDEAD
#define MAIN_ERRNO ENOTRECOVERABLE

static const int inputs[] = {
	INT_MIN, INT_MIN + 1, -1000, -ENOBUFS, -36, -35, -34, -5, -1, 0, 1, 5, 34, 35, 36,
	EBADF, EINTR, ENOMEM, ENOBUFS, 1000, INT_MAX,
};

#define INPUT_COUNT (sizeof(inputs) / sizeof(inputs[0]))

/* Results computed before the handler is installed. */
static const char *expected_messages[INPUT_COUNT];
static int expected_codes[INPUT_COUNT];

static volatile sig_atomic_t handler_runs;
static volatile sig_atomic_t handler_failures;
static atomic_int stop_sending;

/* Returns the number of wrong results or errno values in one pass over the
 * inputs. Only async-signal-safe work: reads of static data and the two
 * functions under test. */
static int check_all_inputs(int errno_value)
{
	int failures = 0;
	size_t i;

	for (i = 0; i < INPUT_COUNT; i++) {
		errno = errno_value;
		if (nl_geterror(inputs[i]) != expected_messages[i] || errno != errno_value)
			failures++;
		if (nl_syserr2nlerr(inputs[i]) != expected_codes[i] || errno != errno_value)
			failures++;
	}
	return failures;
}

static void handle_signal(int signal_number)
{
	int saved_errno = errno;
	int pass;

	(void)signal_number;
	for (pass = 0; pass < 10; pass++)
		handler_failures += check_all_inputs(HANDLER_ERRNO);
	handler_runs++;
	errno = saved_errno;
}

static void *send_signals(void *argument)
{
	pthread_t target = *(pthread_t *)argument;

	while (!atomic_load(&stop_sending)) {
		pthread_kill(target, SIGUSR1);
		sched_yield();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct sigaction action = {0};
	pthread_t main_thread = pthread_self(), sender;
	long main_failures = 0, main_passes = 0;
	int target_runs = DEFAULT_HANDLER_RUNS;
	size_t i;

	if (argc > 2 || (argc == 2 && (target_runs = atoi(argv[1])) < 1)) {
		printf("usage: signals [HANDLER_RUNS]: HANDLER_RUNS must be a positive number\n");
		return 2;
	}

	for (i = 0; i < INPUT_COUNT; i++) {
		expected_messages[i] = nl_geterror(inputs[i]);
		expected_codes[i] = nl_syserr2nlerr(inputs[i]);
	}

	action.sa_handler = handle_signal;
	action.sa_flags = SA_RESTART;
	sigemptyset(&action.sa_mask);
	if (sigaction(SIGUSR1, &action, NULL) < 0 ||
	    pthread_create(&sender, NULL, send_signals, &main_thread) != 0) {
		printf("installing the handler or starting the sender failed\n");
		return 1;
	}

	while (handler_runs < target_runs) {
		main_failures += check_all_inputs(MAIN_ERRNO);
		main_passes++;
	}
	atomic_store(&stop_sending, 1);
	pthread_join(sender, NULL);

	CHECK(handler_failures == 0, "%d wrong results or errno values in the handler",
	      (int)handler_failures);
	CHECK(main_failures == 0, "%ld wrong results or errno values in the main loop",
	      main_failures);
	CHECK(handler_runs >= target_runs, "the handler ran %d times", (int)handler_runs);

	printf("signals: handler ran %d times, main loop %ld passes\n", (int)handler_runs,
	       main_passes);
	return check_finish("signals");
}
