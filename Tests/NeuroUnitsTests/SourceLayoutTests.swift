import Foundation
import Testing

/// The layout every Swift file keeps (`.swift-format` formats the rest; `make test` lints with it).
@Suite struct SourceLayoutTests {
  /// No line of Sources, Tests or Package.swift is wider than 120 characters (characters, not bytes:
  /// µ and Ω count once).
  @Test func noLineIsWiderThan120Characters() throws {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var wide: [String] = []
    var files = ["Package.swift"]
    for folder in ["Sources", "Tests"] {
      let walker = FileManager.default.enumerator(atPath: repository.appendingPathComponent(folder).path)
      while let path = walker?.nextObject() as? String {
        if path.hasSuffix(".swift") { files.append(folder + "/" + path) }
      }
    }
    for file in files {
      let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where line.count > 120 {
        wide.append("\(file):\(number + 1): \(line.count) characters")
      }
    }
    #expect(files.count > 100)
    #expect(wide.isEmpty, "lines over 120 characters:\n\(wide.joined(separator: "\n"))")
  }
}
