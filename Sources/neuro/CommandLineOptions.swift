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
    /// `neuro export --to nest FILE.neuro [-o OUT.py]`: the script's world as a PyNEST script.
    case export(path: String, output: String?)
    /// `neuro kernel --connection-file FILE` or `neuro kernel install`: the Jupyter kernel (its own arguments).
    case kernel(arguments: [String])
  }

  var mode: Mode = .repl
  var forceASCII = false
  var timing = false
  var noColor = false
  /// `--threads N`: the threads runs share their work among (every core when not given).
  var threads: Int?
  /// `--engine nest`: runs go through NEST.
  var engineNest = false

  static let usage = """
    usage: neuro [options] [FILE.neuro]
           neuro lesson [N]
           neuro export --to nest FILE.neuro [-o OUT.py]
           neuro kernel install [--user | --prefix P]

    With a file, runs it as a script. Without one, starts the interactive REPL
    (or reads statements from standard input when it is not a terminal).
    `neuro lesson` lists the guided lessons; `neuro lesson 2` starts lesson 2.
    `neuro export --to nest` builds the script's network without simulating it and
    writes a PyNEST 3 script that simulates it for the time of its runs (FILE.py
    beside it, or OUT.py).
    `neuro kernel install` registers neuro as a Jupyter kernel (Jupyter then runs
    `neuro kernel --connection-file FILE`).

    options:
      --ascii        draw plots with plain ASCII characters
      --no-color     never use colour
      --threads N    share each run among N threads (default: every core); the
                     spikes are the same for any number
      --timing       print the wall time of each run and connect (for benchmarks)
      --engine nest  run simulations through NEST and read the spikes back: a Python
                     with the PyPI package nest-simulator (NEURO_PYTHON, else python3)
      --help         show this help
      --version      show the version

    exit codes: 0 success, 64 usage, 65 syntax error, 70 runtime error, 74 file error

    """

  /// Parses the arguments after the program name; a message on a usage error.
  static func parse(_ arguments: [String]) -> Result<CommandLineOptions, UsageError> {
    var options = CommandLineOptions()
    if arguments.first == "kernel" {
      options.mode = .kernel(arguments: Array(arguments.dropFirst()))
      return .success(options)
    }
    var files: [String] = []
    var arguments = arguments[...]
    var exportTarget: String? = nil, output: String? = nil
    while let argument = arguments.popFirst() {
      if argument == "--threads" || argument.hasPrefix("--threads=") {
        let text = argument == "--threads" ? arguments.popFirst() : String(argument.dropFirst("--threads=".count))
        switch threadCount(text) {
        case .success(let count): options.threads = count
        case .failure(let error): return .failure(error)
        }
        continue
      }
      switch argument {
      case "--engine", "--to", "-o":
        guard let value = arguments.popFirst() else {
          return .failure(UsageError(message: "\(argument) needs a value"))
        }
        if argument == "--engine" {
          guard value == "nest" || value == "neuro" else {
            return .failure(UsageError(message: "unknown engine '\(value)': neuro or nest"))
          }
          options.engineNest = value == "nest"
        } else if argument == "--to" {
          guard value == "nest" else {
            return .failure(UsageError(message: "neuro exports to nest only, not '\(value)'"))
          }
          exportTarget = value
        } else {
          output = value
        }
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
    if files.first == "export" {
      guard files.count == 2, exportTarget != nil else {
        return .failure(UsageError(message: "usage: neuro export --to nest FILE.neuro [-o OUT.py]"))
      }
      options.mode = .export(path: files[1], output: output)
      return .success(options)
    }
    if exportTarget != nil || output != nil {
      return .failure(UsageError(message: "--to and -o belong to neuro export --to nest FILE.neuro"))
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
