import Foundation

/// Runs parsing and evaluation on a thread with a large stack: the parser's nesting limit and the
/// evaluator's depth limit then hold on any caller's thread (test threads have 512 KiB).
enum LargeStack {
  /// Room for the deepest input the parser and evaluator accept, in a debug build, with a wide margin.
  static let size = 512 << 20
  private static let threadName = "neuro-interpreter"

  /// The result of `work`, run on a large-stack thread (or right here when already on one).
  static func run<T>(_ work: () throws -> T) rethrows -> T {
    if Thread.current.name == threadName { return try work() }
    return try withoutActuallyEscaping(work) { work in
      let box = Box(work)
      let done = DispatchSemaphore(value: 0)
      let thread = Thread {
        box.run()
        done.signal()
      }
      thread.name = threadName
      thread.stackSize = size
      thread.start()
      done.wait()
      return try box.result()
    }
  }

  /// Work and its outcome, handed between threads; the caller waits, so only one thread touches it at a time.
  private final class Box<T>: @unchecked Sendable {
    /// Let go as soon as it has run: the work must not outlive `run(_:)`, though the thread may.
    var work: (() throws -> T)?
    var outcome: Result<T, Error>?
    init(_ work: @escaping () throws -> T) { self.work = work }
    func run() {
      if let work { outcome = Result { try work() } }
      work = nil
    }
    func result() throws -> T {
      guard let outcome else { throw CancellationError() }
      return try outcome.get()
    }
  }
}
