/// The words after `neuro` that name a command of their own (`neuro lesson 2`); none runs a script or the REPL.
/// A new command is a case here, a help page in `HelpPages` and a mode in `CommandLineOptions`.
enum Subcommand: String, CaseIterable {
  case lesson, export, check, completion, help
}

/// An option the command line accepts: the parser, the help pages and the shell completions read this one table.
struct OptionSpec {
  /// What the option does, for the parser.
  enum ID {
    case ascii, color, noColor, threads, timing, engine, quiet, check, command, help, helpMan, version, to, output
    case notebook
  }

  let id: ID
  /// Its spellings, the short one first (`-q`, `--quiet`).
  let names: [String]
  /// The name of the value it takes (`N`), nil for a flag.
  var value: String? = nil
  /// The name of a value it may take as the next word (`[OUT.ipynb]`), for the help pages; the command reads it.
  var optionalValue: String? = nil
  /// The words the value can be, for completion (empty: any).
  var choices: [String] = []
  let summary: String
  /// The command it belongs to; nil for every command.
  var command: Subcommand? = nil

  /// The spellings with the value: `-q, --quiet`, `--threads N`, `--color=WHEN`.
  var signature: String {
    let joined = names.joined(separator: ", ")
    if let optionalValue { return joined + " [\(optionalValue)]" }
    guard let value else { return joined }
    return joined + (names.last?.hasPrefix("--") == true && !choices.isEmpty ? "=\(value)" : " \(value)")
  }

  /// The spec one of whose spellings is `name`.
  static func named(_ name: String) -> OptionSpec? { all.first { $0.names.contains(name) } }

  static let all: [OptionSpec] = [
    OptionSpec(
      id: .command, names: ["-c"], value: "TEXT",
      summary: "run TEXT as a script (statements on lines, or separated by ';'); a bare expression prints its value"),
    OptionSpec(id: .check, names: ["--check"], summary: "check the files without running them (as neuro check)"),
    OptionSpec(
      id: .quiet, names: ["-q", "--quiet"],
      summary: "leave out what statements say they did (ran 100 ms …, connected …, saved …); prints, warnings and "
        + "errors stay"),
    OptionSpec(
      id: .color, names: ["--color"], value: "WHEN", choices: ["auto", "always", "never"],
      summary: "colour: always, never, or auto (on a terminal, unless NO_COLOR is set or TERM is dumb)"),
    OptionSpec(id: .noColor, names: ["--no-color", "--no-colour"], summary: "never use colour (as --color=never)"),
    OptionSpec(id: .ascii, names: ["--ascii"], summary: "draw plots with plain ASCII characters"),
    OptionSpec(
      id: .threads, names: ["--threads"], value: "N",
      summary: "share each run among N threads (default: every core); the spikes are the same for any number"),
    OptionSpec(
      id: .engine, names: ["--engine"], value: "ENGINE", choices: ["neuro", "nest"],
      summary: "run simulations through NEST and read the spikes back: a Python with the PyPI package "
        + "nest-simulator (NEURO_PYTHON, else python3)"),
    OptionSpec(id: .timing, names: ["--timing"], summary: "print the wall time of each run and connect (benchmarks)"),
    OptionSpec(
      id: .to, names: ["--to"], value: "TARGET", choices: ["nest"], summary: "the simulator to export to: nest",
      command: .export),
    OptionSpec(
      id: .output, names: ["-o"], value: "OUT.py", summary: "the file to write (default: FILE.py beside FILE.neuro)",
      command: .export),
    OptionSpec(
      id: .notebook, names: ["--notebook"], optionalValue: "OUT.ipynb",
      summary: "write lesson N as a Jupyter notebook for the neuro kernel (default: the lesson's file name with "
        + ".ipynb, here)",
      command: .lesson),
    OptionSpec(id: .help, names: ["-h", "--help"], summary: "show this help (neuro COMMAND --help: a command's)"),
    OptionSpec(id: .helpMan, names: ["--help-man"], summary: "print the manual page in roff (docs/neuro.1)"),
    OptionSpec(id: .version, names: ["--version"], summary: "show the version"),
  ]
}

/// `--color=WHEN`: whether output is coloured.
enum ColorChoice: String {
  case auto, always, never

  /// True when output to a stream that `isTerminal` or not should be coloured: `auto` colours a terminal
  /// unless `NO_COLOR` is set (https://no-color.org) or the terminal is dumb.
  func enabled(forTerminal isTerminal: Bool) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto: return Terminal.wantsColor(forTerminal: isTerminal)
    }
  }
}
