#ifndef CTEXTSUPPORT_H
#define CTEXTSUPPORT_H
#include <stddef.h>

/// wcwidth(3) and memmem(3), which glibc hides behind feature macros Swift's Glibc module lacks.
int podread_wcwidth(unsigned int codepoint);
const void *podread_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
