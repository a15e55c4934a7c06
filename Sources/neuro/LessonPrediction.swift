import NeuroLang

/// Predict, then run: a lesson's `## Predict: …` section asks for a number or a choice, runs the
/// simulation once the student has committed (or typed `:skip`), shows the prediction against the
/// result with its score, and keeps the score with the lesson's progress.
extension REPL {
  /// Shows the section up to its question and waits for the prediction.
  mutating func askPrediction(at index: Int, freshNote: String?) {
    guard var active = lesson, let prediction = active.lesson.steps[index].prediction else { return }
    let heading = "\(Self.place(ofStep: index, in: active.lesson).sentenceCased): \(prediction.title)"
    Output.out("\n" + bold(heading) + "\n" + (freshNote ?? ""))
    show(active.lesson.steps[index].content[...])
    var what = "a number"
    if case .number = prediction.answer { sayBold("Predict: " + prediction.question + " (\(prediction.askedFor))") }
    if case .choice(let choices) = prediction.answer {
      sayBold("Predict: " + prediction.question)
      Output.out(choices.enumerated().map { "  \($0.offset + 1)) \($0.element.label)\n" }.joined())
      what = "the number or the words of a choice"
    }
    say(
      "Commit to a prediction before it runs: type \(what) and press Enter · :skip runs it without one · "
        + ":help predictions says how it is scored")
    active.predicting = index
    lesson = active
  }

  /// A prediction made in an earlier session: its code runs quietly and its score is recalled.
  mutating func replayPrediction(at index: Int) {
    guard let active = lesson, let prediction = active.lesson.steps[index].prediction else { return }
    for case .example(let code, _, _) in active.lesson.steps[index].content {
      interpreter.executeQuietly(code, name: "<lesson>")
    }
    let record = LessonProgress(path: Session.progressPath).prediction(
      lesson: active.entry.id, index: active.lesson.ordinal(ofStep: index))
    let heading = "\(Self.place(ofStep: index, in: active.lesson).sentenceCased): \(prediction.title)"
    say("\n" + bold(heading) + " — " + (record.map(Self.described) ?? "made earlier"))
  }

  /// A line typed while a prediction waits: the prediction, or a diagnostic and the prompt again.
  mutating func answerPrediction(_ typed: String) {
    guard let active = lesson, let index = active.predicting,
      let prediction = active.lesson.steps[index].prediction
    else { return }
    do {
      settlePrediction(with: try prediction.read(typed))
    } catch let diagnostic as Diagnostic {
      interpreter.host.report(diagnostic)
    } catch {
      Output.problem("\(error)")
    }
  }

  /// Ctrl-C at the prediction prompt: the prediction still waits.
  func remindOfPrediction() {
    guard lesson?.predicting != nil else { return }
    say("(the prediction still waits: type it, or :skip to see the result without one)")
  }

  /// `:skip` and the other lesson commands while a prediction waits.
  mutating func predictionCommand(_ name: String) -> Bool {
    switch name {
    case "skip", "next":
      settlePrediction(with: nil)
    case "check", "hint", "solution":
      Output.problem(
        "a prediction is waiting, not an exercise: there is nothing to :\(name) yet",
        hint: "type your own guess (the simulation settles it), or :skip to run it without one")
    default:
      return false
    }
    return true
  }

  /// Runs the code that settles the prediction, shows the guess against the result and why, keeps
  /// the score, and goes on with the lesson.
  private mutating func settlePrediction(with guess: Lesson.Prediction.Guess?) {
    guard var active = lesson, let index = active.predicting, let prediction = active.lesson.steps[index].prediction
    else { return }
    active.predicting = nil
    lesson = active
    let content = active.lesson.steps[index].content
    let asked = content.firstIndex { if case .prediction = $0 { return true } else { return false } } ?? content.count
    Output.out(guess.map { "(you predicted \(prediction.shown($0)); now the simulation)\n" } ?? "(no prediction)\n")
    // A run stopped with Ctrl-C has not said what the whole simulation gives.
    let stop = interpreter.host.shouldStop
    var stopped = false
    interpreter.host.shouldStop = {
      stopped = stopped || stop()
      return stopped
    }
    show(content[min(content.count, asked + 1)...])
    interpreter.host.shouldStop = stop
    var record = LessonProgress.PredictionRecord.skipped
    do {
      if stopped {
        throw Diagnostic(.runtime, "the run was stopped before its end")
      }
      let result = try interpreter.result(of: prediction)
      if let guess {
        let (sentence, score) = prediction.compare(guess, with: result)
        sayBold("\n" + sentence)
        record = .scored(score)
      } else {
        say("\nThe simulation gives \(prediction.shown(result)) (no prediction, no score).")
      }
    } catch let diagnostic as Diagnostic {
      // A stopped run, or a lesson that cannot work out its own answer: no score, and the lesson goes on.
      Output.problem(
        "the simulation did not settle the prediction: \(diagnostic.message)",
        hint: "no score is kept for it; :restart runs the lesson again")
    } catch {
      Output.problem("\(error)")
    }
    say(prediction.explanation)
    var progress = LessonProgress(path: Session.progressPath)
    if let problem = progress.record(record, lesson: active.entry.id, prediction: active.lesson.ordinal(ofStep: index))
    {
      Output.problem(problem, warning: true)
    }
    showUntilExercise()
  }

  /// The calibration of a finished lesson: the predictions made, their mean score and each one's.
  func predictionSummary(_ active: ActiveLesson) -> String? {
    let predictions = active.lesson.predictions
    guard !predictions.isEmpty else { return nil }
    let progress = LessonProgress(path: Session.progressPath)
    let records = predictions.indices.map { progress.prediction(lesson: active.entry.id, index: $0) }
    let (made, mean) = Self.calibration(records)
    let each = zip(predictions, records).map { "- \($0.title): " + ($1.map(Self.described) ?? "not made") }
    return "Your predictions: \(made) of \(predictions.count) made"
      + (mean.map { ", calibration score \(PredictionScore.percentText($0))" } ?? "") + "\n"
      + each.joined(separator: "\n")
  }

  /// What the lesson list says of a lesson's predictions: `, 1/1 predicted: 94 %` (the calibration score).
  static func predictionProgress(_ lesson: Lesson, id: String, _ progress: LessonProgress) -> String {
    let count = lesson.predictions.count
    guard count > 0 else { return "" }
    let (made, mean) = calibration((0..<count).map { progress.prediction(lesson: id, index: $0) })
    return ", \(made)/\(count) predicted" + (mean.map { ": \(PredictionScore.percentText($0))" } ?? "")
  }

  /// How many predictions were made (not skipped), and the mean of their scores.
  private static func calibration(_ records: [LessonProgress.PredictionRecord?]) -> (made: Int, mean: Double?) {
    let scores = records.compactMap { record -> Double? in
      if case .scored(let score)? = record { return score } else { return nil }
    }
    return (scores.count, PredictionScore.mean(scores))
  }

  /// Prose fitted to the terminal, then in bold (so that the bold's escape codes take no width).
  private func sayBold(_ text: String) {
    Output.out(bold(LessonText.fitted(text, width: Terminal.width)) + "\n")
  }

  private static func described(_ record: LessonProgress.PredictionRecord) -> String {
    switch record {
    case .scored(let score): "scored \(PredictionScore.percentText(score))"
    case .skipped: "skipped"
    }
  }
}
