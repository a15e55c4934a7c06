import NeuroLang

/// What the command line asked for.
struct CommandLineOptions {
  enum Mode: Equatable {
    case repl
    case script(path: String)
    /// `neuro -c TEXT`: the text run as a script.
    case command(text: String)
    /// `neuro lesson` (list) or `neuro lesson N`.
    case lesson(number: Int?)
    /// `neuro lesson N --notebook [OUT.ipynb]`: lesson N as a Jupyter notebook.
    case notebook(lesson: Int, output: String?)
    /// `neuro --help`, `neuro help COMMAND`, `neuro COMMAND --help`.
    case help(Subcommand?)
    /// `neuro --help-man`: the manual page in roff.
    case manPage
    case version
    /// `neuro export --to nest FILE.neuro [-o OUT.py]`: the script's world as a PyNEST script.
    case export(path: String, output: String?)
    /// `neuro check FILE…` or `neuro --check FILE…`: every diagnostic, nothing run.
    case check(paths: [String])
    /// `neuro completion bash|zsh|fish`: the shell's completion script.
    case completion(Shell)
    /// `neuro kernel --connection-file FILE` or `neuro kernel install`: the Jupyter kernel (its own arguments).
    case kernel(arguments: [String])
  }

  var mode: Mode = .repl
  var forceASCII = false
  var timing = false
  var color = ColorChoice.auto
  /// `--quiet`: statements do not say what they did (`ran 100 ms …`).
  var quiet = false
  /// `--threads N`: the threads runs share their work among (every core when not given).
  var threads: Int?
  /// `--engine nest`: runs go through NEST.
  var engineNest = false

  /// What options asked for that decides the mode once every argument is read.
  private struct Requests {
    var help = false, check = false, notebook = false, exportTarget: String?, output: String?, command: String?
  }

  /// Parses the arguments after the program name; a message on a usage error.
  static func parse(_ arguments: [String]) -> Result<CommandLineOptions, UsageError> {
    var options = CommandLineOptions(), requests = Requests()
    if arguments.first == "kernel" {
      options.mode = .kernel(arguments: Array(arguments.dropFirst()))
      return .success(options)
    }
    var words: [String] = [], given: [(spec: OptionSpec, spelling: String)] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--" {
        words += rest
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        words.append(argument)
        continue
      }
      let parts = argument.hasPrefix("--") ? argument.split(separator: "=", maxSplits: 1) : [Substring(argument)]
      let name = String(parts[0])
      guard let spec = OptionSpec.named(name) else { return .failure(UsageError("unknown option '\(argument)'")) }
      var value = parts.count > 1 ? String(parts[1]) : nil
      if spec.value == nil, value != nil { return .failure(UsageError("\(name) takes no value")) }
      if let valueName = spec.value, value == nil {
        value = rest.popFirst()
        if value == nil { return .failure(UsageError("\(name) needs a value (\(valueName))")) }
      }
      if let error = options.apply(spec, value ?? "", to: &requests) { return .failure(error) }
      given.append((spec, name))
    }
    let command = words.first.flatMap { Subcommand(rawValue: $0 == "lessons" ? "lesson" : $0) }
    if let misplaced = given.first(where: { $0.spec.command.map { $0 != command } ?? false }),
      let owner = misplaced.spec.command
    {
      return .failure(UsageError("\(misplaced.spelling) belongs to neuro \(owner.rawValue)", command: owner))
    }
    if requests.help { return options.with(.help(command)) }
    if options.mode != .repl { return .success(options) }
    return options.resolve(command, arguments: command == nil ? words[...] : words.dropFirst(), requests)
  }

  /// Applies one option and its value; a usage error when the value is not one it takes.
  private mutating func apply(_ spec: OptionSpec, _ value: String, to requests: inout Requests) -> UsageError? {
    switch spec.id {
    case .ascii: forceASCII = true
    case .timing: timing = true
    case .quiet: quiet = true
    case .noColor: color = .never
    case .check: requests.check = true
    case .command: requests.command = value
    case .help: requests.help = true
    case .helpMan: mode = .manPage
    case .version: mode = .version
    case .output: requests.output = value
    case .notebook: requests.notebook = true
    case .color:
      guard let choice = ColorChoice(rawValue: value) else {
        return UsageError("--color is always, never or auto, not '\(value)'")
      }
      color = choice
    case .threads:
      switch Self.threadCount(value) {
      case .success(let count): threads = count
      case .failure(let error): return error
      }
    case .engine:
      guard value == "nest" || value == "neuro" else { return UsageError("unknown engine '\(value)': neuro or nest") }
      engineNest = value == "nest"
    case .to:
      guard value == "nest" else { return UsageError("neuro exports to nest only, not '\(value)'", command: .export) }
      requests.exportTarget = value
    }
    return nil
  }

  /// The mode the command and the words after it ask for.
  private func resolve(_ command: Subcommand?, arguments: ArraySlice<String>, _ requests: Requests)
    -> Result<CommandLineOptions, UsageError>
  {
    if requests.command != nil || requests.check, command != nil {
      return .failure(UsageError("\(requests.check ? "--check" : "-c") takes no command '\(command?.rawValue ?? "")'"))
    }
    if let text = requests.command {
      guard arguments.isEmpty else { return .failure(UsageError("-c runs its text: give no file beside it")) }
      return with(.command(text: text))
    }
    if requests.check { return checkMode(arguments) }
    switch command {
    case nil:
      if arguments.count > 1 {
        return .failure(
          UsageError("one script at a time, found \(arguments.count): \(arguments.joined(separator: " "))"))
      }
      return with(arguments.first.map { .script(path: $0) } ?? .repl)
    case .lesson where requests.notebook:
      guard let text = arguments.first, arguments.count <= 2 else {
        return .failure(UsageError("neuro lesson --notebook takes a lesson number and OUT.ipynb", command: .lesson))
      }
      guard let number = Int(text) else {
        return .failure(UsageError("'\(text)' is not a lesson number", command: .lesson))
      }
      return with(.notebook(lesson: number, output: arguments.dropFirst().first))
    case .lesson:
      if arguments.count > 1 { return .failure(UsageError("neuro lesson takes one lesson number", command: .lesson)) }
      guard let text = arguments.first else { return with(.lesson(number: nil)) }
      guard let number = Int(text) else {
        return .failure(UsageError("'\(text)' is not a lesson number", command: .lesson))
      }
      return with(.lesson(number: number))
    case .export:
      guard arguments.count == 1, let path = arguments.first, requests.exportTarget != nil else {
        return .failure(UsageError("neuro export needs --to nest and one FILE.neuro", command: .export))
      }
      return with(.export(path: path, output: requests.output))
    case .check:
      return checkMode(arguments)
    case .completion:
      guard arguments.count == 1, let name = arguments.first, let shell = Shell(rawValue: name) else {
        let found = arguments.isEmpty ? "" : ", not '\(arguments.joined(separator: " "))'"
        return .failure(UsageError("neuro completion takes bash, zsh or fish\(found)", command: .completion))
      }
      return with(.completion(shell))
    case .help:
      guard arguments.count <= 1 else { return .failure(UsageError("neuro help takes one command", command: .help)) }
      guard let name = arguments.first else { return with(.help(nil)) }
      guard let topic = Subcommand(rawValue: name) else {
        let names = Subcommand.allCases.map(\.rawValue).joined(separator: ", ")
        return .failure(UsageError("no command '\(name)'; the commands are \(names)", command: .help))
      }
      return with(.help(topic))
    }
  }

  private func checkMode(_ paths: ArraySlice<String>) -> Result<CommandLineOptions, UsageError> {
    guard !paths.isEmpty else { return .failure(UsageError("neuro check needs a FILE.neuro", command: .check)) }
    return with(.check(paths: Array(paths)))
  }

  /// These options in another mode.
  private func with(_ mode: Mode) -> Result<CommandLineOptions, UsageError> {
    var options = self
    options.mode = mode
    return .success(options)
  }
}

extension CommandLineOptions {
  /// The number after `--threads`: 1 up to this machine's cores.
  static func threadCount(_ text: String?) -> Result<Int, UsageError> {
    let cores = Interpreter.cores
    guard let text, let count = Int(text) else {
      return .failure(UsageError("--threads needs a number of threads, 1 to \(cores) on this machine"))
    }
    guard (1...cores).contains(count) else {
      return .failure(UsageError("--threads can be 1 to \(cores) on this machine (\(cores) cores), found \(count)"))
    }
    return .success(count)
  }
}

/// A mistake on the command line (exit 64), and the command whose usage it shows.
struct UsageError: Error {
  let message: String
  var command: Subcommand? = nil

  init(_ message: String, command: Subcommand? = nil) {
    self.message = message
    self.command = command
  }
}

/// Exit codes, after BSD's sysexits as Crafting Interpreters uses them.
enum ExitCode {
  static let success: Int32 = 0
  static let usage: Int32 = 64
  static let syntaxError: Int32 = 65
  static let runtimeError: Int32 = 70
  static let fileError: Int32 = 74
}
