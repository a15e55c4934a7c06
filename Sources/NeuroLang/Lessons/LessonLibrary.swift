import FoundationEssentials
import NeuroUnits

/// The lessons in a folder (`lessons/`), numbered by their file names (`01-units.md` is lesson 1).
public struct LessonLibrary: Sendable {
  public struct Entry: Sendable {
    public var number: Int
    /// The file name without `.md`, used to keep progress.
    public var id: String
    public var path: String
  }

  public let entries: [Entry]

  public init(folder: String) {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    entries = files.filter { $0.hasSuffix(".md") }.sorted().compactMap { file in
      let id = String(file.dropLast(3))
      guard let number = Int(id.prefix { $0.isNumber }) else { return nil }
      return Entry(number: number, id: id, path: FilePaths.joined(folder, file))
    }
  }

  public func entry(_ number: Int) -> Entry? { entries.first { $0.number == number } }

  /// Reads and parses a lesson file.
  public func load(_ entry: Entry) throws -> Lesson {
    let text = try readSourceFile(entry.path)
    do {
      return try Lesson(markdown: text)
    } catch let error as Lesson.FormatError {
      throw SourceFileError(description: "\(entry.path):\(error.line): \(error.message)")
    }
  }
}

extension Interpreter {
  /// Runs code without printing anything (to rebuild a lesson's state); true when it ran cleanly.
  @discardableResult
  public func executeQuietly(_ code: String, name: String) -> Bool {
    let saved = host
    host.write = { _ in }
    host.report = { _ in }
    defer { host = saved }
    return execute(Source(name: name, text: code)) == .success
  }

  /// Readies the session for a lesson step: one that starts fresh gets a fresh world and no
  /// names. True when that took away something the session had.
  @discardableResult
  public func enter(_ step: Lesson.Step) -> Bool {
    guard step.startsFresh else { return false }
    let hadSomething = !world.isEmpty || !globals.entries.isEmpty
    startFresh()
    return hadSomething
  }

  /// The first of the checks that is not true in this session, and, when it could not even be
  /// worked out, the error that stopped it; nil when all are true.
  public func firstFailing(_ checks: [Lesson.Check]) -> (check: Lesson.Check, error: String?)? {
    for check in checks {
      do {
        let value = try value(of: check.expression, name: "check")
        guard case .bool(let passed) = value else {
          return (check, "the check gives \(value.describedKind), not true or false")
        }
        if !passed { return (check, nil) }
      } catch let diagnostic as Diagnostic {
        return (check, diagnostic.message)
      } catch {
        return (check, "\(error)")
      }
    }
    return nil
  }

  /// The value of one expression a lesson wrote (a check, a prediction's truth) in this session;
  /// a `Diagnostic` when it is not a single expression or cannot be worked out.
  public func value(of expression: String, name: String) throws -> Value {
    let source = Source(name: name, text: expression)
    let (statements, diagnostics) = Parser.parse(source)
    if let first = diagnostics.first { throw first }
    guard statements.count == 1, case .expression(let expr) = statements[0].kind else {
      throw Diagnostic(.syntax, "'\(expression)' is not a single expression", in: source)
    }
    let saved = self.source
    self.source = source
    defer { self.source = saved }
    return try evaluate(expr)
  }

  /// What a student can learn from a failed check besides its sentence: the names it uses that
  /// are not defined yet, or the values the student gave those names. Never the check's own
  /// arithmetic.
  public func explanation(of failure: (check: Lesson.Check, error: String?)) -> String? {
    // The names the check reads: identifiers that are not a member (`.v`), a named argument (`bin:`) or a
    // model's word after one (`method: euler`, `timing: grid`).
    var lexer = Lexer(Source(name: "check", text: failure.check.expression))
    let tokens = lexer.tokenize()
    var words: Set<String> = []
    for (i, token) in tokens.enumerated() {
      guard case .identifier(let name) = token.kind else { continue }
      if i > 0, tokens[i - 1].kind == .dot { continue }
      if i + 1 < tokens.count, tokens[i + 1].kind == .colon { continue }
      if i > 0, tokens[i - 1].kind == .colon, ModelKind.words.contains(name) { continue }
      words.insert(name)
    }
    let defined = Dictionary(definitions.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    let missing = words.filter { name in
      defined[name] == nil && UnitTable.unit(named: name) == nil
        && tokens.first.map { (try? lookup(name, at: $0.span)) == nil } == true
    }.sorted()
    if !missing.isEmpty {
      return missing.map { "\($0) is not defined yet" }.joined(separator: "; ")
    }
    let yours = words.sorted().compactMap { name -> String? in
      guard let value = defined[name] else { return nil }
      if case .function = value { return nil }
      if case .neuron = value { return text(of: value, quoted: true) }
      let shown = text(of: value, quoted: true)
      guard shown.count > 120 || shown.contains("\n") else { return "your \(name) = \(shown)" }
      // A matrix or a long record would fill the screen: its kind and size say enough here.
      if case .list(let items) = value { return "your \(name) is a list of \(items.count) values" }
      return "your \(name) is \(value.describedKind)"
    }
    return yours.isEmpty ? nil : yours.joined(separator: "; ")
  }
}
