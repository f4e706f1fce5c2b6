#ifndef KAFKACTL_CBUILDINFO_H
#define KAFKACTL_CBUILDINFO_H

/// The git commit kafkactl was built from (12 hex digits, "-dirty" with uncommitted changes), or "unknown" when it
/// was built outside a git checkout. Package.swift passes it in as a C define: Swift's -D cannot carry a value.
const char *kafkactl_build_commit(void);

#endif
