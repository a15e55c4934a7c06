// GNU readline and history, as the REPL uses them.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
