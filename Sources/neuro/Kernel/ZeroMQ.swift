import CZeroMQ
import Glibc

/// A ZeroMQ socket of the kernel (libzmq loaded at start), sending and receiving whole multipart messages.
final class ZeroMQSocket {
  let handle: UnsafeMutableRawPointer

  /// A socket of `type` (CZMQ_ROUTER, …) bound to `endpoint`; a message saying why when it cannot be.
  init(context: UnsafeMutableRawPointer, type: Int32, endpoint: String) throws(KernelError) {
    guard let handle = czmq_socket(context, type) else { throw KernelError(ZeroMQSocket.lastError) }
    var linger: Int32 = 0
    _ = czmq_setsockopt(handle, CZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    guard czmq_bind(handle, endpoint) == 0 else {
      let reason = ZeroMQSocket.lastError
      _ = czmq_close(handle)
      throw KernelError("cannot listen on \(endpoint): \(reason)")
    }
    self.handle = handle
  }

  deinit { _ = czmq_close(handle) }

  /// libzmq loaded, and a context to make sockets in; a message saying why when it cannot be.
  static func context() throws(KernelError) -> UnsafeMutableRawPointer {
    try load()
    guard let context = czmq_ctx_new() else { throw KernelError(lastError) }
    return context
  }

  /// Loads libzmq; a message saying why and what to do when it cannot be.
  static func load() throws(KernelError) {
    switch czmq_load() {
    case 0: return
    case -2:
      throw KernelError(
        "the Jupyter kernel cannot run from this neuro (\(String(cString: czmq_load_error()))): `make jupyter` "
          + "builds a neuro that can (.build-jupyter/release/neuro, optimised and linked dynamically) and installs "
          + "its kernel")
    default:
      throw KernelError(
        "the Jupyter kernel needs ZeroMQ (\(String(cString: czmq_load_error()))): apt-get install libzmq5")
    }
  }

  static var lastError: String { czmq_strerror().map { String(cString: $0) } ?? "unknown error" }

  /// The frames of the next message (waiting for it); nil on an error or an interrupted wait.
  func receive() -> [[UInt8]]? {
    var frames: [[UInt8]] = []
    var more: Int32 = 1
    while more != 0 {
      var data: UnsafeMutablePointer<UInt8>? = nil
      var size = 0
      guard czmq_recv_frame(handle, &data, &size, &more) == 0, let data else { return nil }
      frames.append(Array(UnsafeBufferPointer(start: data, count: size)))
      free(data)
    }
    return frames
  }

  /// Sends the frames as one message.
  func send(_ frames: [[UInt8]]) {
    for (index, frame) in frames.enumerated() {
      let flags = index == frames.count - 1 ? 0 : CZMQ_SNDMORE
      _ = frame.withUnsafeBytes { czmq_send(handle, $0.baseAddress, $0.count, flags) }
    }
  }

  /// The sockets among `sockets` with a message waiting, after at most `milliseconds` (-1: no limit).
  static func waiting(_ sockets: [ZeroMQSocket], milliseconds: Int) -> [ZeroMQSocket] {
    var items = sockets.map { czmq_pollitem(socket: $0.handle, fd: 0, events: Int16(CZMQ_POLLIN), revents: 0) }
    guard czmq_poll(&items, Int32(items.count), milliseconds) > 0 else { return [] }
    return zip(sockets, items).filter { $0.1.revents & Int16(CZMQ_POLLIN) != 0 }.map(\.0)
  }
}

/// Why the kernel cannot start or go on.
struct KernelError: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}
