import Foundation
import NeuroUnits

/// `--in-process 1`: the long round. Worker processes are forked before any thread exists; each
/// runs its share of the inputs one after another, every input in a forked child through the
/// linked interpreter (`ForkRunner`), and writes its counts to a file the parent adds up. A
/// finding is kept as it was (not minimised: run it through the binary to minimise it).
enum InProcessRound {
  struct Settings {
    var count: Int
    var seed: UInt64
    var jobs: Int
    var timeout: Double
    var memoryKiB: Int
    var budget: Double
    var findings: String
    var libraryPaths: [String]
  }

  /// Runs the round; neuro's exit status for it (1 when a crash was found).
  static func run(_ settings: Settings, input: @escaping (Int) -> String) -> Int32 {
    let scratch = NSTemporaryDirectory() + "neuro-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let start = Date()
    var workers: [pid_t] = []
    for job in 0..<settings.jobs {
      let pid = fork()
      if pid == 0 { work(job, settings, scratch: scratch, start: start, input: input) }
      if pid > 0 { workers.append(pid) }
    }
    for pid in workers {
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
    var counts: [String: Int] = [:]
    for job in 0..<settings.jobs {
      let text = (try? String(contentsOfFile: "\(scratch)/counts-\(job)", encoding: .utf8)) ?? ""
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[1]) else { continue }
        counts[String(parts[0]), default: 0] += n
      }
    }
    try? FileManager.default.removeItem(atPath: scratch)
    let total = counts.values.reduce(0, +)
    let seconds = Date().timeIntervalSince(start)
    say(
      "neuro-fuzz: \(total) inputs in \(Int(saturating: seconds)) s "
        + "(\(Int(saturating: Double(total) / max(seconds, 1e-9))) per second), in process"
    )
    for (category, n) in counts.sorted(by: { $0.key < $1.key }) { say("  \(category): \(n)") }
    return counts.keys.contains { $0.hasPrefix("crash") } ? 1 : 0
  }

  /// One worker's share: inputs job, job + jobs, …; its counts go to a file.
  private static func work(_ job: Int, _ settings: Settings, scratch: String, start: Date, input: (Int) -> String)
    -> Never
  {
    let folder = "\(scratch)/\(job)"
    var runner = ForkRunner(
      timeout: settings.timeout, memoryKiB: settings.memoryKiB, folder: folder, libraryPaths: settings.libraryPaths)
    var counts: [String: Int] = [:]
    var index = job, done = 0
    while index < settings.count, Date().timeIntervalSince(start) < settings.budget {
      let text = input(index)
      var outcome = runner.run(text)
      if outcome == .hang {
        runner.timeout = 3 * settings.timeout
        if runner.run(text) != .hang { outcome = .slow }
        runner.timeout = settings.timeout
      }
      if outcome != .ok, outcome != .slow {
        let kept = "\(settings.findings)/\(outcome.category)"
        try? FileManager.default.createDirectory(atPath: kept, withIntermediateDirectories: true)
        let name = "\(kept)/seed\(settings.seed)-\(index).neuro"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: name))
        say("found \(outcome.category): \(name)")
      }
      counts[outcome.category, default: 0] += 1
      done += 1
      if done % 20_000 == 0 {
        say(
          "job \(job): \(done) inputs, \(Int(saturating: Double(done) / Date().timeIntervalSince(start))) per "
            + "second: \(counts.sorted { $0.key < $1.key })"
        )
      }
      index += settings.jobs
    }
    let lines = counts.map { "\($0.key) \($0.value)" }.joined(separator: "\n") + "\n"
    try? Data(lines.utf8).write(to: URL(fileURLWithPath: "\(scratch)/counts-\(job)"))
    try? FileManager.default.removeItem(atPath: folder)
    exit(0)
  }
}
