import Foundation
import NeuroLang
import NeuroUnits

/// Runs one input in a forked copy of the fuzzer through the interpreter linked into it: no
/// process to start and no libraries to load, so a million inputs take minutes, not hours. The
/// child caps its memory, sets an alarm for the timeout, works in its own folder and exits with
/// neuro's exit codes; a crash or a hang shows as the signal that ended it. The timeout counts the
/// child's processor time, not the clock's, so a busy machine never turns a slow input into a
/// hang; a wall-clock alarm at ten times the timeout catches an input that waits without working. The fork is made by
/// a single-threaded fuzzer (`--in-process 1` never starts worker threads), so the child never
/// inherits a lock another thread held.
struct ForkRunner {
  var timeout: Double
  let memoryKiB: Int
  let folder: String
  /// Where `import` finds the standard library, as the installed program would.
  let libraryPaths: [String]

  func run(_ input: String) -> Outcome {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let child = fork()
    if child < 0 { return .crash("fork") }
    if child == 0 { runAsChild(input) }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    if signal == 0 {
      let code = (status >> 8) & 0xff
      return Runner.diagnosedExitCodes.contains(code) ? .ok : .crash("exit\(code)")
    }
    return signal == SIGPROF || signal == SIGALRM ? .hang : .crash("signal\(signal)")
  }

  /// The child's whole life: limits, a quiet interpreter on the input, neuro's exit code.
  private func runAsChild(_ input: String) -> Never {
    let bytes = rlim_t(clamping: memoryKiB) * 1024
    var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
    setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
    let cpuSeconds = Int(saturating: timeout, rounding: .up)
    var cpuLimit = itimerval(it_interval: timeval(), it_value: timeval(tv_sec: cpuSeconds, tv_usec: 0))
    setitimer(__itimer_which_t(ITIMER_PROF.rawValue), &cpuLimit, nil)
    alarm(UInt32(clamping: 10 * cpuSeconds))
    _ = chdir(folder)
    setenv("HOME", folder, 1)
    let quiet = open("/dev/null", O_WRONLY)
    dup2(quiet, 1)
    dup2(quiet, 2)
    // A long simulation is stopped at half the timeout (of processor time) as Ctrl-C would stop it:
    // what the timer still catches is what Ctrl-C could not stop, a real hang.
    let stopAt = timeout / 2
    let host = Host(
      write: { _ in }, report: { _ in }, shouldStop: { processorSeconds() >= stopAt },
      libraryPaths: libraryPaths)
    switch Interpreter(host: host).execute(Source(name: "input.neuro", text: input)) {
    case .success: _exit(0)
    case .syntaxError: _exit(65)
    case .runtimeError: _exit(70)
    }
  }
}

/// The processor time this process has used, in seconds.
private func processorSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
