import Foundation

/// A guided lesson, read from a Markdown file a teacher writes: prose, ```neuro
/// examples that run as they are shown, and exercises, each a `## Exercise: …` section
/// with ```check (expressions that must be true), ```hint, ```solution and optional
/// ```wrong (an answer that must not pass) blocks.
public struct Lesson: Sendable {
  public var title: String
  public var steps: [Step]

  /// A section of a lesson: prose with examples, and possibly an exercise.
  public struct Step: Sendable {
    public var heading: String?
    /// Prose and examples in the order written.
    public var content: [Block]
    public var exercise: Exercise?
  }

  public enum Block: Sendable {
    case prose(String)
    case example(String, line: Int)
  }

  public struct Exercise: Sendable {
    public var title: String
    /// Expressions that must all be true, with the lesson file's line of each.
    public var checks: [(expression: String, line: Int)]
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
      let text = prose.joined(separator: "\n").trimmingCharacters(in: .newlines)
      if !text.isEmpty { step.content.append(.prose(text)) }
      prose = []
    }
    func finishStep() throws {
      flushProse()
      if let exercise = step.exercise {
        if exercise.checks.isEmpty { throw FormatError(line: 0, message: "the exercise '\(exercise.title)' has no ```check block") }
        if exercise.solution.isEmpty { throw FormatError(line: 0, message: "the exercise '\(exercise.title)' has no ```solution block") }
      }
      if step.heading != nil || !step.content.isEmpty || step.exercise != nil { steps.append(step) }
    }

    for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let text = String(line)
      if var open = fence {
        if text.trimmingCharacters(in: .whitespaces) == "```" {
          let body = open.lines.joined(separator: "\n")
          switch open.kind {
          case "neuro":
            flushProse()
            step.content.append(.example(body, line: open.line + 1))
          case "check", "hint", "solution", "wrong":
            guard var exercise = step.exercise else {
              throw FormatError(line: open.line, message: "a ```\(open.kind) block outside an exercise (start one with ## Exercise: title)")
            }
            switch open.kind {
            case "check":
              for (offset, check) in open.lines.enumerated() where !check.trimmingCharacters(in: .whitespaces).isEmpty {
                var expression = check.trimmingCharacters(in: .whitespaces)
                if expression.hasPrefix("check ") { expression.removeFirst(6) }
                exercise.checks.append((expression, open.line + 1 + offset))
              }
            case "hint": exercise.hints.append(body)
            case "solution": exercise.solution = body
            default: exercise.wrongAnswers.append(body)
            }
            step.exercise = exercise
          default:
            prose.append("```\n" + body + "\n```")
          }
          fence = nil
        } else {
          open.lines.append(text)
          fence = open
        }
        continue
      }
      if text.hasPrefix("```") {
        fence = (String(text.dropFirst(3)).trimmingCharacters(in: .whitespaces), number, [])
      } else if text.hasPrefix("# "), title.isEmpty {
        title = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
      } else if text.hasPrefix("## ") {
        try finishStep()
        let heading = String(text.dropFirst(3)).trimmingCharacters(in: .whitespaces)
        step = Step(heading: heading, content: [], exercise: nil)
        if heading.lowercased().hasPrefix("exercise") {
          let name = heading.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
          step.exercise = Exercise(title: name.isEmpty ? heading : name, checks: [], hints: [], solution: "", wrongAnswers: [])
        }
      } else {
        prose.append(text)
      }
    }
    if let open = fence { throw FormatError(line: open.line, message: "this ``` block is never closed") }
    try finishStep()
    if title.isEmpty { throw FormatError(line: 1, message: "a lesson starts with its title: # Title") }
  }

  /// The exercises in order.
  public var exercises: [Exercise] { steps.compactMap(\.exercise) }
}
