import FoundationEssentials
import NeuroLang

/// The interactive loop: read a statement (over several lines when unfinished),
/// run it, print expression values, and survive every error.
struct REPL {
  let options: CommandLineOptions
  var interpreter: Interpreter
  var lesson: ActiveLesson? = nil
  /// The lesson finished last, and the number of the one after it, for `:next` and `:restart`.
  var finishedLesson: (entry: LessonLibrary.Entry, next: Int?)? = nil
  private var hadError = false
  /// A lesson to start as the session begins (`neuro lesson N`).
  var initialLesson: Int? = nil

  init(options: CommandLineOptions) {
    self.options = options
    interpreter = Session.makeInterpreter(options)
  }

  /// Runs until :quit or end of input; the exit code reflects errors only for piped input.
  mutating func run() -> Int32 {
    let interactive = Terminal.inputIsTerminal
    var reader: any LineReader
    if interactive {
      Interrupts.install()
      reader = ReadlineLineReader(historyPath: Self.historyPath)
      Completion.source = interpreter
      Completion.install()
      Output.out("neuro \(Session.version) — type :help for help, :quit to leave\n")
    } else {
      reader = PlainLineReader()
    }
    if let number = initialLesson, !startLesson(number) { return ExitCode.fileError }
    var pending: [String] = []
    while true {
      let prompt = pending.isEmpty ? (lessonPrompt ?? "neuro> ") : "  ...> "
      switch reader.read(prompt: prompt) {
      case .endOfInput:
        if !pending.isEmpty {
          reader.remember(pending.joined(separator: "\n"))
          evaluate(pending.joined(separator: "\n"))
        }
        if interactive { Output.out("\n") }
        return interactive || !hadError ? ExitCode.success : firstErrorCode
      case .interrupt:
        pending.removeAll()
        remindOfPrediction()
      case .line(let typed):
        let line = REPL.withoutPastedPrompt(typed)
        if pending.isEmpty, line.trimmed().hasPrefix(":") {
          reader.remember(line)
          if !command(line.trimmed()) { return ExitCode.success }
          continue
        }
        if pending.isEmpty, lesson?.predicting != nil {
          answerPrediction(line)
          continue
        }
        if pending.isEmpty, line.allSatisfy(\.isWhitespace) { continue }
        pending.append(line)
        let step = InputCompleteness.step(after: pending)
        if case .waitForMore = step { continue }
        // One history entry for the whole statement, without the blank lines that ended it.
        var entry = pending
        while entry.last?.allSatisfy(\.isWhitespace) == true { entry.removeLast() }
        reader.remember(entry.joined(separator: "\n"))
        switch step {
        case .waitForMore: continue
        case .run: evaluate(pending.joined(separator: "\n"))
        case .abandon(let unclosed): report(unclosed)
        }
        pending.removeAll()
      }
    }
  }

  private var firstErrorCode: Int32 = ExitCode.success

  private mutating func evaluate(_ text: String) {
    Interrupts.clear()
    let result = interpreter.execute(Source(name: "<repl>", text: text), echo: true)
    if result != .success {
      if !hadError { firstErrorCode = result == .syntaxError ? ExitCode.syntaxError : ExitCode.runtimeError }
      hadError = true
    }
  }

  /// Shows a diagnostic the REPL itself found, counting it as an error for piped input.
  private mutating func report(_ diagnostic: Diagnostic) {
    interpreter.host.report(diagnostic)
    if !hadError { firstErrorCode = ExitCode.syntaxError }
    hadError = true
  }

  /// Runs a `:command`; false means leave.
  private mutating func command(_ line: String) -> Bool {
    let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
    let name = parts.first ?? ""
    let argument = parts.count > 1 ? parts[1].trimmed() : ""
    if lessonCommand(name) { return true }
    switch name {
    case "q", "quit", "exit":
      return false
    case "h", "help":
      if let text = REPLHelp.text(for: argument, in: interpreter) {
        Output.out(TextWrapping.wrap(text, width: Terminal.width))
      } else {
        Output.problem("no help on '\(argument)'", hint: REPLHelp.hint(forMissing: argument))
      }
    case "vars":
      let listing = interpreter.variableListing
      let width = Terminal.width
      Output.out(
        listing.isEmpty
          ? "nothing defined yet\n"
          : listing.map { line in
            line.count > width ? String(line.prefix(width - 1)) + "…" : line
          }.joined(separator: "\n") + "\n")
    case "reset":
      interpreter.startFresh()
      Output.out("session cleared: a fresh world (t = 0 ms, dt = 0.1 ms, no neurons or stimuli) and no names\n")
    case "lesson":
      guard let number = Int(argument) else {
        Output.problem(":lesson needs a lesson number", hint: ":lesson 1 (:lessons lists them)")
        return true
      }
      startLesson(number)
    case "lessons":
      _ = REPL.listLessons(inREPL: true)
    case "save":
      guard !argument.isEmpty else {
        Output.problem(":save needs a file name", hint: ":save session.neuro")
        return true
      }
      let path = FilePaths.expandingTilde(argument)
      switch interpreter.saveSession(to: path) {
      case .success(let count):
        let statements = count == 1 ? "statement" : "statements"
        Output.out("saved \(count) \(statements) to \(argument): neuro \(argument) runs them again\n")
      case .failure(let error):
        Output.problem(error.description)
      }
    case "load":
      guard !argument.isEmpty else {
        Output.problem(":load needs a file name", hint: ":load examples/lif.neuro")
        return true
      }
      load(argument)
    default:
      let commands = [
        "help", "quit", "reset", "load", "save", "vars", "lesson", "lessons", "check", "hint", "solution", "next",
        "restart",
      ]
      let close = closestName(to: name, among: commands)
      Output.problem(
        "unknown command ':\(name)'",
        hint: close.map { "did you mean ':\($0)'?" }
          ?? "the commands are :help :vars :load :save :reset :lesson N :lessons :quit")
    }
    return true
  }

  private mutating func load(_ path: String) {
    do {
      let text = try readSourceFile(path)
      Interrupts.clear()
      interpreter.execute(Source(name: path, text: text))
    } catch {
      Output.problem("\(error)")
    }
  }

  /// A line pasted with the prompt it was shown with in a lesson or the README (`neuro> 2.5nA * 10MΩ`,
  /// `  ...> }`), without that prompt; any other line as it is.
  static func withoutPastedPrompt(_ line: String) -> String {
    let start = line.drop { $0 == " " }
    for prompt in ["neuro>", "...>"] where start.hasPrefix(prompt) {
      let rest = start.dropFirst(prompt.count)
      if rest.isEmpty { return "" }
      if rest.first == " " { return String(rest.dropFirst()) }
    }
    return line
  }

  static var historyPath: String {
    if let custom = Terminal.environment("NEURO_HISTORY"), !custom.isEmpty { return custom }
    let home = Terminal.environment("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path
    return FilePaths.joined(home, ".neuro_history")
  }
}
