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

  static let usage = """
    usage: neuro [options] [FILE.neuro]
           neuro lesson [N]

    With a file, runs it as a script. Without one, starts the interactive REPL
    (or reads statements from standard input when it is not a terminal).
    `neuro lesson` lists the guided lessons; `neuro lesson 2` starts lesson 2.

    options:
      --ascii      draw plots with plain ASCII characters
      --no-color   never use colour
      --timing     print the wall time of each run and connect (for benchmarks)
      --help       show this help
      --version    show the version

    exit codes: 0 success, 64 usage, 65 syntax error, 70 runtime error, 74 file error

    """

  /// Parses the arguments after the program name; a message on a usage error.
  static func parse(_ arguments: [String]) -> Result<CommandLineOptions, UsageError> {
    var options = CommandLineOptions()
    var files: [String] = []
    for argument in arguments {
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
      let rest = arguments.filter { !$0.hasPrefix("-") }.dropFirst()
      if rest.count > 1 { return .failure(UsageError(message: "neuro lesson takes one lesson number")) }
      guard let text = rest.first else {
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
