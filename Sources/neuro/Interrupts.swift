import Glibc

/// Set by the SIGINT handler, read by the REPL and the running simulation.
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0

/// Ctrl-C: a flag instead of death, so a run can stop and the session live on.
enum Interrupts {
  /// Installs the handler (no SA_RESTART, so a waiting read returns at once).
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    // A parent may have left SIGINT blocked (test runners, some shells' job control).
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// True once after each Ctrl-C.
  static func take() -> Bool {
    guard interruptFlag != 0 else { return false }
    interruptFlag = 0
    return true
  }

  static var pending: Bool { interruptFlag != 0 }

  static func clear() { interruptFlag = 0 }
}
