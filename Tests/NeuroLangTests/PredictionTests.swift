import NeuroUnits
import Testing

@testable import NeuroLang

/// A lesson's `## Predict: …` section: how it is written, how a student's guess is read, how it is scored.
@Suite struct PredictionTests {
  private func prediction(_ block: String, after: String = "```neuro\nlet x = 1\n```\n```explain\nWhy.\n```\n")
    throws -> Lesson.Prediction
  {
    let lesson = try Lesson(markdown: "# T\n## Predict: a guess\nSome text.\n```predict\n\(block)\n```\n\(after)")
    return try #require(lesson.predictions.first)
  }

  private var rate: Lesson.Prediction {
    get throws { try prediction("question: How fast?\nunit: Hz\ntruth: rate(n)") }
  }

  private var count: Lesson.Prediction {
    get throws { try prediction("question: How many?\nunit: none\ntruth: spike_count(n)") }
  }

  private var choice: Lesson.Prediction {
    get throws {
      try prediction(
        "question: The weight has\nchoice: grown when w > 1\nchoice: shrunk when w < 1\nchoice: stayed when w == 1")
    }
  }

  @Test func aPredictSectionIsReadWithItsQuestionUnitTruthAndExplanation() throws {
    let lesson = try Lesson(
      markdown: """
        # T
        ## Predict: a guess
        Before.
        ```predict
        question: How fast does n fire?
        unit: Hz
        truth: rate(n)
        ```
        ```neuro
        neuron n = lif()
        ```
        ```explain
        Because.
        ```
        """)
    let step = try #require(lesson.steps.first)
    let prediction = try #require(step.prediction)
    #expect(prediction.title == "a guess" && prediction.question == "How fast does n fire?")
    #expect(prediction.explanation == "Because.")
    #expect(prediction.askedFor == "a frequency in Hz")
    guard case .number(let unit, let truth) = prediction.answer else {
      Issue.record("not a number")
      return
    }
    #expect(unit?.symbol == "Hz" && truth == "rate(n)")
    #expect(step.exercise == nil && lesson.exercises.isEmpty)
    // The prose comes first, then the place of the question, then the code that settles it.
    #expect(step.content.count == 3)
    if case .prediction = step.content[1] {} else { Issue.record("the question is not second") }
  }

  @Test func choicesAreTheirWordsAndTheConditionAfterWhen() throws {
    guard case .choice(let choices) = try choice.answer else {
      Issue.record("no choices")
      return
    }
    #expect(choices.map(\.label) == ["grown", "shrunk", "stayed"])
    #expect(choices.map(\.condition) == ["w > 1", "w < 1", "w == 1"])
  }

  @Test(arguments: [
    "unit: Hz\ntruth: rate(n)",  // no question
    "question: q\ntruth: rate(n)",  // no unit
    "question: q\nunit: Hz",  // no truth
    "question: q\nunit: furlongs\ntruth: 1",  // unknown unit
    "question: q\nchoice: only when true",  // one choice
    "question: q\nchoice: a when true\nchoice: b",  // a choice without when
    "question: q\nchoice: a when true\nchoice: b when false\nunit: Hz",  // both kinds
    "question: q\nanswer: 3",  // unknown key
  ])
  func aBadPredictBlockNamesItsProblem(block: String) {
    #expect(throws: Lesson.FormatError.self) { try prediction(block) }
  }

  @Test func aPredictionNeedsCodeAfterItAndAnExplanation() {
    let block = "question: q\nunit: none\ntruth: 1"
    #expect(throws: Lesson.FormatError.self) { try prediction(block, after: "```explain\nWhy.\n```\n") }
    #expect(throws: Lesson.FormatError.self) { try prediction(block, after: "```neuro\nlet x = 1\n```\n") }
    #expect(throws: Lesson.FormatError.self) {
      try Lesson(markdown: "# T\n## Not a prediction\n```predict\nquestion: q\nunit: none\ntruth: 1\n```\n")
    }
  }

  @Test func theScoreIsFullWithinTenPercentAndNothingFromAFactorOfThree() {
    #expect(PredictionScore.score(predicted: 10, truth: 10) == 1)
    #expect(PredictionScore.score(predicted: 10.9, truth: 10) == 1)
    #expect(PredictionScore.score(predicted: 9.1, truth: 10) == 1)
    #expect(PredictionScore.score(predicted: 30, truth: 10) == 0)
    #expect(PredictionScore.score(predicted: 2, truth: 10) == 0)
    // Even on a log scale, about as far off one way as the other.
    #expect(abs(PredictionScore.score(predicted: 15, truth: 10) - 0.69) < 0.01)
    #expect(abs(PredictionScore.score(predicted: 20, truth: 10) - 0.40) < 0.01)
    #expect(abs(PredictionScore.score(predicted: 5, truth: 10) - 0.40) < 0.01)
  }

  @Test func zeroAndOppositeSignsScoreOnlyWhenExact() {
    #expect(PredictionScore.score(predicted: 0, truth: 0) == 1)
    #expect(PredictionScore.score(predicted: 1, truth: 0) == 0)
    #expect(PredictionScore.score(predicted: 0, truth: 3) == 0)
    #expect(PredictionScore.score(predicted: -5, truth: 5) == 0)
    #expect(PredictionScore.score(predicted: -66, truth: -65) == 1)
    #expect(PredictionScore.offBy(predicted: 12, truth: 10) == "20 % high")
    #expect(PredictionScore.offBy(predicted: 8, truth: 10) == "20 % low")
    #expect(PredictionScore.offBy(predicted: 10, truth: 10) == "exact")
    #expect(PredictionScore.mean([1, 0.5]) == 0.75)
    #expect(PredictionScore.mean([]) == nil)
  }

  @Test func aNumberIsReadWithItsUnitOrInTheUnitAsked() throws {
    #expect(try rate.read("40Hz") == .number(Quantity(40, .frequency)))
    #expect(try rate.read(" 40 ") == .number(Quantity(40, .frequency)))
    #expect(try rate.read("0.04kHz") == .number(Quantity(40, .frequency)))
    let fromTime = try rate.read("1/25ms")
    guard case .number(let quantity) = fromTime else {
      Issue.record("not a number")
      return
    }
    #expect(abs(quantity.value - 40) < 1e-9 && quantity.dimension == .frequency)
    #expect(try count.read("8") == .number(Quantity(8)))
    #expect(try count.read("8 spikes") == .number(Quantity(8)))
  }

  private func diagnostic(_ prediction: Lesson.Prediction, _ typed: String) -> Diagnostic? {
    do {
      _ = try prediction.read(typed)
      return nil
    } catch {
      return error as? Diagnostic
    }
  }

  @Test func aNumberOfTheWrongKindNamesBothInPlainWords() throws {
    let wrong = try #require(diagnostic(try rate, "25ms"))
    #expect(wrong.message == "the question asks for a frequency in Hz, and 25 ms is a time (ms)")
    #expect(wrong.hint?.contains("a rate is one over a time: 1/25ms is 40 Hz") == true)
    #expect(wrong.rendered().contains("<prediction>:1:1"))
    let counted = try #require(diagnostic(try count, "5Hz"))
    #expect(counted.message == "the question asks for a plain number, and 5 Hz is a frequency (Hz)")
  }

  @Test(arguments: ["", "40 Hz", "5mv", "n.rate", "rate(n)", "run 100ms", "let x = 3", "\"forty\"", "1/0"])
  func whatIsNotANumberGetsADiagnosticWithAHint(typed: String) throws {
    let found = try #require(diagnostic(try rate, typed), "'\(typed)' was taken as a prediction")
    #expect(found.hint != nil, "'\(typed)': \(found.message) has no hint")
  }

  @Test func aChoiceIsItsNumberItsWordsOrTheirStart() throws {
    #expect(try choice.read("1") == .choice(0))
    #expect(try choice.read("Shrunk") == .choice(1))
    #expect(try choice.read("st") == .choice(2))
    #expect(try choice.read("row") == .choice(0))
    #expect(diagnostic(try choice, "s")?.message == "'s' fits more than one choice: shrunk, stayed")
    #expect(diagnostic(try choice, "4") != nil)
    let other = try #require(diagnostic(try choice, "bigger"))
    #expect(other.message == "'bigger' is not one of the choices")
    #expect(other.hint?.contains("grown, shrunk, stayed") == true)
  }

  @Test func theComparisonSaysHowFarOffAndScores() throws {
    let (sentence, score) = try rate.compare(.number(Quantity(45, .frequency)), with: .number(Quantity(50, .frequency)))
    #expect(sentence == "You predicted 45 Hz; the simulation gives 50 Hz: 10 % low. Score: 100 %.")
    #expect(try rate.compare(.number(Quantity(55, .frequency)), with: .number(Quantity(50, .frequency))).score == 1)
    #expect(score == 1)
    let wrong = try choice.compare(.choice(0), with: .choice(1))
    #expect(wrong.sentence == "You predicted 'grown'; the simulation gives 'shrunk': not this time. Score: 0 %.")
    #expect(try choice.compare(.choice(1), with: .choice(1)).score == 1)
  }

  @Test func theResultComesFromTheSession() throws {
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    #expect(throws: Diagnostic.self) { try interpreter.result(of: try count) }
    interpreter.execute(Source(name: "run", text: "neuron n = lif()\ninject n 2.5nA\nrun 100ms"))
    #expect(try interpreter.result(of: try count) == .number(Quantity(10)))
    guard case .number(let rate) = try interpreter.result(of: try rate) else {
      Issue.record("no rate")
      return
    }
    #expect(rate.dimension == .frequency)
    interpreter.execute(Source(name: "w", text: "let w = 0.5"))
    #expect(try interpreter.result(of: try choice) == .choice(1))
  }
}
