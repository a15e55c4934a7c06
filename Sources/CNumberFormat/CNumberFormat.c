#include "CNumberFormat.h"
#include <stdio.h>

int neuro_format_g(char *buffer, size_t size, int digits, double x) {
  return snprintf(buffer, size, "%.*g", digits, x);
}
