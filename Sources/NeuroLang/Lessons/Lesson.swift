/// A guided lesson, read from a Markdown file a teacher writes: prose, ```neuro
/// examples that run as they are shown, each optionally followed by an ```expect block
/// (claims the prose makes about it, checked by the test suite, never shown), and
/// exercises, each a `## Exercise: …` section with ```check (expressions that must be
/// true, each with `# a sentence for the student` shown when it is not), ```hint (the
/// first never the answer), ```solution and optional ```wrong (an answer that must not
/// pass) blocks. A section starts in a fresh world when it holds examples and is not an
/// exercise, or says `<!-- fresh -->`; `<!-- continues -->` keeps the world before it.
public struct Lesson: Sendable {
  public var title: String
  public var steps: [Step]

  /// A section of a lesson: prose with examples, and possibly an exercise.
  public struct Step: Sendable {
    public var heading: String?
    /// Prose and examples in the order written.
    public var content: [Block]
    public var exercise: Exercise?
    /// True when the step begins in a fresh world (t = 0, nothing defined).
    public var startsFresh = false
    /// What the section said of its world: `<!-- fresh -->` (true), `<!-- continues -->` (false).
    var marker: Bool? = nil
  }

  public enum Block: Sendable {
    case prose(String)
    /// Code run as if typed, and the claims the text makes about what it shows.
    case example(String, line: Int, claims: [Check])
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
        if heading.lowercased().hasPrefix("exercise") {
          let name = heading.drop { $0 != ":" }.dropFirst().trimmed()
          step.exercise = Exercise(
            title: name.isEmpty ? heading : name, checks: [], hints: [], solution: "", wrongAnswers: [])
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
}
