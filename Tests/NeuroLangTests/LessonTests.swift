import Foundation
@testable import NeuroLang
import Testing

/// Every lesson in `lessons/` stays correct as the language changes: its examples run
/// without error, each exercise's check fails before it is answered and for every ```wrong
/// answer, and passes with its ```solution.
enum LessonFiles {
  static let folder = GoldenScripts.repository.appendingPathComponent("lessons").path
  static let library = LessonLibrary(folder: folder)
  static var numbers: [Int] { library.entries.map(\.number) }
}

@Suite struct LessonTests {
  @Test func theFirstTwoLessonsExistWithThreeExercisesEach() throws {
    #expect(LessonFiles.numbers.starts(with: [1, 2]))
    for number in [1, 2] {
      let entry = try #require(LessonFiles.library.entry(number))
      #expect(try LessonFiles.library.load(entry).exercises.count >= 3)
    }
  }

  /// A session that has run a lesson's steps before `stop` (examples, and the solutions of
  /// exercises; from the last step that starts fresh) and the examples of step `stop` itself,
  /// entering each step as the REPL does
  /// (a fresh world where the step starts fresh). Every claim an example's text makes
  /// (its ```expect block) must hold right after it runs. With `settled` false, step `stop` runs
  /// only up to its prediction, as it stands while the student predicts.
  private func session(_ lesson: Lesson, upTo stop: Int, settled: Bool = true, errors: inout [String]) -> Interpreter {
    var collected: [String] = []
    let host = Host(
      write: { _ in }, report: { collected.append($0.rendered()) },
      libraryPaths: [GoldenScripts.repository.appendingPathComponent("stdlib").path])
    let interpreter = Interpreter(host: host)
    // Nothing before the last step that starts fresh can matter: replay from there.
    let first = lesson.steps[...stop].lastIndex(where: \.startsFresh) ?? 0
    for (index, step) in lesson.steps.enumerated() where index >= first && index <= stop {
      interpreter.enter(step)
      for block in step.content {
        if case .prediction = block, index == stop, !settled { break }
        guard case .example(let code, let line, let claims) = block else { continue }
        if interpreter.execute(Source(name: "example at line \(line)", text: code)) != .success {
          collected.append("the example at line \(line) failed")
        }
        if let failed = interpreter.firstFailing(claims) {
          let reason = failed.error.map { " (\($0))" } ?? ""
          collected.append(
            "line \(failed.check.line): the text claims '\(failed.check.message)', "
              + "but \(failed.check.expression) is not true\(reason)"
          )
        }
      }
      if index < stop, let exercise = step.exercise {
        interpreter.execute(Source(name: "solution of \(exercise.title)", text: exercise.solution))
      }
    }
    errors += collected
    return interpreter
  }

  @Test(arguments: LessonFiles.numbers)
  func examplesRunTheirClaimsHoldAndExercisesCheckTheirAnswers(_ number: Int) throws {
    let entry = try #require(LessonFiles.library.entry(number))
    let lesson = try LessonFiles.library.load(entry)
    for (index, step) in lesson.steps.enumerated() {
      var errors: [String] = []
      let interpreter = session(lesson, upTo: index, errors: &errors)
      #expect(errors.isEmpty, "lesson \(number), step \(index): \(errors.joined(separator: "\n"))")
      guard let exercise = step.exercise else { continue }
      #expect(interpreter.firstFailing(exercise.checks) != nil, "'\(exercise.title)' passes before it is answered")
      // A student who tries a wrong answer first, then the solution, must pass: the check never
      // depends on leftovers of the wrong try (a clock moved on, a current given twice).
      for wrong in exercise.wrongAnswers {
        var ignored: [String] = []
        let other = session(lesson, upTo: index, errors: &ignored)
        other.executeQuietly(wrong, name: "wrong answer")
        #expect(other.firstFailing(exercise.checks) != nil, "'\(exercise.title)' accepts the wrong answer:\n\(wrong)")
        other.executeQuietly(exercise.solution, name: "solution after a wrong answer")
        let after = other.firstFailing(exercise.checks)
        let why = after.map { "\($0.check.expression): \($0.error ?? "false")" } ?? ""
        #expect(after == nil, "'\(exercise.title)' rejects its solution after the wrong answer was tried: \(why)")
      }
      var solutionErrors: [String] = []
      interpreter.host.report = { solutionErrors.append($0.rendered()) }
      interpreter.execute(Source(name: "solution", text: exercise.solution))
      #expect(solutionErrors.isEmpty, "the solution of '\(exercise.title)' fails:\n\(solutionErrors.joined())")
      let failure = interpreter.firstFailing(exercise.checks)
      let why = failure.map { "\($0.check.expression): \($0.error ?? "false")" } ?? ""
      #expect(failure == nil, "'\(exercise.title)' rejects its solution: \(why)")
    }
  }

  @Test(arguments: LessonFiles.numbers)
  func everyLessonAsksForAPrediction(_ number: Int) throws {
    let entry = try #require(LessonFiles.library.entry(number))
    #expect(!(try LessonFiles.library.load(entry).predictions.isEmpty), "lesson \(number) has no ## Predict: section")
  }

  /// Every prediction's truth is worked out from the simulation that runs after the student
  /// commits: once the section's code has run it is a finite value of the asked unit (or exactly
  /// one choice holds), and before that code runs it cannot be worked out or is something else.
  @Test(arguments: LessonFiles.numbers)
  func everyPredictionIsSettledByTheSimulationAfterIt(_ number: Int) throws {
    let entry = try #require(LessonFiles.library.entry(number))
    let lesson = try LessonFiles.library.load(entry)
    for (index, step) in lesson.steps.enumerated() {
      guard let prediction = step.prediction else { continue }
      var errors: [String] = []
      let after = session(lesson, upTo: index, errors: &errors)
      #expect(errors.isEmpty, "lesson \(number), '\(prediction.title)': \(errors.joined(separator: "\n"))")
      let result: Lesson.Prediction.Guess
      do {
        result = try after.result(of: prediction)
      } catch {
        Issue.record("lesson \(number), '\(prediction.title)': \((error as? Diagnostic)?.message ?? "\(error)")")
        continue
      }
      let before = session(lesson, upTo: index, settled: false, errors: &errors)
      #expect(
        (try? before.result(of: prediction)) != result,
        "lesson \(number), '\(prediction.title)': the answer is there before the simulation that should settle it")
    }
  }

  /// Hints are graduated: the first one never gives away a line of the solution, and there
  /// is more than one, so a student is led toward the answer rather than handed it.
  @Test(arguments: LessonFiles.numbers)
  func theFirstHintNeverGivesTheSolutionAway(_ number: Int) throws {
    let entry = try #require(LessonFiles.library.entry(number))
    for exercise in try LessonFiles.library.load(entry).exercises {
      let first = try #require(exercise.hints.first, "'\(exercise.title)' has no hint")
      #expect(exercise.hints.count >= 2, "'\(exercise.title)' has a single hint")
      let squeezed = first.filter { !$0.isWhitespace }
      for line in exercise.solution.split(separator: "\n") {
        let code = line.filter { !$0.isWhitespace }
        #expect(
          code.count < 8 || !squeezed.contains(code),
          "the first hint of '\(exercise.title)' contains the solution line '\(line)'")
      }
    }
  }

  /// The sentence a failed check shows is written for the student: never the check's own expression.
  @Test(arguments: LessonFiles.numbers)
  func failedChecksSpeakToTheStudent(_ number: Int) throws {
    let entry = try #require(LessonFiles.library.entry(number))
    for exercise in try LessonFiles.library.load(entry).exercises {
      for check in exercise.checks {
        #expect(!check.message.contains(check.expression), "line \(check.line): the message repeats the check")
        #expect(
          check.message.count >= 12 && check.message.contains(" "),
          "line \(check.line): '\(check.message)' is not a sentence")
      }
    }
  }

  @Test func sectionsStartFreshUnlessTheySayTheyContinue() throws {
    let lesson = try Lesson(
      markdown: """
        # T
        ```neuro
        neuron a = lif()
        ```
        ## Exercise: builds on a
        ```check
        1 > 0  # always
        ```
        ```solution
        let x = 1
        ```
        ## More
        ```neuro
        neuron b = lif()
        ```
        ## Still more
        <!-- continues -->
        ```neuro
        neuron c = lif()
        ```
        ## Exercise: alone
        <!-- fresh -->
        ```check
        1 > 0  # always
        ```
        ```solution
        let y = 2
        ```
        """)
    #expect(lesson.steps.map(\.startsFresh) == [true, false, true, false, true])
  }

  @Test func formatErrorsNameTheirLine() {
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "no title here") }
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "# T\n```neuro\n1 + 1\n") }
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "# T\n```check\nx > 1\n```\n") }
    #expect(throws: Lesson.FormatError.self) {
      try Lesson(markdown: "# T\n## Exercise: e\n```solution\nlet x = 1\n```\n")
    }
    #expect(throws: Lesson.FormatError.self) {
      try Lesson(markdown: "# T\n## Exercise: e\n```check\nx > 1\n```\n```solution\nlet x = 2\n```\n")
    }
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "# T\n```expect\nx > 1  # x grows\n```\n") }
  }
}

/// What a failed check tells a student about the values it read.
@Suite struct CheckExplanationTests {
  private func explanation(_ code: String, check expression: String) -> String? {
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    _ = interpreter.execute(Source(name: "student", text: code))
    return interpreter.explanation(of: (Lesson.Check(expression: expression, message: "", line: 1), nil))
  }

  @Test func aShortValueIsShownWhole() {
    #expect(explanation("let x = 3mV", check: "x > 5mV") == "your x = 3 mV")
  }

  @Test func aMatrixIsShownByItsSize() {
    #expect(explanation("let g = gabor(size: 12)", check: "len(g) == 3") == "your g is a list of 12 values")
  }

  @Test func aNameNotYetDefinedIsSaid() {
    #expect(explanation("", check: "tau_fit > 1ms") == "tau_fit is not defined yet")
  }
}
