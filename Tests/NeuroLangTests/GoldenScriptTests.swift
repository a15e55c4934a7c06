import Foundation
import NeuroLang
import Testing

/// Every `Tests/scripts/**/*.neuro` (but helpers named `_*.neuro`) is a test: its
/// `# expect: TEXT` comments are the output lines in order, its `# expect error: MESSAGE`
/// comments the diagnostics, each on the line where the comment stands (or, for an
/// error in an imported file, `# expect error in FILE:LINE: MESSAGE`), its `# expect warning: MESSAGE`
/// comments the warnings, on their lines or, on a line of their own, for the code line above.
/// Plots are drawn in ASCII, 60 columns wide, without colour.
enum GoldenScripts {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts")
  static let repository = root.deletingLastPathComponent().deletingLastPathComponent()

  static let all: [String] = {
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    return walker.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".neuro") && !($0 as NSString).lastPathComponent.hasPrefix("_") }
      .sorted()
  }()
}

/// What a golden script says it should do.
struct Expectations {
  var output: [String] = []
  /// Each expected diagnostic as `file:line: message` (file empty for the script itself);
  /// `# expect error:` is a runtime error, `# expect syntax error:` one found before running.
  var errors: [String] = []
  /// Each expected warning as `:line: message`.
  var warnings: [String] = []
  /// The hints of diagnostics, as `:line: hint`, for the lines that say `# expect hint: …`.
  var hints: [String] = []
  /// True when the first expected error is a syntax error (nothing then runs).
  var expectsSyntaxError = false

  init(_ text: String) {
    var lastCodeLine = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if !trimmed.isEmpty, !trimmed.hasPrefix("#") { lastCodeLine = index + 1 }
      guard let hash = line.range(of: "# expect") else { continue }
      let rest = line[hash.upperBound...]
      if rest.hasPrefix(": ") {
        output.append(String(rest.dropFirst(2)))
      } else if rest == ":" {
        output.append("")
      } else if rest.hasPrefix(" error: ") {
        errors.append(":\(index + 1): " + rest.dropFirst(" error: ".count))
      } else if rest.hasPrefix(" syntax error: ") {
        if errors.isEmpty { expectsSyntaxError = true }
        errors.append(":\(index + 1): " + rest.dropFirst(" syntax error: ".count))
      } else if rest.hasPrefix(" hint: ") {
        let at = trimmed.hasPrefix("#") ? lastCodeLine : index + 1
        hints.append(":\(at): " + rest.dropFirst(" hint: ".count))
      } else if rest.hasPrefix(" warning: ") {
        let at = trimmed.hasPrefix("#") ? lastCodeLine : index + 1
        warnings.append(":\(at): " + rest.dropFirst(" warning: ".count))
      } else if rest.hasPrefix(" error in ") {
        errors.append(String(rest.dropFirst(" error in ".count)))
      }
    }
  }
}

@Suite struct GoldenScriptTests {
  @Test func thereAreEnoughScripts() {
    #expect(GoldenScripts.all.count >= 40)
  }

  @Test(arguments: GoldenScripts.all)
  func script(_ relativePath: String) throws {
    let url = GoldenScripts.root.appendingPathComponent(relativePath)
    let text = try String(contentsOf: url, encoding: .utf8)
    let expected = Expectations(text)
    var output = ""
    var diagnostics: [Diagnostic] = []
    let host = Host(
      write: { output += $0 }, report: { diagnostics.append($0) },
      plot: PlotSettings(width: 60, height: 10, style: .ascii, color: false),
      libraryPaths: [GoldenScripts.repository.appendingPathComponent("stdlib").path])
    let result = Interpreter(host: host).execute(Source(name: url.path, text: text))

    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    #expect(lines == expected.output, "output of \(relativePath)")
    func located(_ d: Diagnostic) -> String {
      let file = d.source?.name == url.path ? "" : ((d.source?.name ?? "") as NSString).lastPathComponent
      return "\(file):\(d.span?.start.line ?? 0): \(d.message)"
    }
    let found = diagnostics.filter { $0.kind != .warning }.map(located)
    let warnings = diagnostics.filter { $0.kind == .warning }.map(located)
    #expect(
      warnings == expected.warnings,
      "warnings of \(relativePath):\n\(diagnostics.map { $0.rendered() }.joined())")
    #expect(
      found == expected.errors,
      "diagnostics of \(relativePath):\n\(diagnostics.map { $0.rendered() }.joined())")
    let hintLines = Set(expected.hints.map { $0.split(separator: ":")[0] })
    let hints = diagnostics.compactMap { d -> String? in
      guard let line = d.span?.start.line, d.source?.name == url.path, hintLines.contains(Substring(String(line))),
        let hint = d.hint
      else { return nil }
      return ":\(line): \(hint)"
    }
    #expect(hints == expected.hints, "hints of \(relativePath):\n\(diagnostics.map { $0.rendered() }.joined())")
    let outcome: ExecutionResult =
      expected.errors.isEmpty ? .success : expected.expectsSyntaxError ? .syntaxError : .runtimeError
    #expect(result == outcome, "\(relativePath) ended with \(result), not \(outcome)")
  }
}
