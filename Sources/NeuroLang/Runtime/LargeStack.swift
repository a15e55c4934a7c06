#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs parsing and evaluation on a thread with a large stack: the parser's nesting limit and the
/// evaluator's depth limit then hold on any caller's thread (test threads have 512 KiB).
enum LargeStack {
  /// Room for the deepest input the parser and evaluator accept, in a debug build, with a wide margin;
  /// smaller sizes are used when the address space is capped (`ulimit -v`): at most a quarter of it.
  static let sizes = [512 << 20, 128 << 20, 32 << 20]
  /// The address space the last large-stack thread reserved for its stack (0 before one ran): the
  /// memory budget leaves it out of what an address-space cap allows. Written before the thread
  /// starts and read on it, one thread at a time.
  nonisolated(unsafe) static var reservedStack = 0
  /// Marks the threads this type started, so that nested calls run where they are.
  private static let marker: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// The result of `work`, run on a large-stack thread (or right here when already on one, or
  /// when no such thread can be made).
  static func run<T>(_ work: () throws -> T) rethrows -> T {
    if pthread_getspecific(marker) != nil { return try work() }
    return try withoutActuallyEscaping(work) { work in
      let box = Box(work)
      for size in sizes where size <= addressSpaceCap / 4 && start(box, stackSize: size) {
        return try box.result()
      }
      box.work = nil
      return try work()
    }
  }

  /// The address space the process may use (`ulimit -v`), or Int.max: a stack takes at most a quarter of it.
  private static var addressSpaceCap: Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return .max }
    return Int(clamping: limit.rlim_cur)
  }

  /// Runs the box on a new thread of `stackSize` bytes and waits for it; false when the thread could not start.
  private static func start(_ box: Runnable, stackSize: Int) -> Bool {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
    reservedStack = stackSize
    let context = Unmanaged.passRetained(box).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        pthread_setspecific(LargeStack.marker, context)
        Unmanaged<Runnable>.fromOpaque(context).takeRetainedValue().runOnce()
        return nil
      }, context)
    guard created == 0 else {
      Unmanaged<Runnable>.fromOpaque(context).release()
      return false
    }
    pthread_join(thread, nil)
    return true
  }

  /// Work that a thread runs once.
  private class Runnable: @unchecked Sendable {
    func runOnce() {}
  }

  /// Work and its outcome, handed between threads; the caller waits, so only one thread touches it at a time.
  private final class Box<T>: Runnable, @unchecked Sendable {
    /// Let go as soon as it has run: the work must not outlive `run(_:)`.
    var work: (() throws -> T)?
    var outcome: Result<T, Error>?
    init(_ work: @escaping () throws -> T) { self.work = work }
    override func runOnce() {
      if let work { outcome = Result { try work() } }
      work = nil
    }
    func result() throws -> T {
      guard let outcome else { throw CancellationError() }
      return try outcome.get()
    }
  }
}
