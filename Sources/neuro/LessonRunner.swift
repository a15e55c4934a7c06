import NeuroLang

/// A lesson being followed in the REPL: which step comes next, which exercise waits.
struct ActiveLesson {
  let entry: LessonLibrary.Entry
  let lesson: Lesson
  var nextStep = 0
  /// The step whose exercise waits for `:check`, and that exercise's number (0-based).
  var waiting: (step: Int, exercise: Int)? = nil
  var hintsShown = 0
  /// The step whose prediction waits for the student's number or choice.
  var predicting: Int? = nil
  /// Exercises and predictions in steps before this one were done in an earlier session: resuming
  /// runs their answers and code again instead of asking for them.
  var firstOpenStep = 0
}

/// Guided lessons in the REPL: `neuro lesson N` or `:lesson N`, then `:check`, `:hint`,
/// `:solution`, `:skip`; progress is kept per user.
extension REPL {
  /// The numbers of the lessons there are, for shell completion.
  static var lessonNumbers: [Int] {
    Session.lessonFolder().map { LessonLibrary(folder: $0).entries.map(\.number) } ?? []
  }

  /// Lists the lessons with the student's progress; `inREPL` says how to start one there.
  static func listLessons(inREPL: Bool = false) -> Int32 {
    guard let folder = Session.lessonFolder() else {
      Output.problem("no lessons folder found", hint: "set NEURO_LESSONS to the folder of lesson files")
      return ExitCode.fileError
    }
    let library = LessonLibrary(folder: folder)
    let progress = LessonProgress(path: Session.progressPath)
    Output.out("lessons (start one with: \(inREPL ? ":lesson N" : "neuro lesson N"))\n")
    for entry in library.entries {
      guard let lesson = try? library.load(entry) else {
        Output.out("\(entry.number)  \(entry.id)  (cannot be read)\n")
        continue
      }
      let total = lesson.exercises.count
      let done = min(total, progress.doneCount(lesson: entry.id))
      Output.out(
        "\(String(repeating: " ", count: max(0, 3 - String(entry.number).count)))\(entry.number)  \(lesson.title)  "
          + "(\(done)/\(total) exercises done\(predictionProgress(lesson, id: entry.id, progress)))\n"
      )
    }
    return ExitCode.success
  }

  /// Starts (or resumes) lesson `number`; false when it cannot be found or read.
  @discardableResult
  mutating func startLesson(_ number: Int) -> Bool {
    guard let folder = Session.lessonFolder() else {
      Output.problem("no lessons folder found", hint: "set NEURO_LESSONS to the folder of lesson files")
      return false
    }
    let library = LessonLibrary(folder: folder)
    guard let entry = library.entry(number) else {
      let numbers = library.entries.map { String($0.number) }.joined(separator: ", ")
      Output.problem("there is no lesson \(number)", hint: "the lessons are \(numbers)")
      return false
    }
    let lesson: Lesson
    do {
      lesson = try library.load(entry)
    } catch {
      Output.problem("\(error)")
      return false
    }
    if LessonTrust.isExternal(folder: folder) {
      Output.out(LessonTrust.notice(folder))
      interpreter.host.confirmWrite = LessonTrust.askToWrite
    }
    var active = ActiveLesson(entry: entry, lesson: lesson)
    let progress = LessonProgress(path: Session.progressPath)
    let firstOpen = lesson.steps.indices.first { !Self.isDone(step: $0, of: lesson, id: entry.id, progress) }
    let asked = lesson.steps.indices.filter { lesson.steps[$0].asks }
    let hadWork = !interpreter.variableListing.isEmpty
    interpreter.startFresh()
    finishedLesson = nil
    Output.out(bold("Lesson \(entry.number): \(lesson.title)") + "\n")
    if hadWork { say("(a lesson starts in a fresh world: the names and neurons you had made are gone)") }
    if let firstOpen, asked.contains(where: { $0 < firstOpen }) {
      say("(resuming at \(Self.place(ofStep: firstOpen, in: lesson)); :restart begins again)")
      active.nextStep = replaySilently(lesson, upToStep: firstOpen)
      active.firstOpenStep = firstOpen
    } else if firstOpen == nil, !asked.isEmpty {
      say("(you have done all its exercises; here it is again from the start — :restart also forgets your progress)")
    }
    self.lesson = active
    showUntilExercise()
    return true
  }

  /// Runs the steps before the section that leads to step `target` (an exercise or a prediction)
  /// without output; the step to show next, so that the student rereads the prose leading to it.
  private mutating func replaySilently(_ lesson: Lesson, upToStep target: Int) -> Int {
    let first = lesson.steps[..<target].lastIndex { !$0.asks } ?? target
    for step in lesson.steps[..<first] {
      interpreter.enter(step)
      for case .example(let code, _, _) in step.content { interpreter.executeQuietly(code, name: "<lesson>") }
      if let e = step.exercise { interpreter.executeQuietly(e.solution, name: "<lesson>") }
    }
    return first
  }

  /// Shows steps (prose, running examples) until an exercise waits or the lesson ends.
  mutating func showUntilExercise() {
    guard var active = lesson else { return }
    while active.nextStep < active.lesson.steps.count {
      let index = active.nextStep
      let step = active.lesson.steps[index]
      active.nextStep += 1
      if let heading = step.heading, !step.asks { Output.out("\n" + bold(heading) + "\n") }
      let fresh = interpreter.enter(step)
      let freshNote = "(a fresh world for this part: t = 0 ms, nothing defined)\n"
      if fresh, !step.asks { Output.out(freshNote) }
      if step.prediction != nil {
        if index < active.firstOpenStep {
          replayPrediction(at: index)
          continue
        }
        lesson = active
        askPrediction(at: index, freshNote: fresh ? freshNote : nil)
        return
      }
      if let exercise = step.exercise {
        let heading = "\(Self.place(ofStep: index, in: active.lesson).sentenceCased): \(exercise.title)"
        if index < active.firstOpenStep {
          // Done in an earlier session: its answer is put in place again, as the student left it.
          for case .example(let code, _, _) in step.content { interpreter.executeQuietly(code, name: "<lesson>") }
          interpreter.executeQuietly(exercise.solution, name: "<lesson>")
          say("\n" + bold(heading) + " — done earlier; its answer is in place")
          continue
        }
        Output.out("\n" + bold(heading) + "\n")
        if fresh { Output.out(freshNote) }
        show(step.content[...])
        say("Your turn. :check when done · :hint for help · :solution · :next to move on")
        active.waiting = (index, active.lesson.ordinal(ofStep: index))
        active.hintsShown = 0
        lesson = active
        return
      }
      show(step.content[...])
    }
    let next = Session.lessonFolder().flatMap {
      LessonLibrary(folder: $0).entries.first { $0.number > active.entry.number }
    }
    if let summary = predictionSummary(active) { say("\n" + summary) }
    say(
      "\n" + bold("Lesson \(active.entry.number) complete.") + " "
        + (next.map {
          ":next starts lesson \($0.number), :lesson \(active.entry.number) reads this one again, :lessons lists "
            + "them all; or keep exploring here."
        }
          ?? "That was the last lesson. :lessons lists them all; or keep exploring here."))
    finishedLesson = (active.entry, next?.number)
    lesson = nil
  }

  /// True when step `index` asks nothing, or its exercise was done or its prediction made before.
  static func isDone(step index: Int, of lesson: Lesson, id: String, _ progress: LessonProgress) -> Bool {
    let step = lesson.steps[index]
    if step.exercise != nil { return progress.isDone(lesson: id, exercise: lesson.ordinal(ofStep: index)) }
    if step.prediction != nil { return progress.prediction(lesson: id, index: lesson.ordinal(ofStep: index)) != nil }
    return true
  }

  /// Where step `index` stands among the lesson's exercises or its predictions: `exercise 2 of 5`.
  static func place(ofStep index: Int, in lesson: Lesson) -> String {
    let exercise = lesson.steps[index].exercise != nil
    let total = exercise ? lesson.exercises.count : lesson.predictions.count
    return "\(exercise ? "exercise" : "prediction") \(lesson.ordinal(ofStep: index) + 1) of \(total)"
  }

  /// Shows prose and runs examples, up to the place where a prediction is asked.
  mutating func show(_ blocks: ArraySlice<Lesson.Block>) {
    for block in blocks {
      switch block {
      case .prediction:
        return
      case .prose(let text):
        say(text)
      case .example(let code, _, _):
        // One entry at a time, as if typed: the prompt, the lines, then what it printed.
        var entry: [Substring] = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
          if entry.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
          entry.append(line)
          let text = entry.joined(separator: "\n")
          if case .incomplete = InputCompleteness(of: Source(name: "<lesson>", text: text)) { continue }
          for (i, typed) in entry.enumerated() { Output.out((i == 0 ? "neuro> " : "  ...> ") + typed + "\n") }
          Interrupts.clear()
          interpreter.execute(Source(name: "<lesson>", text: text), echo: true)
          entry.removeAll()
        }
      }
    }
  }

  /// `:check`, `:hint`, `:solution`, `:skip`, `:restart` while a lesson runs; false for other commands.
  mutating func lessonCommand(_ name: String) -> Bool {
    if name == "restart", let entry = lesson?.entry ?? finishedLesson?.entry {
      var progress = LessonProgress(path: Session.progressPath)
      progress.forget(lesson: entry.id)
      startLesson(entry.number)
      return true
    }
    if lesson?.predicting != nil { return predictionCommand(name) }
    guard var active = lesson, let waiting = active.waiting,
      let exercise = active.lesson.steps[waiting.step].exercise
    else {
      if let next = finishedLesson?.next, name == "next" {
        startLesson(next)
        return true
      }
      if ["check", "hint", "solution", "skip", "next", "restart"].contains(name) {
        Output.problem("no exercise is waiting", hint: "start a lesson with :lesson N (:lessons lists them)")
        return true
      }
      return false
    }
    switch name {
    case "check":
      if let failure = interpreter.firstFailing(exercise.checks) {
        say("✗ not yet: \(failure.check.message)" + (interpreter.explanation(of: failure).map { "\n  (\($0))" } ?? ""))
        if active.hintsShown < exercise.hints.count { Output.out("  (:hint for a hint)\n") }
        return true
      }
      Output.out("✓ well done\n")
      var progress = LessonProgress(path: Session.progressPath)
      if let problem = progress.markDone(lesson: active.entry.id, exercise: waiting.exercise) {
        Output.problem(problem, warning: true)
      }
      active.waiting = nil
      lesson = active
      showUntilExercise()
    case "hint":
      guard active.hintsShown < exercise.hints.count else {
        Output.out(
          exercise.hints.isEmpty
            ? "no hints for this one; :solution shows an answer\n" : "no more hints; :solution shows an answer\n")
        return true
      }
      say("hint: " + exercise.hints[active.hintsShown])
      active.hintsShown += 1
      lesson = active
    case "solution":
      Output.out(
        "one answer:\n" + exercise.solution.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n")
    case "skip", "next":
      active.waiting = nil
      lesson = active
      showUntilExercise()
    default:
      return false
    }
    return true
  }

  var lessonPrompt: String? {
    guard let active = lesson else { return nil }
    if active.predicting != nil { return "prediction> " }
    guard active.waiting != nil else { return nil }
    return "lesson \(active.entry.number)> "
  }

  /// Prose for the student, fitted to the terminal's width.
  func say(_ text: String) {
    Output.out(LessonText.fitted(text, width: Terminal.width) + "\n")
  }

  func bold(_ text: String) -> String {
    options.color.enabled(forTerminal: Terminal.outputIsTerminal) ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }
}

extension String {
  /// The text with its first letter in upper case: `Exercise 2 of 5`.
  var sentenceCased: String { prefix(1).uppercased() + dropFirst() }
}
