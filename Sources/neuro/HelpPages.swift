/// The manual of `neuro` and of each of its commands, as text that `HelpRendering` lays out for the terminal
/// (`neuro --help`) or in roff (`neuro --help-man`, `docs/neuro.1`).
struct HelpPage {
  /// `neuro` or `neuro lesson`.
  let name: String
  let summary: String
  let synopsis: [String]
  let description: [String]
  /// Extra sections between DESCRIPTION and OPTIONS: a title and its entries.
  var sections: [(title: String, entries: [(term: String, text: String)])] = []
  let options: [OptionSpec]
  var environment: [(term: String, text: String)] = []
  let exitStatus: [(term: String, text: String)]
  let examples: [(command: String, text: String)]

  /// The page of a command, or of `neuro` itself for nil.
  static func page(for command: Subcommand?) -> HelpPage {
    switch command {
    case nil: return main
    case .lesson: return lesson
    case .export: return export
    case .check: return check
    case .completion: return completion
    case .help: return help
    }
  }

  /// The options every command takes, and those of `command`.
  private static func options(of command: Subcommand?, _ ids: [OptionSpec.ID]) -> [OptionSpec] {
    OptionSpec.all.filter { ids.contains($0.id) || ($0.command != nil && $0.command == command) }
  }

  private static let runExitStatus: [(term: String, text: String)] = [
    ("0", "success"), ("64", "a mistake on the command line (usage)"),
    ("65", "a syntax error: nothing ran"), ("70", "a runtime error (a piped session: any statement's)"),
    ("74", "a file that cannot be read or written"),
  ]

  static let main = HelpPage(
    name: "neuro", summary: "a REPL and scripting language for computational neuroscience",
    synopsis: [
      "neuro [OPTIONS] [FILE.neuro]", "neuro [OPTIONS] -c TEXT", "neuro check FILE.neuro…", "neuro lesson [N]",
      "neuro lesson N --notebook [OUT.ipynb]",
      "neuro export --to nest FILE.neuro [-o OUT.py]", "neuro completion bash|zsh|fish", "neuro help [COMMAND]",
      "neuro kernel install [--user | --prefix P]",
    ],
    description: [
      "With a file, neuro runs it as a script. Without one, it starts the interactive REPL, or reads statements "
        + "from standard input when that is not a terminal. Units are part of numbers (10ms, 2.5nA, 10MΩ) and "
        + "every error says where it is and how to fix it.",
      "neuro COMMAND --help, or neuro help COMMAND, shows a command's page.",
    ],
    sections: [
      (
        "COMMANDS",
        [
          ("check FILE…", "report every diagnostic of the files without running them"),
          ("lesson [N]", "list the guided lessons, or start lesson N"),
          ("export --to nest FILE", "write the script's network as a PyNEST script"),
          ("completion SHELL", "print the completion script of bash, zsh or fish"),
          ("help [COMMAND]", "show this page, or a command's"),
          (
            "kernel install",
            "register neuro as a Jupyter kernel (Jupyter then runs neuro kernel --connection-file "
              + "FILE; a dynamically linked build: make jupyter)"
          ),
        ]
      )
    ],
    options: options(
      of: nil,
      [.command, .check, .quiet, .color, .noColor, .ascii, .threads, .engine, .timing, .help, .helpMan, .version]
    ),
    environment: [
      ("NO_COLOR", "when set to anything but the empty text, no colour (--color=always still colours)"),
      ("NEURO_ASCII", "when set (not 0), plots in ASCII as with --ascii"),
      ("NEURO_STDLIB", "a folder searched by import before the standard library"),
      ("NEURO_LESSONS", "the folder of lessons"), ("NEURO_PROGRESS", "the file lesson progress is kept in"),
      ("NEURO_PYTHON", "the Python that --engine nest runs (else python3)"),
    ],
    exitStatus: runExitStatus,
    examples: [
      ("neuro examples/lif.neuro", "run a script"),
      ("neuro -c 'print 2.5nA * 10MΩ'", "run one line: prints 25 mV"),
      ("neuro -q examples/cuba.neuro", "run a script and show only what it prints"),
      ("neuro check *.neuro", "check scripts in CI, exit 65 on a syntax error"),
      ("neuro --color=never lesson 2 | less", "lesson 2 without colour"),
    ])

  static let lesson = HelpPage(
    name: "neuro lesson", summary: "guided lessons with exercises checked as you go",
    synopsis: ["neuro lesson", "neuro lesson N", "neuro lesson N --notebook [OUT.ipynb]"],
    description: [
      "Without a number, lists the lessons and your progress. With one, starts lesson N (or resumes it where you "
        + "left it) in the REPL. In a lesson, :hint, :check, :solution and :next guide you; progress is kept "
        + "in ~/.neuro_progress.",
      "With --notebook, writes lesson N as a Jupyter notebook for the neuro kernel instead (whole or not at all): "
        + "its text as Markdown cells, its examples as code cells, its hints and solutions folded away.",
    ],
    options: options(of: .lesson, [.notebook, .color, .noColor, .ascii, .help]),
    environment: [("NEURO_LESSONS", "the folder of lessons"), ("NEURO_PROGRESS", "where progress is kept")],
    exitStatus: [
      ("0", "success"), ("64", "usage: not a lesson number"),
      ("74", "no lessons folder, or the notebook cannot be written"),
    ],
    examples: [
      ("neuro lesson", "list the lessons"), ("neuro lesson 2", "start lesson 2, the leaky integrate-and-fire"),
      ("neuro lesson 3 --notebook", "write 03-synaptic-transmission.ipynb here"),
    ])

  static let export = HelpPage(
    name: "neuro export", summary: "write a script's network as a PyNEST 3 script",
    synopsis: ["neuro export --to nest FILE.neuro [-o OUT.py]"],
    description: [
      "Builds the script's network without simulating it and writes a PyNEST 3 script that simulates it for the "
        + "time of its runs: FILE.py beside FILE.neuro, or OUT.py. A statement that needs a run's results stops "
        + "the export there, with a note."
    ],
    options: options(of: .export, [.quiet, .color, .noColor, .help]),
    exitStatus: runExitStatus,
    examples: [("neuro export --to nest examples/cuba.neuro", "write examples/cuba.py")])

  static let check = HelpPage(
    name: "neuro check", summary: "report every diagnostic of scripts without running them",
    synopsis: ["neuro check FILE.neuro…", "neuro --check FILE.neuro…"],
    description: [
      "Reads each file and reports every syntax error in it, not only the first; in a file without one, the unit "
        + "errors of each model declaration and of the constants it uses (let tau = 10ms). Nothing is simulated, "
        + "printed or written, so editors and CI can run it on every save. Diagnostics go to standard error in "
        + "the same form as a run's."
    ],
    options: options(of: .check, [.quiet, .color, .noColor, .help]),
    exitStatus: [
      ("0", "no error in any file"), ("64", "usage: no file given"), ("65", "a syntax error in a file"),
      ("70", "a unit error in a model or constant (what the run would stop at)"), ("74", "a file cannot be read"),
    ],
    examples: [("neuro check examples/*.neuro", "check every example")])

  static let completion = HelpPage(
    name: "neuro completion", summary: "print a shell's completion script",
    synopsis: ["neuro completion bash|zsh|fish"],
    description: [
      "Prints a script that completes neuro's commands, options, their values, .neuro files and lesson numbers."
    ],
    options: options(of: .completion, [.help]),
    exitStatus: [("0", "success"), ("64", "usage: not bash, zsh or fish")],
    examples: [
      ("source <(neuro completion bash)", "in ~/.bashrc"),
      ("neuro completion zsh > ~/.zfunc/_neuro", "with ~/.zfunc in fpath, before compinit"),
      ("neuro completion fish > ~/.config/fish/completions/neuro.fish", "for fish"),
    ])

  static let help = HelpPage(
    name: "neuro help", summary: "show the manual of neuro or of a command", synopsis: ["neuro help [COMMAND]"],
    description: ["Shows neuro's page, or COMMAND's (as neuro COMMAND --help does)."],
    options: options(of: .help, [.help]), exitStatus: [("0", "success"), ("64", "usage: no such command")],
    examples: [("neuro help check", "the page of neuro check")])
}
