// The few libzmq functions the Jupyter kernel uses, looked up when it starts.
#include "CZeroMQ.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

// zmq_msg_t: 64 bytes on a pointer's alignment.
typedef union {
  unsigned char bytes[64];
  void *alignment;
} zmq_msg;

static struct {
  void *(*ctx_new)(void);
  void *(*socket)(void *, int);
  int (*setsockopt)(void *, int, const void *, size_t);
  int (*bind)(void *, const char *);
  int (*close)(void *);
  int (*send)(void *, const void *, size_t, int);
  int (*poll)(czmq_pollitem *, int, long);
  int (*msg_init)(zmq_msg *);
  int (*msg_recv)(zmq_msg *, void *, int);
  void *(*msg_data)(zmq_msg *);
  size_t (*msg_size)(const zmq_msg *);
  int (*msg_more)(const zmq_msg *);
  int (*msg_close)(zmq_msg *);
  int (*errno_)(void);
  const char *(*strerror)(int);
} zmq;

static const char *load_error = "";

int czmq_load(void) {
  if (zmq.ctx_new) return 0;
  // A static program (make release) has no dynamic loader of its own: loading libzmq there crashes.
  if (!dlopen("libc.so.6", RTLD_NOLOAD | RTLD_LAZY)) {
    load_error = "this neuro is one static program, which cannot load shared libraries";
    return -2;
  }
  void *library = dlopen("libzmq.so.5", RTLD_NOW);
  if (!library) library = dlopen("libzmq.so", RTLD_NOW);
  if (!library) {
    load_error = dlerror();
    return -1;
  }
  void **slots[] = {
    (void **)&zmq.socket, (void **)&zmq.setsockopt, (void **)&zmq.bind, (void **)&zmq.close,
    (void **)&zmq.send, (void **)&zmq.poll, (void **)&zmq.msg_init, (void **)&zmq.msg_recv,
    (void **)&zmq.msg_data, (void **)&zmq.msg_size, (void **)&zmq.msg_more, (void **)&zmq.msg_close,
    (void **)&zmq.errno_, (void **)&zmq.strerror, (void **)&zmq.ctx_new,
  };
  const char *names[] = {
    "zmq_socket", "zmq_setsockopt", "zmq_bind", "zmq_close", "zmq_send", "zmq_poll", "zmq_msg_init",
    "zmq_msg_recv", "zmq_msg_data", "zmq_msg_size", "zmq_msg_more", "zmq_msg_close", "zmq_errno",
    "zmq_strerror", "zmq_ctx_new",
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    *slots[i] = dlsym(library, names[i]);
    if (!*slots[i]) {
      load_error = "libzmq lacks a function the kernel needs";
      zmq.ctx_new = NULL;
      return -1;
    }
  }
  return 0;
}

const char *czmq_load_error(void) { return load_error ? load_error : ""; }
void *czmq_ctx_new(void) { return zmq.ctx_new(); }
void *czmq_socket(void *context, int type) { return zmq.socket(context, type); }
int czmq_setsockopt(void *socket, int option, const void *value, size_t size) {
  return zmq.setsockopt(socket, option, value, size);
}
int czmq_bind(void *socket, const char *endpoint) { return zmq.bind(socket, endpoint); }
int czmq_close(void *socket) { return zmq.close(socket); }
int czmq_send(void *socket, const void *data, size_t size, int flags) { return zmq.send(socket, data, size, flags); }
int czmq_poll(czmq_pollitem *items, int count, long timeout) { return zmq.poll(items, count, timeout); }
const char *czmq_strerror(void) { return zmq.strerror(zmq.errno_()); }

int czmq_recv_frame(void *socket, unsigned char **data, size_t *size, int *more) {
  zmq_msg message;
  zmq.msg_init(&message);
  if (zmq.msg_recv(&message, socket, 0) < 0) {
    zmq.msg_close(&message);
    return -1;
  }
  *size = zmq.msg_size(&message);
  *data = malloc(*size ? *size : 1);
  if (!*data) {
    zmq.msg_close(&message);
    return -1;
  }
  memcpy(*data, zmq.msg_data(&message), *size);
  *more = zmq.msg_more(&message);
  zmq.msg_close(&message);
  return 0;
}
