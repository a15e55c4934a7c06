import Foundation
import Testing

@testable import neuro

/// The conventions of command-line tools: a manual page for each command, `-c`, `--quiet`, `--color` and
/// `NO_COLOR`, and exit 64 with the usage for every bad option or argument.
@Suite struct CommandLineConventionTests {
  /// `neuro --help`, `neuro help COMMAND` and `neuro COMMAND --help` show the page in a manual's sections.
  @Test(arguments: [
    (["--help"], "neuro"), (["help"], "neuro"), (["help", "check"], "neuro check"),
    (["check", "--help"], "neuro check"),
    (["lesson", "--help"], "neuro lesson"), (["help", "export"], "neuro export"),
    (["completion", "-h"], "neuro completion"), (["help", "help"], "neuro help"),
  ])
  func helpPagesHaveTheSectionsOfAManual(arguments: [String], name: String) throws {
    let result = try runNeuro(arguments, input: "")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("NAME\n    \(name) - "))
    for section in ["SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES"] {
      #expect(result.stdout.contains("\n\(section)\n"), "\(arguments): \(section)")
    }
  }

  /// Every option the parser takes is on the page of `neuro` or of the command it belongs to.
  @Test func everyOptionIsDocumented() {
    for spec in OptionSpec.all {
      let page = HelpPage.page(for: spec.command).text(width: 200)
      #expect(page.contains(spec.signature), "\(spec.names)")
    }
  }

  /// `docs/neuro.1` is what `neuro --help-man` prints now.
  @Test func manualPageIsUpToDate() throws {
    let checkedIn = try String(
      contentsOf: NeuroBinary.repository.appendingPathComponent("docs/neuro.1"), encoding: .utf8)
    let result = try runNeuro(["--help-man"], input: "")
    #expect(result.stdout == checkedIn, "regenerate it: .build/debug/neuro --help-man > docs/neuro.1")
    #expect(checkedIn.hasPrefix(".TH NEURO 1") && checkedIn.contains(".SH NEURO CHECK"))
  }

  @Test func dashCRunsItsTextAsAScript() throws {
    let result = try runNeuro(["-c", "let x = 2mV; print x * 3\n2.5nA * 10MΩ"], input: "")
    #expect(result.stdout == "6 mV\n25 mV\n")
    #expect(result.status == 0)
    let syntax = try runNeuro(["-c", "print (1 +"], input: "")
    #expect(syntax.status == 65 && syntax.stderr.contains("--> <-c>:1:"))
    let runtime = try runNeuro(["-c", "print nope"], input: "")
    #expect(runtime.status == 70 && runtime.stderr.contains("unknown name 'nope'"))
  }

  @Test func quietLeavesOutWhatStatementsSayTheyDid() throws {
    let text = "neuron n = lif()\ninject n 2.5nA\nrun 50ms\nprint spike_count(n)\nprint nope"
    let loud = try runNeuro(["-c", text], input: "")
    let quiet = try runNeuro(["--quiet", "-c", text], input: "")
    #expect(loud.stdout.hasPrefix("ran 50 ms"))
    #expect(!quiet.stdout.contains("ran ") && quiet.stdout == loud.stdout.split(separator: "\n").last.map { $0 + "\n" })
    #expect(quiet.stderr == loud.stderr && quiet.stderr.contains("unknown name 'nope'"))
    #expect(try runNeuro(["-q", "-c", text], input: "").stdout == quiet.stdout)
  }

  /// `--color=always` colours even where NO_COLOR is set or output is a pipe; `never` and `--no-color` never do;
  /// `auto` does not colour a pipe.
  @Test(arguments: [
    (["--color=always"], ["NO_COLOR": "1"], true), (["--color", "always"], [:], true),
    (["--color=never"], ["NO_COLOR": ""], false), (["--no-color", "--color=auto"], [:], false),
    (["--color=always", "--no-color"], [:], false), ([], ["NO_COLOR": ""], false),
  ])
  func colorFollowsTheOptionThenNoColor(options: [String], environment: [String: String], colored: Bool) throws {
    let result = try runNeuro(options + ["-c", "print nope"], input: "", environment: environment)
    #expect(result.stderr.contains("\u{1B}[") == colored)
    #expect(result.status == 70)
  }

  @Test(arguments: [
    (["--color=blue"], "--color is always, never or auto, not 'blue'"), (["--quiet=yes"], "--quiet takes no value"),
    (["-c"], "-c needs a value (TEXT)"), (["-c", "1", "x.neuro"], "-c runs its text: give no file beside it"),
    (["--check"], "neuro check needs a FILE.neuro"), (["check"], "neuro check needs a FILE.neuro"),
    (["completion"], "neuro completion takes bash, zsh or fish"),
    (["completion", "tcsh"], "takes bash, zsh or fish, not 'tcsh'"), (["help", "frob"], "no command 'frob'"),
    (["-c", "1", "lesson"], "-c takes no command 'lesson'"), (["lesson", "two"], "'two' is not a lesson number"),
    (["--threads=0", "x.neuro"], "--threads can be 1 to"), (["-x"], "unknown option '-x'"),
  ])
  func badArgumentsExit64WithTheUsage(arguments: [String], message: String) throws {
    let result = try runNeuro(arguments, input: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.contains("usage: neuro"))
    #expect(result.stdout.isEmpty)
  }

  @Test func optionsParseInEitherSpelling() throws {
    let options = try CommandLineOptions.parse(["--engine=nest", "-q", "--color", "never", "--", "-odd.neuro"]).get()
    #expect(options.engineNest && options.quiet && options.color == .never)
    #expect(options.mode == .script(path: "-odd.neuro"))
    #expect(
      try CommandLineOptions.parse(["--check", "a.neuro", "b.neuro"]).get().mode
        == .check(paths: ["a.neuro", "b.neuro"]))
    #expect(try CommandLineOptions.parse(["lessons", "--help"]).get().mode == .help(.lesson))
  }
}
