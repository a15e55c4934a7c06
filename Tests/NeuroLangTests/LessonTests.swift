import Foundation
import NeuroLang
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
  /// exercises) and the examples of step `stop` itself.
  private func session(_ lesson: Lesson, upTo stop: Int, errors: inout [String]) -> Interpreter {
    var collected: [String] = []
    let host = Host(write: { _ in }, report: { collected.append($0.rendered()) },
                    libraryPaths: [GoldenScripts.repository.appendingPathComponent("stdlib").path])
    let interpreter = Interpreter(host: host)
    for (index, step) in lesson.steps.enumerated() where index <= stop {
      for case .example(let code, let line) in step.content {
        if interpreter.execute(Source(name: "example at line \(line)", text: code)) != .success {
          collected.append("the example at line \(line) failed")
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
  func examplesRunAndExercisesCheckTheirAnswers(_ number: Int) throws {
    let entry = try #require(LessonFiles.library.entry(number))
    let lesson = try LessonFiles.library.load(entry)
    for (index, step) in lesson.steps.enumerated() {
      var errors: [String] = []
      let interpreter = session(lesson, upTo: index, errors: &errors)
      #expect(errors.isEmpty, "lesson \(number), step \(index): \(errors.joined(separator: "\n"))")
      guard let exercise = step.exercise else { continue }
      #expect(interpreter.failedCheck(exercise) != nil, "'\(exercise.title)' passes before it is answered")
      for wrong in exercise.wrongAnswers {
        var ignored: [String] = []
        let other = session(lesson, upTo: index, errors: &ignored)
        other.executeQuietly(wrong, name: "wrong answer")
        #expect(other.failedCheck(exercise) != nil, "'\(exercise.title)' accepts the wrong answer:\n\(wrong)")
      }
      var solutionErrors: [String] = []
      interpreter.host.report = { solutionErrors.append($0.rendered()) }
      interpreter.execute(Source(name: "solution", text: exercise.solution))
      #expect(solutionErrors.isEmpty, "the solution of '\(exercise.title)' fails:\n\(solutionErrors.joined())")
      let failure = interpreter.failedCheck(exercise)
      #expect(failure == nil, "'\(exercise.title)' rejects its solution: \(failure.map { "\($0.expression): \($0.reason)" } ?? "")")
    }
  }

  @Test func formatErrorsNameTheirLine() {
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "no title here") }
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "# T\n```neuro\n1 + 1\n") }
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "# T\n```check\nx > 1\n```\n") }
    #expect(throws: Lesson.FormatError.self) { try Lesson(markdown: "# T\n## Exercise: e\n```solution\nlet x = 1\n```\n") }
  }

  @Test func progressIsKeptAcrossSessions() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)").path
    var progress = LessonProgress(path: path)
    #expect(!progress.isDone(lesson: "01-x", exercise: 0))
    #expect(progress.markDone(lesson: "01-x", exercise: 0) == nil)
    let reread = LessonProgress(path: path)
    #expect(reread.isDone(lesson: "01-x", exercise: 0))
    #expect(reread.doneCount(lesson: "01-x") == 1)
  }
}
