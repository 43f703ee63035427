/*
 * The values of libnl 3.7's codes as the system's <netlink/errno.h> defines
 * them. This file is compiled with libnl's include directory only, so that it
 * reads libnl's header and not nlerr's.
 */
#include <netlink/errno.h>

#include "system_codes.h"

#define CODE(name) {#name, name},
const struct named_code system_codes[] = {
#include "code_names.h"
};
#undef CODE

const int system_code_count = sizeof(system_codes) / sizeof(system_codes[0]);
const int system_nle_max = NLE_MAX;

#ifdef NLE_MISSED
#error "the system's <netlink/errno.h> defines NLE_MISSED: this file must not see nlerr's header"
#endif
