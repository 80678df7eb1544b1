#define _GNU_SOURCE
#include <string.h>
#include <wchar.h>
#include "CTextSupport.h"

int podread_wcwidth(unsigned int codepoint) { return wcwidth((wchar_t)codepoint); }

const void *podread_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
