#ifndef CNUMBERFORMAT_H
#define CNUMBERFORMAT_H

#include <stddef.h>

/// Writes x as printf's "%.*g" with `digits` significant digits into buffer (of `size` bytes);
/// returns what snprintf returns. A plain C call: Swift's withVaList would box each argument.
int neuro_format_g(char *buffer, size_t size, int digits, double x);

#endif
