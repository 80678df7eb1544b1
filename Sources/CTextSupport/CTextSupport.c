#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "CTextSupport.h"

int podread_wcwidth(unsigned int codepoint) { return wcwidth((wchar_t)codepoint); }
