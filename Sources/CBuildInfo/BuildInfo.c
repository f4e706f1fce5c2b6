#include "CBuildInfo.h"

#ifndef KAFKACTL_BUILD_COMMIT
#define KAFKACTL_BUILD_COMMIT "unknown"
#endif

const char *kafkactl_build_commit(void) { return KAFKACTL_BUILD_COMMIT; }
