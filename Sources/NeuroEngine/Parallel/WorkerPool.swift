#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import NeuroUnits
import Synchronization

/// Threads that share one job at a time: `run` gives each of `threads` parts to a thread, the calling
/// thread taking part 0, and returns when every part is done. Between the jobs of one simulation run
/// the workers spin (a job every few microseconds); `park` lets them sleep until the next job.
public final class WorkerPool: @unchecked Sendable {
  /// The threads a job is shared among, the caller's included.
  public let threads: Int
  /// Where each part's share of a range ends (fractions, the last 1): moved after each job towards
  /// shares that take the threads equally long, since cores of a shared machine run at different speeds.
  private var ends: [Double]
  /// How long each part of the last job took (ns), written by the thread that ran it.
  private let durations: UnsafeMutablePointer<Int>
  /// The wall time and work (ns) of the jobs judged so far in this window, how many, how many of a run's
  /// first jobs are still to pass unjudged, and how many jobs are left to run alone (see `judge`).
  private var windowWall = 0, windowWork = 0, windowJobs = 0, warmUp = WorkerPool.warmUpJobs, jobsAlone = 0
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
    durations = UnsafeMutablePointer<Int>.allocate(capacity: started)
    durations.initialize(repeating: 0, count: started)
    ends = (1...started).map { Double($0) / Double(started) }
  }

  deinit {
    shared.stopping.store(true, ordering: .releasing)
    shared.generation.add(1, ordering: .releasing)
    for semaphore in shared.wakeUps { semaphore.signal() }
    for thread in workers { pthread_join(thread, nil) }
    lists.deinitialize(count: threads)
    lists.deallocate()
    durations.deallocate()
  }

  /// Runs `body(part)` for every part in 0..<threads, part 0 on this thread; returns when all are done.
  public func run(_ body: (Int) -> Void) {
    guard threads > 1 else { return body(0) }
    let durations = self.durations
    let timed: (Int) -> Void = { part in
      let start = Self.now()
      body(part)
      durations[part] = Self.now() - start
    }
    if jobsAlone > 0 {
      // The other threads were slower to wait for than the work they took: this thread does every part.
      jobsAlone -= 1
      for part in 0..<threads {
        let start = Self.now()
        body(part)
        durations[part] = Self.now() - start
      }
      return
    }
    let start = Self.now()
    withoutActuallyEscaping(timed) { job in
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
    judge(wall: Self.now() - start)
    rebalance()
  }

  /// Whether sharing pays: over windows of `window` jobs (after the first few of a run, which wake the
  /// threads), the time the caller waited for the jobs against the work in them. When the jobs took longer
  /// than their parts one after another would have (another program has the other cores), the next
  /// `aloneFor` jobs run on this thread alone, and then sharing is tried again.
  private func judge(wall: Int) {
    guard warmUp == 0 else {
      warmUp -= 1
      return
    }
    for k in 0..<threads { windowWork += durations[k] }
    windowWall += wall
    windowJobs += 1
    guard windowJobs == Self.window else { return }
    if windowWall > windowWork { jobsAlone = Self.aloneFor }
    (windowWall, windowWork, windowJobs) = (0, 0, 0)
  }

  /// Jobs judged together, and jobs of a run not judged at its start.
  static let window = 500, warmUpJobs = 50

  /// Jobs run alone after sharing proved slower.
  static let aloneFor = 2_000

  /// Part `part` of `0..<count` in the current shares, its bounds multiples of 8 (whole vector
  /// registers); the parts cover the range in order. Which neuron a part holds never changes a result.
  public func range(part: Int, count: Int) -> Range<Int> {
    func bound(_ k: Int) -> Int {
      k <= 0 ? 0 : k >= threads ? count : min(count, Int(clampingToSteps: Double(count) * ends[k - 1]) & ~7)
    }
    return bound(part)..<bound(part + 1)
  }

  /// Moves the shares a tenth of the way towards those that would have made the last job's parts take
  /// equally long (jobs under 4 µs say too little to go by).
  private func rebalance() {
    var total = 0.0, busy = 0
    for k in 0..<threads {
      busy += durations[k]
      total += share(k) / Double(max(1, durations[k]))
    }
    guard busy > 4_000 else { return }
    var end = 0.0, previous = 0.0
    for k in 0..<threads {
      let old = ends[k] - previous
      previous = ends[k]
      let share = 0.9 * old + 0.1 * (old / Double(max(1, durations[k]))) / total
      end += min(max(share, 0.1 / Double(threads)), 1)
      ends[k] = k == threads - 1 ? 1 : min(end, 1)
    }
  }

  /// Part k's share of a range now.
  private func share(_ k: Int) -> Double { ends[k] - (k == 0 ? 0 : ends[k - 1]) }

  /// A monotonic clock in nanoseconds.
  static func now() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
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
    (windowWall, windowWork, windowJobs, warmUp) = (0, 0, 0, Self.warmUpJobs)
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
  /// The processors of this machine that are online.
  public static var availableCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
