#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import Synchronization

/// Threads that share one job at a time: `run` gives each of `threads` parts to a thread, the calling
/// thread taking part 0, and returns when every part is done. Between the jobs of one simulation run
/// the workers spin (a job every few microseconds); `park` lets them sleep until the next job.
public final class WorkerPool: @unchecked Sendable {
  /// The threads a job is shared among, the caller's included.
  public let threads: Int
  /// The parts a job is split into: one per thread, always the same thread's, so that its data stays
  /// in that core's cache from step to step (parts taken by whichever thread is free ran slower).
  public var parts: Int { threads }
  private let shared: Shared
  private var workers: [pthread_t] = []
  /// One list per part for `collect`.
  private let lists: UnsafeMutablePointer<[Int]>

  /// Groups smaller than this run on one thread: sharing them costs more than it saves.
  public static let smallestSharedGroup = 1_024

  /// A pool of `threads` threads (at least 1: the caller alone, and no thread is started).
  public init(threads: Int) {
    shared = Shared(workers: max(0, threads - 1))
    var started = 1
    for part in 1..<max(1, threads) {
      let context = Unmanaged.passRetained(Worker(shared: shared, part: part)).toOpaque()
      var thread = pthread_t()
      let created = pthread_create(
        &thread, nil,
        { context in
          guard let context else { return nil }
          Unmanaged<Worker>.fromOpaque(context).takeRetainedValue().loop()
          return nil
        }, context)
      guard created == 0 else {
        Unmanaged<Worker>.fromOpaque(context).release()
        break
      }
      workers.append(thread)
      started += 1
    }
    self.threads = started
    shared.workerCount = started - 1
    lists = UnsafeMutablePointer<[Int]>.allocate(capacity: started)
    lists.initialize(repeating: [], count: started)
  }

  deinit {
    shared.stopping.store(true, ordering: .releasing)
    shared.generation.add(1, ordering: .releasing)
    for semaphore in shared.wakeUps { semaphore.signal() }
    for thread in workers { pthread_join(thread, nil) }
    lists.deinitialize(count: threads)
    lists.deallocate()
  }

  /// Runs `body(part)` for every part in 0..<threads, part 0 on this thread; returns when all are done.
  public func run(_ body: (Int) -> Void) {
    guard threads > 1 else { return body(0) }
    withoutActuallyEscaping(body) { job in
      shared.job = job
      shared.finished.store(0, ordering: .relaxed)
      shared.generation.add(1, ordering: .releasing)
      if !shared.awake.exchange(true, ordering: .acquiringAndReleasing) {
        for semaphore in shared.wakeUps { semaphore.signal() }
      }
      job(0)
      var spins = 0
      while shared.finished.load(ordering: .acquiring) < shared.workerCount { Self.pause(&spins) }
      shared.job = nil
    }
  }

  /// Runs `body(part, &list)` for every part, each with its own list, then appends the lists to
  /// `result` in the order of the parts.
  public func collect(into result: inout [Int], _ body: (Int, inout [Int]) -> Void) {
    let lists = self.lists
    run { part in body(part, &lists[part]) }
    for part in 0..<threads {
      result.append(contentsOf: lists[part])
      lists[part].removeAll(keepingCapacity: true)
    }
  }

  /// Lets the workers sleep until the next job (the end of a simulation run).
  public func park() {
    shared.awake.store(false, ordering: .releasing)
  }

  /// Spins a while, then gives the core away on each turn (another process may need it).
  static func pause(_ spins: inout Int) {
    spins += 1
    if spins > 4_000 { sched_yield() }
  }

  /// The state the caller and the workers share.
  fileprivate final class Shared: @unchecked Sendable {
    let generation = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let awake = Atomic<Bool>(false)
    let stopping = Atomic<Bool>(false)
    /// Written by the caller only while no worker runs (before the generation moves, after all finish).
    nonisolated(unsafe) var job: ((Int) -> Void)?
    var workerCount: Int
    let wakeUps: [DispatchSemaphore]

    init(workers: Int) {
      workerCount = workers
      wakeUps = (0..<workers).map { _ in DispatchSemaphore(value: 0) }
    }
  }

  /// One worker thread: waits for each new generation, runs its part, reports it done.
  private final class Worker: @unchecked Sendable {
    let shared: Shared
    let part: Int

    init(shared: Shared, part: Int) {
      self.shared = shared
      self.part = part
    }

    func loop() {
      var seen = 0  // no job has run before the workers start
      while true {
        var spins = 0
        while shared.generation.load(ordering: .acquiring) == seen {
          if shared.stopping.load(ordering: .acquiring) { return }
          if shared.awake.load(ordering: .acquiring) {
            WorkerPool.pause(&spins)
          } else {
            shared.wakeUps[part - 1].wait()
            spins = 0
          }
        }
        seen = shared.generation.load(ordering: .acquiring)
        if shared.stopping.load(ordering: .acquiring) { return }
        shared.job?(part)
        shared.finished.add(1, ordering: .releasing)
      }
    }
  }
}

extension WorkerPool {
  /// Part `part` of `0..<count` split into `parts` nearly equal ranges, their bounds multiples of 8
  /// (whole vector registers), in order.
  public static func range(part: Int, of parts: Int, count: Int) -> Range<Int> {
    func bound(_ k: Int) -> Int { k >= parts ? count : min(count, (count * k / parts) & ~7) }
    return bound(part)..<bound(part + 1)
  }

  /// The processors of this machine that are online.
  public static var availableCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
