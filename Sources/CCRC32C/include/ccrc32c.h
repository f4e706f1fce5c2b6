#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has a CRC-32C instruction (x86-64 SSE 4.2, ARMv8 CRC32), else 0.
int ccrc32c_hardware_available(void);

/// Continues the raw (not inverted) CRC-32C register `crc` over `length` bytes with the CPU's instruction.
/// Only call when ccrc32c_hardware_available() returned 1.
uint32_t ccrc32c_hardware_update(uint32_t crc, const void *bytes, size_t length);

#endif
