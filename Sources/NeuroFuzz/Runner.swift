import Foundation

/// How one run of neuro ended, as the fuzzer counts it.
enum Outcome: Hashable {
  case ok
  case crash(String)
  case hang
  /// Missed the timeout once but finished in three times it: counted, not kept.
  case slow

  var category: String {
    switch self {
    case .ok: return "ok"
    case .crash(let how): return "crash-" + how
    case .hang: return "hang"
    case .slow: return "slow"
    }
  }
}

/// Runs neuro on one input in its own folder (its cwd and HOME, so saves land there), with a timeout
/// of processor time (`ulimit -t`; a wall-clock one at ten times it catches an input that waits
/// without working) and a cap on virtual memory: as a script, or typed into the REPL line by line.
struct Runner {
  let binary: String
  var timeout: Double
  let memoryKiB: Int
  let folder: String
  /// True to feed the input to the REPL on its standard input instead of running it as a script.
  var viaREPL = false

  /// Exit codes of a diagnosed failure: usage, syntax, runtime, file.
  static let diagnosedExitCodes: Set<Int32> = [0, 64, 65, 70, 74]

  func run(_ input: String) -> Outcome {
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let script = folder + "/input.neuro"
    guard FileManager.default.createFile(atPath: script, contents: Data(input.utf8)) else { return .ok }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c",
      "ulimit -v \(memoryKiB); ulimit -t \(Int(saturating: timeout, rounding: .up)); "
        + "exec \"$0\" \(viaREPL ? "< input.neuro" : "input.neuro")",
      binary,
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ["HOME": folder, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "SWIFT_BACKTRACE": "enable=no"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return .crash("spawn") }
    let deadline = Date().addingTimeInterval(10 * timeout)
    while process.isRunning {
      if Date() > deadline {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return .hang
      }
      usleep(2_000)
    }
    if process.terminationReason == .uncaughtSignal {
      return process.terminationStatus == SIGXCPU || process.terminationStatus == SIGKILL
        ? .hang : .crash("signal\(process.terminationStatus)")
    }
    return Self.diagnosedExitCodes.contains(process.terminationStatus)
      ? .ok : .crash("exit\(process.terminationStatus)")
  }
}

/// Makes a failing input smaller while it fails the same way: whole lines first, then words.
enum Minimizer {
  static func minimize(_ input: String, _ outcome: Outcome, runner: Runner, attempts: Int = 300) -> String {
    var budget = attempts
    func stillFails(_ candidate: String) -> Bool {
      budget -= 1
      return budget >= 0 && runner.run(candidate) == outcome
    }
    var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < lines.count, budget > 0 {
      var candidate = lines
      candidate.remove(at: i)
      if stillFails(candidate.joined(separator: "\n")) { lines = candidate } else { i += 1 }
    }
    var words = lines.joined(separator: "\n").split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    i = 0
    while i < words.count, budget > 0 {
      var candidate = words
      candidate.remove(at: i)
      if stillFails(candidate.joined(separator: " ")) { words = candidate } else { i += 1 }
    }
    return words.joined(separator: " ")
  }
}
