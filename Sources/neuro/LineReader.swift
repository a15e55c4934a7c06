import CReadline
import Glibc

/// One read from the user.
enum InputEvent: Equatable {
  case line(String)
  case interrupt
  case endOfInput
}

/// Reads lines: GNU readline with history on a terminal, plain lines otherwise.
protocol LineReader {
  mutating func read(prompt: String) -> InputEvent
  /// Keeps one entry in the history: a command, or a whole statement typed over several lines.
  mutating func remember(_ entry: String)
}

/// Plain reading for piped input: no prompt, no echo, no history.
struct PlainLineReader: LineReader {
  mutating func read(prompt: String) -> InputEvent {
    guard let line = readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line)
  }

  mutating func remember(_ entry: String) {}
}

nonisolated(unsafe) private var pendingLine: UnsafeMutablePointer<CChar>? = nil
nonisolated(unsafe) private var lineArrived = false

/// GNU readline through its callback interface, so that Ctrl-C at the prompt clears
/// the line instead of ending the program. Every entry (a statement, even one typed over
/// several lines, or a command) is appended to the history file as soon as it is complete;
/// the file carries timestamps, so that an entry's lines are read back as one.
struct ReadlineLineReader: LineReader {
  let historyPath: String
  private var lastEntry: String? = nil

  init(historyPath: String) {
    self.historyPath = historyPath
    rl_catch_signals = 0
    rl_readline_name = UnsafePointer(strdup("neuro"))
    using_history()
    history_write_timestamps = 1
    history_multiline_entries = 1
    let fd = open(historyPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    if fd >= 0 { close(fd) }
    read_history(historyPath)
    history_truncate_file(historyPath, 5000)
  }

  mutating func read(prompt: String) -> InputEvent {
    lineArrived = false
    pendingLine = nil
    rl_callback_handler_install(prompt) { line in
      pendingLine = line
      lineArrived = true
      rl_callback_handler_remove()
    }
    while !lineArrived {
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      // A timeout, so that a Ctrl-C arriving just before poll starts is still seen promptly.
      let ready = poll(&descriptor, 1, 100)
      if Interrupts.take() {
        Output.out("^C")
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        Output.out("\n")
        return .interrupt
      }
      if ready < 0 {
        if errno == EINTR { continue }
        rl_callback_handler_remove()
        return .endOfInput
      }
      if ready == 0 { continue }
      rl_callback_read_char()
    }
    guard let raw = pendingLine else { return .endOfInput }
    defer { free(raw) }
    return .line(String(cString: raw))
  }

  mutating func remember(_ entry: String) {
    guard !entry.allSatisfy(\.isWhitespace), entry != lastEntry else { return }
    lastEntry = entry
    add_history(entry)
    append_history(1, historyPath)
  }
}
