import Foundation
import NeuroEngine
import Testing

@Suite struct CommandLineTests {
  @Test func exampleRunsAndPrintsItsSpikes() throws {
    let result = try runNeuro(["examples/lif.neuro"], input: "")
    #expect(result.status == 0)
    #expect(result.stdout.contains("ran 100 ms (1000 steps of 0.1 ms) · n: 4 spikes"))
    #expect(result.stdout.contains("spike times: [29.1629 ms, 38.3258 ms, 47.4887 ms, 56.6516 ms]"))
    #expect(result.stdout.contains("time (ms)"))
    #expect(result.stderr.isEmpty)
  }

  /// The examples of brain functions run whole, without a warning, and print what they say they measure.
  @Test(arguments: [
    ("examples/decisions.neuro", "d: chose 1 at"),
    ("examples/population_code.neuro", "correlation with the true field: 0.9"),
    ("examples/hopfield.neuro", "a Hopfield network of 100 units"),
  ])
  func brainFunctionExamplesRun(file: String, printed: String) throws {
    let result = try runNeuro([file], input: "")
    #expect(result.status == 0)
    #expect(result.stdout.contains(printed))
    #expect(result.stderr.isEmpty)
  }

  /// Brunel's network (12 500 neurons, each with its own Poisson drive) prints the rate, CV and synchrony its
  /// comments quote for g 5, eta 2, without a warning.
  @Test func brunelExampleShowsWhatItsCommentsSay() throws {
    let result = try runNeuro(["examples/brunel.neuro"], input: "")
    #expect(result.status == 0)
    #expect(result.stdout.contains("rate: 37.0864 Hz · CV: 0.381884 · synchrony: 0.138718"))
    #expect(result.stderr.isEmpty)
  }

  /// Where the locale shows no Unicode, the lessons and help of the brain functions are spelled in ASCII with
  /// no sign lost to a question mark.
  @Test(arguments: ["9", "10", "11"])
  func lessonsReadInAnASCIILocale(number: String) throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("neuro-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let result = try runNeuro(
      [], input: ":lesson \(number)\n:help coding\n:help memory\n:quit\n",
      environment: ["LC_ALL": "C", "LANG": "C", "HOME": home.path])
    let allASCII = result.stdout.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(allASCII)
    // A question mark follows a word (a question) or closes a parenthesis; a lost sign stands alone inside one.
    let lost = result.stdout.components(separatedBy: "\n").filter { line in
      ["?_", " ? ", "??"].contains { line.range(of: $0) != nil }
    }
    #expect(lost.isEmpty, "\(lost)")
  }

  @Test func syntaxErrorExits65WithALocatedDiagnostic() throws {
    let script = try temporaryScript("print 1\nlet x = (2 +\n")
    let result = try runNeuro([script.path], input: "")
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("error: expected"))
    #expect(result.stderr.contains("--> \(script.path):2:"))
  }

  @Test func runtimeErrorExits70AfterEarlierOutput() throws {
    let script = try temporaryScript("print 1\nprint 10mV + 2nA\nprint 3\n")
    let result = try runNeuro([script.path], input: "")
    #expect(result.status == 70)
    #expect(result.stdout == "1\n")
    #expect(result.stderr.contains("error: cannot add voltage (mV) and current (nA)"))
    #expect(result.stderr.contains("= hint: Ohm's law"))
  }

  @Test func missingFileExits74() throws {
    let result = try runNeuro(["no/such/file.neuro"], input: "")
    #expect(result.status == 74)
    #expect(result.stderr.contains("error: cannot open 'no/such/file.neuro': no such file"))
  }

  @Test func badOptionExits64WithUsage() throws {
    let result = try runNeuro(["--frobnicate"], input: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains("unknown option '--frobnicate'"))
    #expect(result.stderr.contains("usage: neuro"))
  }

  @Test func helpAndVersion() throws {
    let help = try runNeuro(["--help"], input: "")
    let version = try runNeuro(["--version"], input: "")
    #expect(help.stdout.contains("SYNOPSIS\n    neuro [OPTIONS] [FILE.neuro]"))
    #expect(version.stdout.hasPrefix("neuro "))
  }

  @Test func pipedStatementsRunWithoutPrompts() throws {
    let result = try runNeuro([], input: "print 2mV * 3\n")
    #expect(result.status == 0)
    #expect(result.stdout == "6 mV\n")
  }

  @Test func pipedExpressionsPrintTheirValues() throws {
    let result = try runNeuro([], input: "2.5nA * 10MΩ\nlet x = 3\nx * 1ms\n")
    #expect(result.stdout == "25 mV\n3 ms\n")
  }

  @Test func pastedPromptsAreTakenOff() throws {
    let result = try runNeuro(
      [], input: "neuro> 2.5nA * 10MΩ\nneuro> neuron n = lif(\n  ...>   tau: 20ms)\nneuro> print n.tau\n")
    #expect(result.stdout == "25 mV\n20 ms\n")
    #expect(result.status == 0)
  }

  @Test func pipedInputContinuesUnfinishedStatements() throws {
    let result = try runNeuro([], input: "neuron n = lif(\n  tau: 20ms,\n  t_ref: 2ms)\nprint n.tau\n")
    #expect(result.stdout == "20 ms\n")
    #expect(result.status == 0)
  }

  @Test func pipedErrorsDoNotStopTheSessionButSetTheExitCode() throws {
    let result = try runNeuro([], input: "print nope\nprint 1\n")
    #expect(result.stdout == "1\n")
    #expect(result.stderr.contains("unknown name 'nope'"))
    #expect(result.status == 70)
  }

  @Test func asciiOnRequestAndWithoutUnicodeLocale() throws {
    let script = "neuron n = lif()\ninject n 2.5nA\nrun 30ms\nplot n.v\n"
    let braille = try runNeuro([], input: script, environment: ["LANG": "C.UTF-8", "LC_ALL": ""])
    #expect(braille.stdout.contains("┤"))
    let flag = try runNeuro(["--ascii"], input: script, environment: ["LANG": "C.UTF-8"])
    #expect(!flag.stdout.contains("┤") && flag.stdout.contains("+--"))
    let locale = try runNeuro([], input: script, environment: ["LANG": "C", "LC_ALL": ""])
    #expect(!locale.stdout.contains("┤"))
    #expect(locale.stdout.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test func plotsFollowCOLUMNSWhenNotATerminal() throws {
    let script = "neuron n = lif()\ninject n 2.5nA\nrun 30ms\nplot n.v\n"
    let narrow = try runNeuro([], input: script, environment: ["COLUMNS": "50"])
    let longest = narrow.stdout.split(separator: "\n").map(\.count).max() ?? 0
    #expect(longest <= 50)
  }

  /// Arbitrary bytes as a script or as input: a diagnostic, never a crash.
  @Test func arbitraryBytesNeverCrash() throws {
    var generator = RandomSource(seed: 42)
    let alphabet = Array(
      "neuron lif inject run plot print let ()[]{},:.=+-*/^<>!\"#\n 0123456789 mV nA ms MΩ µ Ω x".utf8)
    for round in 0..<25 {
      var bytes = Data()
      for _ in 0..<(20 + round * 8) {
        let r = generator.next()
        bytes.append(r % 4 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : alphabet[Int(r >> 16) % alphabet.count])
      }
      let result = try runNeuro([], input: bytes)
      #expect(
        [0, 65, 70].contains(result.status), "input \(Array(bytes)) ended with \(result.status): \(result.stderr)")
      #expect(!result.stderr.contains("Fatal error"))
    }
  }
}

@Suite struct LessonCommandTests {
  private func progressFile() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("neuro-progress-\(UUID().uuidString)").path
  }

  @Test func listsTheLessonsWithProgress() throws {
    let result = try runNeuro(["lesson"], input: "", environment: ["NEURO_PROGRESS": progressFile()])
    #expect(result.status == 0)
    #expect(result.stdout.contains("1  The REPL and units  (0/5 exercises done, 0/1 predicted)"))
    #expect(result.stdout.contains("2  The leaky integrate-and-fire neuron"))
  }

  @Test func aLessonChecksAnswersAndResumesWhereTheStudentStopped() throws {
    let progress = progressFile()
    let first = try runNeuro(
      ["lesson", "1"], input: ":check\n:hint\nlet v = 2.5nA * 10MΩ\n:check\n",
      environment: ["NEURO_PROGRESS": progress])
    #expect(first.stdout.contains("Exercise 1 of 5: Ohm's law"))
    #expect(
      first.stdout.contains("✗ not yet: v should be the voltage 2.5 nA makes across 10 MΩ\n  (v is not defined yet)"))
    #expect(!first.stdout.contains("abs(v - 25mV)"))
    #expect(first.stdout.contains("hint: A voltage is a current times a resistance"))
    #expect(first.stdout.contains("✓ well done"))
    #expect(first.stdout.contains("Exercise 2 of 5"))
    let second = try runNeuro(["lesson", "1"], input: ":solution\n", environment: ["NEURO_PROGRESS": progress])
    #expect(second.stdout.contains("(resuming at exercise 2 of 5"))
    #expect(second.stdout.contains("The textbook slip"), "resuming shows the prose that leads to the exercise")
    #expect(second.stdout.contains("one answer:"))
    let list = try runNeuro(["lesson"], input: "", environment: ["NEURO_PROGRESS": progress])
    #expect(list.stdout.contains("(1/5 exercises done, 0/1 predicted)"))
  }

  /// Resuming shows the section that leads to the open exercise; an exercise done before, in that
  /// section, is not asked again.
  @Test func resumingAsksForTheExerciseItNames() throws {
    let progress = progressFile()
    try "01-repl-and-units 0\n01-repl-and-units 1\n".write(toFile: progress, atomically: true, encoding: .utf8)
    let result = try runNeuro(["lesson", "1"], input: ":check\n", environment: ["NEURO_PROGRESS": progress])
    #expect(result.stdout.contains("(resuming at exercise 3 of 5"))
    #expect(result.stdout.contains("Exercise 2 of 5: how far off? — done earlier; its answer is in place"))
    #expect(result.stdout.contains("Exercise 3 of 5: a time constant"))
    #expect(result.stdout.contains("✗ not yet: tau should be R times C"))
  }

  @Test func aFinishedLessonOffersTheNextAndCanBeReadAgain() throws {
    let progress = progressFile()
    try (0..<4).map { "01-repl-and-units \($0)" }.joined(separator: "\n").write(
      toFile: progress, atomically: true, encoding: .utf8)
    let result = try runNeuro(
      ["lesson", "1"], input: "run 100ms\nlet again = spike_count(n)\n:check\n:skip\n:next\n",
      environment: ["NEURO_PROGRESS": progress])
    #expect(result.stdout.contains("(resuming at exercise 5 of 5"))
    #expect(result.stdout.contains("✓ well done"))
    #expect(result.stdout.contains("The simulation gives 8 (no prediction, no score)."))
    #expect(result.stdout.contains("Your predictions: 0 of 1 made\n- a longer current: skipped\n"))
    #expect(result.stdout.contains("Lesson 1 complete. :next starts lesson 2"))
    #expect(result.stdout.contains("Lesson 2: The leaky integrate-and-fire neuron"))
    let again = try runNeuro(["lesson", "1"], input: "", environment: ["NEURO_PROGRESS": progress])
    #expect(again.stdout.contains("you have done all its exercises; here it is again from the start"))
    #expect(again.stdout.contains("Exercise 1 of 5"))
  }

  /// `:reset` starts over: no names, the clock at 0, the default time step; `reset` keeps the neurons.
  @Test func resetKeepsTheWorldAndColonResetReplacesIt() throws {
    let kept = try runNeuro(
      [], input: "neuron n = lif()\ninject n 2.5nA from 20ms to 60ms\nrun 100ms\nreset\nnow\nstimuli(n)\n",
      environment: ["NEURO_PROGRESS": progressFile()])
    #expect(kept.stdout.contains("\n0 ms\n1  inject 2.5 nA from 20 ms to 60 ms\n"))
    let fresh = try runNeuro(
      [], input: "dt = 1ms\nneuron n = lif()\nrun 100ms\n:reset\nnow\ndt\nn\n",
      environment: ["NEURO_PROGRESS": progressFile()])
    #expect(fresh.stdout.contains("session cleared"))
    #expect(fresh.stdout.contains("\n0 ms\n0.1 ms\n"))
    #expect(fresh.stderr.contains("unknown name 'n'"))
  }

  @Test func everyLessonStartsInAFreshWorld() throws {
    let result = try runNeuro(
      [], input: "dt = 1ms\nneuron leftover = lif()\nrun 50ms\n:lesson 3\nnow\nleftover\ndt\n",
      environment: ["NEURO_PROGRESS": progressFile()])
    #expect(result.stdout.contains("Lesson 3: Synaptic transmission"))
    #expect(result.stdout.contains("\n20 ms\n"), "the clock is where lesson 3 left it, not where the session was")
    #expect(result.stderr.contains("unknown name 'leftover'"))
    #expect(result.stdout.contains("0.1 ms"))
  }

  /// A prediction is asked before its simulation runs; a number of the wrong kind, a name or nothing
  /// gets a diagnostic and the question waits; then the result, the score and the explanation, and
  /// the score is kept: resuming does not ask again, and the lesson list shows it.
  @Test func aPredictionIsAskedThenRunThenScoredAndKept() throws {
    let progress = progressFile()
    try (0..<5).map { "01-repl-and-units \($0)" }.joined(separator: "\n").write(
      toFile: progress, atomically: true, encoding: .utf8)
    let result = try runNeuro(
      ["lesson", "1"], input: "8Hz\nspike_count(n)\n\n:check\n6 spikes\n", environment: ["NEURO_PROGRESS": progress])
    #expect(result.stdout.contains("(resuming at prediction 1 of 1"))
    #expect(result.stdout.contains("Prediction 1 of 1: a longer current"))
    #expect(result.stdout.contains("Predict: How many times does n fire"))
    #expect(result.stderr.contains("error: the question asks for a plain number, and 8 Hz is a frequency (Hz)"))
    #expect(result.stderr.contains("error: a prediction is a number you choose, not something the session works out"))
    #expect(result.stderr.contains("error: no prediction typed"))
    #expect(result.stderr.contains("error: a prediction is waiting, not an exercise"))
    #expect(result.stdout.contains("You predicted 6; the simulation gives 8: 25 % low. Score: 82 %."))
    #expect(result.stdout.contains("The current charges the membrane from rest to threshold in 9.16 ms"))
    #expect(
      result.stdout.contains(
        "Your predictions: 1 of 1 made, calibration score 82 %\n- a longer current: scored 82 %\n"))
    let kept = try String(contentsOfFile: progress, encoding: .utf8)
    #expect(kept.contains("01-repl-and-units prediction 0 82\n"))
    let list = try runNeuro(["lesson"], input: "", environment: ["NEURO_PROGRESS": progress])
    #expect(list.stdout.contains("(5/5 exercises done, 1/1 predicted: 82 %)"))
    let again = try runNeuro(["lesson", "1"], input: "", environment: ["NEURO_PROGRESS": progress])
    #expect(again.stdout.contains("you have done all its exercises"))
  }

  @Test func unknownLessonIsAnError() throws {
    let result = try runNeuro(["lesson", "99"], input: "", environment: ["NEURO_PROGRESS": progressFile()])
    #expect(result.status == 74)
    #expect(result.stderr.contains("there is no lesson 99"))
  }
}
