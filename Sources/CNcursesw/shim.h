#ifndef PODREAD_CNCURSESW_SHIM_H
#define PODREAD_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's feature flags, so ask for the wide API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot import or that Swift 6 rejects as unsafe.
static inline attr_t podread_a_bold(void) { return A_BOLD; }
static inline attr_t podread_a_dim(void) { return A_DIM; }
static inline attr_t podread_a_underline(void) { return A_UNDERLINE; }
static inline attr_t podread_a_reverse(void) { return A_REVERSE; }
static inline attr_t podread_a_normal(void) { return A_NORMAL; }
static inline WINDOW *podread_stdscr(void) { return stdscr; }
static inline WINDOW *podread_curscr(void) { return curscr; }
static inline FILE *podread_stdout(void) { return stdout; }
static inline FILE *podread_stdin(void) { return stdin; }
static inline int podread_colors(void) { return COLORS; }
static inline int podread_color_pairs(void) { return COLOR_PAIRS; }
/* Every event ncurses can report, though podread uses only clicks and the wheel: given an
   event outside its mask (a lone release, another button), wget_wch goes on to read the
   next one with a blocking read(), whatever the timeout, and the reader stops until a key. */
static inline mmask_t podread_mouse_mask(void) {
    return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION;
}
static inline int podread_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int podread_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }
static inline int podread_is_click(mmask_t state) {
    return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED)) != 0;
}

#endif
