// Non-variadic wrappers over libedit for Swift.
// Swift cannot call C variadics (el_set, el_get, history) and Swift 6 rejects the C stdio globals,
// so every call LineEditing needs goes through one of these small fixed-signature functions.
#pragma once

#include <histedit.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An editor-function callback (EL_ADDFN): returns one of libedit's CC_* codes.
typedef unsigned char (*kms_el_fn)(EditLine *el, int ch);

/// el_init on stdin/stdout/stderr, with a prompt kept by the shim (see kms_el_set_prompt_string)
/// and an input function that returns when Ctrl-C arrives (see kms_signals_install).
/// Returns NULL on failure.
EditLine *kms_el_init_stdio(const char *prog);
/// el_end plus the shim's own per-editor state.
void kms_el_end(EditLine *el);

/// Copies `prompt`; libedit asks for it on every redraw.
int kms_el_set_prompt_string(EditLine *el, const char *prompt);
int kms_el_set_editor(EditLine *el, const char *mode);
int kms_el_set_history(EditLine *el, History *h);
int kms_el_set_signal(EditLine *el, int on);
/// el_source; NULL path means libedit's default ($EDITRC, else ~/.editrc).
int kms_el_source(EditLine *el, const char *path);
int kms_el_bind(EditLine *el, const char *key, const char *fn);
int kms_el_addfn(EditLine *el, const char *name, const char *help, kms_el_fn fn);
/// A pointer for the caller; the shim keeps it beside its own state.
void kms_el_set_clientdata(EditLine *el, void *data);
void *kms_el_get_clientdata(EditLine *el);

const char *kms_el_gets(EditLine *el, int *count);
int kms_el_insertstr(EditLine *el, const char *s);
void kms_el_deletestr(EditLine *el, int count);
/// The current line as multibyte text: its start, and the byte offsets of the cursor and end.
const char *kms_el_line(EditLine *el, int *cursor_offset, int *length);
void kms_el_resize(EditLine *el);
/// Writes text on the editor's output stream (so it interleaves correctly with libedit's own output).
void kms_el_write(EditLine *el, const char *s);

History *kms_history_init(void);
void kms_history_end(History *h);
int kms_history_setsize(History *h, int size);
int kms_history_setunique(History *h, int on);
int kms_history_enter(History *h, const char *line);
int kms_history_load(History *h, const char *path);
int kms_history_save(History *h, const char *path);

/// SIGINT and SIGWINCH handlers without SA_RESTART, so a blocked read returns with EINTR.
/// Nested installs are counted; the previous handlers come back at the last uninstall.
int kms_signals_install(void);
void kms_signals_uninstall(void);
/// 1 if SIGINT arrived since the last call, then clears it.
int kms_take_interrupt(void);
/// 1 if Ctrl-Z stopped the process while el_gets waited (and `fg` continued it) since the last call; clears it.
int kms_take_suspend(void);

int kms_isatty(int fd);
/// Terminal width of fd, or 0 if unknown.
int kms_terminal_columns(int fd);
/// setlocale(LC_CTYPE, "") so multibyte (UTF-8) input is decoded by libedit; C.UTF-8 when that gives C.
void kms_setlocale_ctype(void);

#ifdef __cplusplus
}
#endif
