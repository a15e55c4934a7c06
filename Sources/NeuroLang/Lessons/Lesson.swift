/// A guided lesson, read from a Markdown file a teacher writes: prose, ```neuro
/// examples that run as they are shown, each optionally followed by an ```expect block
/// (claims the prose makes about it, checked by the test suite, never shown), and
/// exercises, each a `## Exercise: …` section with ```check (expressions that must be
/// true, each with `# a sentence for the student` shown when it is not), ```hint (the
/// first never the answer), ```solution and optional ```wrong (an answer that must not
/// pass) blocks, and predictions, each a `## Predict: …` section (see `Prediction`): its text and
/// code up to the ```predict block are shown first, the code after it runs once the student has
/// predicted, then the result and the ```explain block. A section starts in a fresh world when it
/// holds examples and is not an exercise, or says `<!-- fresh -->`; `<!-- continues -->` keeps the
/// world before it.
public struct Lesson: Sendable {
  public var title: String
  public var steps: [Step]

  /// A section of a lesson: prose with examples, and possibly an exercise.
  public struct Step: Sendable {
    public var heading: String?
    /// Prose and examples in the order written.
    public var content: [Block]
    public var exercise: Exercise?
    /// The question asked where the content holds `.prediction`.
    public var prediction: Prediction?
    /// True when the step begins in a fresh world (t = 0, nothing defined).
    public var startsFresh = false
    /// True when the step asks something of the student: an exercise or a prediction.
    public var asks: Bool { exercise != nil || prediction != nil }
    /// What the section said of its world: `<!-- fresh -->` (true), `<!-- continues -->` (false).
    var marker: Bool? = nil
  }

  public enum Block: Sendable {
    case prose(String)
    /// Code run as if typed, and the claims the text makes about what it shows.
    case example(String, line: Int, claims: [Check])
    /// Where the section's prediction is asked: what follows runs once the student has predicted.
    case prediction
  }

  /// An expression that must be true, the sentence that says what it means, and its line in the file.
  public struct Check: Sendable {
    public var expression: String
    public var message: String
    public var line: Int
  }

  public struct Exercise: Sendable {
    public var title: String
    /// Expressions that must all be true.
    public var checks: [Check]
    public var hints: [String]
    public var solution: String
    public var wrongAnswers: [String]
  }

  /// A problem in a lesson file, with its line.
  public struct FormatError: Error, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// Reads a lesson from its Markdown text.
  public init(markdown: String) throws {
    title = ""
    steps = []
    var step = Step(heading: nil, content: [], exercise: nil)
    var prose: [String] = []
    var fence: (kind: String, line: Int, lines: [String])? = nil
    /// The title of the `## Predict: …` section being read.
    var predictTitle: String? = nil

    func flushProse() {
      let text = prose.joined(separator: "\n").trimmingNewlines()
      if !text.isEmpty { step.content.append(.prose(text)) }
      prose = []
    }
    func finishStep() throws {
      flushProse()
      if let exercise = step.exercise {
        if exercise.checks.isEmpty {
          throw FormatError(line: 0, message: "the exercise '\(exercise.title)' has no ```check block")
        }
        if exercise.solution.isEmpty {
          throw FormatError(line: 0, message: "the exercise '\(exercise.title)' has no ```solution block")
        }
      }
      if let title = predictTitle { try Lesson.validate(step.prediction, titled: title, in: step.content) }
      let hasExamples = step.content.contains { if case .example = $0 { return true } else { return false } }
      step.startsFresh = steps.isEmpty || (step.marker ?? (hasExamples && step.exercise == nil))
      if step.heading != nil || !step.content.isEmpty || step.exercise != nil { steps.append(step) }
    }

    for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let text = String(line)
      if var open = fence {
        if text.trimmed() == "```" {
          let body = open.lines.joined(separator: "\n")
          switch open.kind {
          case "neuro":
            flushProse()
            step.content.append(.example(body, line: open.line + 1, claims: []))
          case "expect":
            guard case .example(let code, let line, let claims)? = step.content.last else {
              throw FormatError(line: open.line, message: "an ```expect block must follow a ```neuro example")
            }
            step.content[step.content.count - 1] = .example(
              code, line: line, claims: claims + (try Lesson.checks(open.lines, from: open.line + 1)))
          case "predict":
            guard let title = predictTitle, step.prediction == nil else {
              throw FormatError(
                line: open.line, message: "a ```predict block belongs to a section of its own: ## Predict: title")
            }
            flushProse()
            step.prediction = try Lesson.prediction(open.lines, from: open.line + 1, title: title)
            step.content.append(.prediction)
          case "explain":
            guard step.prediction != nil else {
              throw FormatError(
                line: open.line, message: "an ```explain block follows the ```predict block it explains")
            }
            step.prediction?.explanation = body.trimmingNewlines()
          case "check", "hint", "solution", "wrong":
            guard var exercise = step.exercise else {
              throw FormatError(
                line: open.line,
                message: "a ```\(open.kind) block outside an exercise (start one with ## Exercise: title)")
            }
            switch open.kind {
            case "check":
              exercise.checks += try Lesson.checks(open.lines, from: open.line + 1)
            case "hint": exercise.hints.append(body)
            case "solution": exercise.solution = body
            default: exercise.wrongAnswers.append(body)
            }
            step.exercise = exercise
          default:
            // Quoted text (a session, an error as the REPL shows it): indented, as the screen shows code.
            prose.append(open.lines.map { "    " + $0 }.joined(separator: "\n"))
          }
          fence = nil
        } else {
          open.lines.append(text)
          fence = open
        }
        continue
      }
      let trimmed = text.trimmed()
      if trimmed == "<!-- fresh -->" || trimmed == "<!-- continues -->" {
        step.marker = trimmed == "<!-- fresh -->"
      } else if text.hasPrefix("```") {
        fence = (String(text.dropFirst(3)).trimmed(), number, [])
      } else if text.hasPrefix("# "), title.isEmpty {
        title = String(text.dropFirst(2)).trimmed()
      } else if text.hasPrefix("## ") {
        try finishStep()
        let heading = String(text.dropFirst(3)).trimmed()
        step = Step(heading: heading, content: [], exercise: nil)
        let name = heading.drop { $0 != ":" }.dropFirst().trimmed()
        let sectionTitle = name.isEmpty ? heading : name
        predictTitle = heading.lowercased().hasPrefix("predict") ? sectionTitle : nil
        if heading.lowercased().hasPrefix("exercise") {
          step.exercise = Exercise(title: sectionTitle, checks: [], hints: [], solution: "", wrongAnswers: [])
        }
      } else {
        prose.append(text)
      }
    }
    if let open = fence { throw FormatError(line: open.line, message: "this ``` block is never closed") }
    try finishStep()
    if title.isEmpty { throw FormatError(line: 1, message: "a lesson starts with its title: # Title") }
  }

  /// The lines of a ```check or ```expect block: `expression  # sentence for the student`.
  private static func checks(_ lines: [String], from firstLine: Int) throws -> [Check] {
    try lines.enumerated().compactMap { offset, line in
      let text = line.trimmed()
      guard !text.isEmpty else { return nil }
      guard let hash = text.firstIndex(of: "#") else {
        throw FormatError(
          line: firstLine + offset,
          message: "a check needs the sentence a student reads when it fails: expression  # sentence")
      }
      let expression = text[..<hash].trimmed()
      let message = text[text.index(after: hash)...].trimmed()
      guard !expression.isEmpty, !message.isEmpty else {
        throw FormatError(
          line: firstLine + offset, message: "a check is an expression, then # and a sentence for the student")
      }
      return Check(expression: expression, message: message, line: firstLine + offset)
    }
  }

  /// The exercises in order.
  public var exercises: [Exercise] { steps.compactMap(\.exercise) }

  /// The predictions in order.
  public var predictions: [Prediction] { steps.compactMap(\.prediction) }

  /// The number (from 0) of step `index`'s exercise among the exercises, or of its prediction among the predictions.
  public func ordinal(ofStep index: Int) -> Int {
    let isExercise = steps[index].exercise != nil
    return steps[..<index].filter { isExercise ? $0.exercise != nil : $0.prediction != nil }.count
  }

  /// A `## Predict: …` section has its ```predict block, code after it that settles it, and an explanation.
  private static func validate(_ prediction: Prediction?, titled title: String, in content: [Block]) throws {
    guard let prediction else {
      throw FormatError(line: 0, message: "the prediction '\(title)' has no ```predict block")
    }
    let after = content.drop { if case .prediction = $0 { return false } else { return true } }.dropFirst()
    guard after.contains(where: { if case .example = $0 { return true } else { return false } }) else {
      throw FormatError(
        line: prediction.line, message: "the prediction '\(title)' needs a ```neuro block after ```predict to settle it"
      )
    }
    if prediction.explanation.isEmpty {
      throw FormatError(line: prediction.line, message: "the prediction '\(title)' has no ```explain block")
    }
  }
}
