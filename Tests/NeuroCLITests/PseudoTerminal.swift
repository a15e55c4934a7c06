import Foundation
import Glibc

/// neuro running on a pseudo-terminal of its own (its controlling terminal), so
/// that readline, the prompt and Ctrl-C behave as they do for a person.
final class PseudoTerminal {
  let master: Int32
  let pid: pid_t
  private(set) var transcript = ""
  /// How much of the plain screen text earlier waits have matched.
  private var consumed = 0

  init(arguments: [String] = [], environment: [String: String]) throws {
    // posix_openpt and friends are not visible from Swift's Glibc module; these are the
    // Linux calls they make: open the multiplexer, unlock the new terminal, ask its number.
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0, number: UInt32 = 0
    let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
    let getNumber: UInt = 0x8004_5430  // TIOCGPTN
    guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
      throw TerminalError("cannot open a pseudo-terminal")
    }
    let slavePath = "/dev/pts/\(number)"
    var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID: a new session, so the terminal opened below becomes the controlling one.
    // POSIX_SPAWN_SETSIGMASK (0x08): an empty signal mask, as a shell would give; the
    // test runner's threads may block SIGINT.
    posix_spawnattr_setflags(&attributes, Int16(0x80 | 0x08))
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    let argv = ([NeuroBinary.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, NeuroBinary.path, &actions, &attributes, argv, envp)
    guard status == 0 else { throw TerminalError("posix_spawn failed: \(status)") }
    pid = child
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  /// Types text as keys (use "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D).
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until the screen output after the last match contains `text`; returns what came before it.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let screen = PseudoTerminal.plain(transcript)
      let unread = screen.dropFirst(consumed)
      if let range = unread.range(of: text) {
        consumed = screen.distance(from: screen.startIndex, to: range.upperBound)
        return String(unread[..<range.lowerBound])
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else {
        throw TerminalError(
          "timed out waiting for \(text.debugDescription); screen so far:\n\(PseudoTerminal.plain(transcript))")
      }
      readAvailable(waitingUpTo: min(remaining, 0.2))
    }
  }

  /// Waits for the program to end; its exit status.
  func waitForExit(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      readAvailable(waitingUpTo: 0.05)
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
    }
    throw TerminalError("the program did not exit; screen:\n\(PseudoTerminal.plain(transcript))")
  }

  private func readAvailable(waitingUpTo seconds: Double) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = read(master, &buffer, buffer.count)
    if count > 0 { transcript += String(decoding: buffer[0..<count], as: UTF8.self) }
  }

  /// The text without terminal escape sequences and carriage returns.
  static func plain(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\u{1B}" {
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
        }
        continue
      }
      if scalar == "\r" || scalar == "\u{07}" { continue }
      result.unicodeScalars.append(scalar)
    }
    return result
  }
}

struct TerminalError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
