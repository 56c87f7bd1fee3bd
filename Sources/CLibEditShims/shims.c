// Fixed-signature wrappers over libedit's variadic API, plus the signal and input plumbing
// that makes Ctrl-C end el_gets instead of the process. See include/CLibEditShims.h.
#include "CLibEditShims.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

// Per-editor state the shim owns, stored as libedit's client data.
struct kms_ctx {
    char *prompt;
    void *user;
    int infd;
};

static struct kms_ctx *ctx_of(EditLine *el) {
    void *p = NULL;
    if (el == NULL || el_get(el, EL_CLIENTDATA, &p) != 0) return NULL;
    return p;
}

// --- signals -------------------------------------------------------------------------------

static volatile sig_atomic_t got_sigint;
static volatile sig_atomic_t got_sigwinch;
static volatile sig_atomic_t got_sigtstp;
static int was_suspended;
static int install_count;
static struct sigaction old_int, old_winch, old_tstp;

static void on_sigint(int signo) { (void)signo; got_sigint = 1; }
static void on_sigwinch(int signo) { (void)signo; got_sigwinch = 1; }
static void on_sigtstp(int signo) { (void)signo; got_sigtstp = 1; }

int kms_signals_install(void) {
    if (install_count++ > 0) return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: the blocked read() in kms_getc must come back with EINTR
    sa.sa_handler = on_sigint;
    if (sigaction(SIGINT, &sa, &old_int) != 0) { install_count--; return -1; }
    sa.sa_handler = on_sigwinch;
    if (sigaction(SIGWINCH, &sa, &old_winch) != 0) {
        sigaction(SIGINT, &old_int, NULL);
        install_count--;
        return -1;
    }
    sa.sa_handler = on_sigtstp;
    if (sigaction(SIGTSTP, &sa, &old_tstp) != 0) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGWINCH, &old_winch, NULL);
        install_count--;
        return -1;
    }
    return 0;
}

void kms_signals_uninstall(void) {
    if (install_count == 0 || --install_count > 0) return;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGWINCH, &old_winch, NULL);
    sigaction(SIGTSTP, &old_tstp, NULL);
}

int kms_take_suspend(void) {
    int was = was_suspended;
    was_suspended = 0;
    return was;
}

// Ctrl-Z while editing (SIGTSTP, caught): give the terminal back in the mode the shell expects, stop for real
// (the default action, as the shell's job control wants), and when `fg` continues us, let el_gets end so that the
// next prompt starts afresh; el_gets puts the terminal in raw mode again when it is next called. Without this the
// process stopped with the terminal raw, and after `fg` the first line was read without editing with the
// abandoned line still in libedit's buffer, in front of it.
static volatile sig_atomic_t got_sigcont;
static void on_sigcont(int signo) { (void)signo; got_sigcont = 1; }

static void kms_suspend(EditLine *el) {
    el_set(el, EL_PREP_TERM, 0);
    struct sigaction dfl, mine, cont, old_cont;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    memset(&cont, 0, sizeof cont);
    sigemptyset(&cont.sa_mask);
    cont.sa_handler = on_sigcont;
    got_sigcont = 0;
    sigaction(SIGCONT, &cont, &old_cont);
    sigaction(SIGTSTP, &dfl, &mine);
    sigset_t tstp, old;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &old);
    raise(SIGTSTP); // stops here until SIGCONT (an orphaned process group ignores it and goes on at once)
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigaction(SIGTSTP, &mine, NULL);
    sigaction(SIGCONT, &old_cont, NULL);
    // Stopped and continued: the shell printed "Stopped" and, on fg, the command on lines of their own. Not
    // stopped: leave the abandoned line as typed and start the next prompt below it.
    if (!got_sigcont && write(STDOUT_FILENO, "\n", 1) < 0) { /* the terminal is gone: nothing to tidy */ }
    was_suspended = 1;
}

int kms_take_interrupt(void) {
    int was = got_sigint != 0;
    got_sigint = 0;
    return was;
}

// --- input ---------------------------------------------------------------------------------

// libedit's own reader retries a read interrupted by a signal once, so the first Ctrl-C would be
// swallowed; this one gives up as soon as SIGINT has been seen. It decodes multibyte input with
// mbrtowc, as libedit's does, which is why setlocale(LC_CTYPE, "") matters.
static int kms_getc(EditLine *el, wchar_t *wc) {
    struct kms_ctx *ctx = ctx_of(el);
    int fd = ctx ? ctx->infd : STDIN_FILENO;
    size_t used = 0; // bytes of the current character read so far
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (got_sigint) { *wc = 0; errno = EINTR; return -1; }
        if (got_sigtstp) {
            got_sigtstp = 0;
            kms_suspend(el);
            *wc = 0;
            errno = EINTR;
            return -1;
        }
        if (got_sigwinch) {
            got_sigwinch = 0;
            el_resize(el);
            el_set(el, EL_REFRESH);
        }
        unsigned char byte;
        ssize_t n = read(fd, &byte, 1);
        if (n == 0) { *wc = 0; return 0; }
        if (n < 0) {
            if (errno == EINTR) continue; // the loop top decides: SIGINT ends, SIGWINCH redraws
            *wc = 0;
            return -1;
        }
        used++;
        // After a partial sequence the state holds the earlier bytes: feed only the new one.
        char c = (char)byte;
        size_t r = mbrtowc(wc, &c, 1, &state);
        if (r == (size_t)-2) {
            if (used < MB_LEN_MAX) continue; // incomplete sequence: need more bytes
        } else if (r != (size_t)-1) {
            return 1;
        }
        // Invalid or overlong sequence: drop it and start afresh, as libedit does.
        used = 0;
        memset(&state, 0, sizeof state);
    }
}

static char *kms_prompt(EditLine *el) {
    struct kms_ctx *ctx = ctx_of(el);
    return (ctx && ctx->prompt) ? ctx->prompt : (char *)"";
}

// --- editor --------------------------------------------------------------------------------

EditLine *kms_el_init_stdio(const char *prog) {
    struct kms_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) return NULL;
    ctx->infd = fileno(stdin);
    EditLine *el = el_init(prog, stdin, stdout, stderr);
    if (el == NULL) { free(ctx); return NULL; }
    el_set(el, EL_CLIENTDATA, (void *)ctx);
    el_set(el, EL_PROMPT, kms_prompt);
    el_set(el, EL_GETCFN, kms_getc);
    return el;
}

void kms_el_end(EditLine *el) {
    if (el == NULL) return;
    struct kms_ctx *ctx = ctx_of(el);
    el_end(el);
    if (ctx) { free(ctx->prompt); free(ctx); }
}

int kms_el_set_prompt_string(EditLine *el, const char *prompt) {
    struct kms_ctx *ctx = ctx_of(el);
    if (ctx == NULL) return -1;
    char *copy = strdup(prompt ? prompt : "");
    if (copy == NULL) return -1;
    free(ctx->prompt);
    ctx->prompt = copy;
    return 0;
}

int kms_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
int kms_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
int kms_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int kms_el_source(EditLine *el, const char *path) { return el_source(el, path); }
int kms_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
int kms_el_addfn(EditLine *el, const char *name, const char *help, kms_el_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

void kms_el_set_clientdata(EditLine *el, void *data) {
    struct kms_ctx *ctx = ctx_of(el);
    if (ctx) ctx->user = data;
}

void *kms_el_get_clientdata(EditLine *el) {
    struct kms_ctx *ctx = ctx_of(el);
    return ctx ? ctx->user : NULL;
}

const char *kms_el_gets(EditLine *el, int *count) { return el_gets(el, count); }
int kms_el_insertstr(EditLine *el, const char *s) { return el_insertstr(el, s); }
void kms_el_deletestr(EditLine *el, int count) { el_deletestr(el, count); }

const char *kms_el_line(EditLine *el, int *cursor_offset, int *length) {
    const LineInfo *li = el_line(el);
    if (li == NULL || li->buffer == NULL) { *cursor_offset = 0; *length = 0; return ""; }
    *cursor_offset = (int)(li->cursor - li->buffer);
    *length = (int)(li->lastchar - li->buffer);
    return li->buffer;
}

void kms_el_resize(EditLine *el) { el_resize(el); }

void kms_el_write(EditLine *el, const char *s) {
    FILE *out = NULL;
    if (el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL) out = stdout;
    fputs(s, out);
    fflush(out);
}

// --- history -------------------------------------------------------------------------------

History *kms_history_init(void) { return history_init(); }
void kms_history_end(History *h) { if (h) history_end(h); }
int kms_history_setsize(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
int kms_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
int kms_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
int kms_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
int kms_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

// --- terminal ------------------------------------------------------------------------------

int kms_isatty(int fd) { return isatty(fd); }

int kms_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

void kms_setlocale_ctype(void) {
    const char *name = setlocale(LC_CTYPE, "");
    // Swift strings are UTF-8 whatever the environment says; under a plain C/POSIX locale (common
    // in containers and CI) libedit would drop every non-ASCII byte, so prefer C.UTF-8 there.
    if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && name == NULL) setlocale(LC_CTYPE, "C");
    }
}
