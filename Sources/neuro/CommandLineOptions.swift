import NeuroLang

/// What the command line asked for.
struct CommandLineOptions {
  enum Mode: Equatable {
    case repl
    case script(path: String)
    /// `neuro lesson` (list) or `neuro lesson N`.
    case lesson(number: Int?)
    case help
    case version
  }

  var mode: Mode = .repl
  var forceASCII = false
  var timing = false
  var noColor = false
  /// `--threads N`: the threads runs share their work among (every core when not given).
  var threads: Int?

  static let usage = """
    usage: neuro [options] [FILE.neuro]
           neuro lesson [N]

    With a file, runs it as a script. Without one, starts the interactive REPL
    (or reads statements from standard input when it is not a terminal).
    `neuro lesson` lists the guided lessons; `neuro lesson 2` starts lesson 2.

    options:
      --ascii      draw plots with plain ASCII characters
      --no-color   never use colour
      --threads N  share each run among N threads (default: every core); the
                   spikes are the same for any number
      --timing     print the wall time of each run and connect (for benchmarks)
      --help       show this help
      --version    show the version

    exit codes: 0 success, 64 usage, 65 syntax error, 70 runtime error, 74 file error

    """

  /// Parses the arguments after the program name; a message on a usage error.
  static func parse(_ arguments: [String]) -> Result<CommandLineOptions, UsageError> {
    var options = CommandLineOptions()
    var files: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--threads" || argument.hasPrefix("--threads=") {
        let text = argument == "--threads" ? rest.popFirst() : String(argument.dropFirst("--threads=".count))
        switch threadCount(text) {
        case .success(let count): options.threads = count
        case .failure(let error): return .failure(error)
        }
        continue
      }
      switch argument {
      case "--ascii": options.forceASCII = true
      case "--timing": options.timing = true
      case "--no-color", "--no-colour": options.noColor = true
      case "-h", "--help": options.mode = .help
      case "--version": options.mode = .version
      default:
        if argument.hasPrefix("-") && argument != "-" {
          return .failure(UsageError(message: "unknown option '\(argument)'"))
        }
        files.append(argument)
      }
    }
    if files.first == "lesson" || files.first == "lessons" {
      let lessonArguments = files.dropFirst()
      if lessonArguments.count > 1 { return .failure(UsageError(message: "neuro lesson takes one lesson number")) }
      guard let text = lessonArguments.first else {
        options.mode = .lesson(number: nil)
        return .success(options)
      }
      guard let number = Int(text) else { return .failure(UsageError(message: "'\(text)' is not a lesson number")) }
      options.mode = .lesson(number: number)
      return .success(options)
    }
    if files.count > 1 {
      return .failure(
        UsageError(message: "one script at a time, found \(files.count): \(files.joined(separator: " "))"))
    }
    if let file = files.first, options.mode == .repl { options.mode = .script(path: file) }
    return .success(options)
  }
}

extension CommandLineOptions {
  /// The number after `--threads`: 1 up to this machine's cores.
  static func threadCount(_ text: String?) -> Result<Int, UsageError> {
    let cores = Interpreter.cores
    guard let text, let count = Int(text) else {
      return .failure(UsageError(message: "--threads needs a number of threads, 1 to \(cores) on this machine"))
    }
    guard (1...cores).contains(count) else {
      return .failure(
        UsageError(message: "--threads can be 1 to \(cores) on this machine (\(cores) cores), found \(count)"))
    }
    return .success(count)
  }
}

struct UsageError: Error {
  let message: String
}

/// Exit codes, after BSD's sysexits as Crafting Interpreters uses them.
enum ExitCode {
  static let success: Int32 = 0
  static let usage: Int32 = 64
  static let syntaxError: Int32 = 65
  static let runtimeError: Int32 = 70
  static let fileError: Int32 = 74
}
