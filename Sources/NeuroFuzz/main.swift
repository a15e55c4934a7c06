import Foundation

// neuro-fuzz: generated and mutated scripts run through the neuro binary; crashes and hangs
// are minimised and kept under fuzz-findings/ (ignored by git). Exit status 1 when a crash was
// found (a hang too with --strict-hangs 1), 0 otherwise.
//   neuro-fuzz [--binary PATH] [--count N] [--seed S] [--timeout SECONDS] [--memory MB] [--budget SECONDS] [--jobs J]
//              [--out FOLDER] [--strict-hangs 0|1] [--repl-percent P (of inputs typed into the REPL; 20)]
//              [--in-process 1 (the long round: inputs run in forked copies of this program, see InProcess.swift)]
//              [--replay FOLDER (each .neuro file there run again in a forked copy, its outcome printed)]

/// Writes a line at once (unbuffered), so that progress shows up in a log file as it happens.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let key = arguments.popFirst() {
  guard key.hasPrefix("--"), let value = arguments.popFirst() else {
    FileHandle.standardError.write(
      Data(
        "usage: neuro-fuzz [--binary PATH] [--count N] [--seed S] [--timeout S] [--memory MB] [--budget S] [--jobs J]\n"
          .utf8))
    exit(64)
  }
  options[String(key.dropFirst(2))] = value
}
let repository = FileManager.default.currentDirectoryPath
let binaryOption = options["binary"] ?? ".build/release/neuro"
let binary = binaryOption.hasPrefix("/") ? binaryOption : repository + "/" + binaryOption
let count = Int(options["count"] ?? "") ?? 1000
let seed = UInt64(options["seed"] ?? "") ?? 1
let jobs = max(1, Int(options["jobs"] ?? "") ?? 1)
let budget = Double(options["budget"] ?? "") ?? .infinity
let findings = options["out"] ?? repository + "/fuzz-findings"
let timeout = Double(options["timeout"] ?? "") ?? 10
let memoryKiB = (Int(options["memory"] ?? "") ?? 4096) * 1024
let replPercent = Int(options["repl-percent"] ?? "") ?? 20

let seeds = Corpus.seeds(repository: repository)

/// Input number `index` of the round: generated, or a mutation of a seed script.
func input(_ index: Int) -> String {
  var random = FuzzRandom(state: seed &* 1_000_003 &+ UInt64(index))
  return seeds.isEmpty || random.chance(35)
    ? Generator.program(&random)
    : Mutator.mutate(random.pick(seeds), splicing: random.pick(seeds), &random)
}

if let folder = options["replay"] {
  let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".neuro") }
    .sorted()
  let runner = ForkRunner(
    timeout: timeout, memoryKiB: memoryKiB, folder: NSTemporaryDirectory() + "neuro-fuzz-replay-\(getpid())",
    libraryPaths: [repository + "/stdlib"])
  var failed = false
  for file in files {
    guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
    let outcome = runner.run(text)
    failed = failed || (outcome != .ok && outcome != .slow)
    say("\(file): \(outcome.category)")
  }
  exit(failed ? 1 : 0)
}

if options["in-process"] == "1" {
  say(
    "neuro-fuzz: \(count) inputs, seed \(seed), \(seeds.count) seed scripts, \(jobs) jobs, timeout \(timeout) s, "
      + "memory \(memoryKiB / 1024) MB, in process"
  )
  let settings = InProcessRound.Settings(
    count: count, seed: seed, jobs: jobs, timeout: timeout, memoryKiB: memoryKiB, budget: budget,
    findings: findings, libraryPaths: [repository + "/stdlib"])
  exit(InProcessRound.run(settings, input: input))
}

guard FileManager.default.isExecutableFile(atPath: binary) else {
  say("neuro-fuzz: no neuro binary at \(binary) (make release first)")
  exit(66)
}
guard
  Runner(
    binary: binary, timeout: 30, memoryKiB: memoryKiB, folder: NSTemporaryDirectory() + "neuro-fuzz-check-\(getpid())"
  ).run("print 1\n") == .ok
else {
  say("neuro-fuzz: \(binary) does not run a one-line script; nothing to fuzz")
  exit(70)
}
say(
  "neuro-fuzz: \(count) inputs, seed \(seed), \(seeds.count) seed scripts, \(jobs) jobs, timeout \(timeout) s, "
    + "memory \(memoryKiB / 1024) MB"
)

let lock = NSLock()
nonisolated(unsafe) var counts: [String: Int] = [:]
nonisolated(unsafe) var done = 0
let start = Date()
let scratch = NSTemporaryDirectory() + "neuro-fuzz-\(getpid())"

DispatchQueue.concurrentPerform(iterations: jobs) { job in
  var runner = Runner(binary: binary, timeout: timeout, memoryKiB: memoryKiB, folder: "\(scratch)/\(job)")
  var index = job
  while index < count, Date().timeIntervalSince(start) < budget {
    let input = input(index)
    var random = FuzzRandom(state: seed &* 7_000_003 &+ UInt64(index))
    runner.viaREPL = random.chance(replPercent)
    var outcome = runner.run(input)
    if outcome == .hang {
      // On a busy machine a slow input can miss the timeout: a hang must also miss three times it.
      var patient = runner
      patient.timeout = 3 * timeout
      if patient.run(input) != .hang { outcome = .slow }
    }
    if outcome != .ok, outcome != .slow {
      // Each try at a hang costs the whole timeout: a few line deletions only.
      let small = Minimizer.minimize(input, outcome, runner: runner, attempts: outcome == .hang ? 12 : 300)
      let folder = "\(findings)/\(outcome.category)\(runner.viaREPL ? "-repl" : "")"
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let name = "\(folder)/seed\(seed)-\(index).neuro"
      try? Data(small.utf8).write(to: URL(fileURLWithPath: name))
      try? Data(input.utf8).write(to: URL(fileURLWithPath: name + ".original"))
      lock.lock()
      say("found \(outcome.category): \(name)")
      lock.unlock()
    }
    lock.lock()
    counts[outcome.category + (runner.viaREPL && outcome != .ok ? "-repl" : ""), default: 0] += 1
    done += 1
    if done % 1000 == 0 {
      say(
        "\(done) inputs, \(String(format: "%.1f", Double(done) / Date().timeIntervalSince(start))) per second: "
          + "\(counts.sorted { $0.key < $1.key })"
      )
    }
    lock.unlock()
    index += jobs
  }
  try? FileManager.default.removeItem(atPath: runner.folder)
}
try? FileManager.default.removeItem(atPath: scratch)
let seconds = Date().timeIntervalSince(start)
say(
  "neuro-fuzz: \(done) inputs in \(String(format: "%.0f", seconds)) s "
    + "(\(String(format: "%.1f", Double(done) / seconds)) per second)"
)
for (category, n) in counts.sorted(by: { $0.key < $1.key }) { say("  \(category): \(n)") }
let strictHangs = options["strict-hangs"] == "1"
exit(counts.keys.contains { $0.hasPrefix("crash") || (strictHangs && $0 == "hang") } ? 1 : 0)
