#ifndef CTEXTSUPPORT_H
#define CTEXTSUPPORT_H

/// wcwidth(3), which glibc hides behind feature macros Swift's Glibc module lacks.
int podread_wcwidth(unsigned int codepoint);

#endif
