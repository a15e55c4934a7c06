// ZeroMQ for the Jupyter kernel, loaded when the kernel starts (dlopen), so that neuro runs without it.
#ifndef CZEROMQ_H
#define CZEROMQ_H

#include <stddef.h>

// The values of zmq.h (stable since ZeroMQ 3).
#define CZMQ_PUB 1
#define CZMQ_REP 4
#define CZMQ_ROUTER 6
#define CZMQ_SNDMORE 2
#define CZMQ_LINGER 17
#define CZMQ_POLLIN 1

/// One socket to wait on, laid out as zmq_pollitem_t.
typedef struct {
  void *socket;
  int fd;
  short events;
  short revents;
} czmq_pollitem;

/// Loads libzmq; 0 on success, else -1 (no libzmq) or -2 (a static program, which cannot load it) with
/// czmq_load_error() saying why.
int czmq_load(void);
const char *czmq_load_error(void);

void *czmq_ctx_new(void);
void *czmq_socket(void *context, int type);
int czmq_setsockopt(void *socket, int option, const void *value, size_t size);
int czmq_bind(void *socket, const char *endpoint);
int czmq_close(void *socket);
int czmq_send(void *socket, const void *data, size_t size, int flags);
int czmq_poll(czmq_pollitem *items, int count, long timeout);
const char *czmq_strerror(void);
/// Receives one frame into a new malloc'd buffer (freed by the caller); its size, and whether more
/// frames follow. 0 on success, -1 on an error.
int czmq_recv_frame(void *socket, unsigned char **data, size_t *size, int *more);

#endif
