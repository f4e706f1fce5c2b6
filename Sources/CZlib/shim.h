#include <zlib.h>

// deflateInit2 and inflateInit2 are function-like macros, which Swift cannot call.
static inline int kafkactl_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

static inline int kafkactl_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
