// libedit's native API (el_init, el_gets, history, tok_*). Debian installs it as /usr/include/histedit.h.
#include <histedit.h>
