import Foundation

/// The scripts a fuzz round starts from: golden scripts, examples and lesson code blocks.
enum Corpus {
  /// Every seed script found under the repository.
  static func seeds(repository: String) -> [String] {
    var seeds: [String] = []
    for folder in ["Tests/scripts", "examples"] {
      let root = repository + "/" + folder
      let walker = FileManager.default.enumerator(atPath: root)
      while let path = walker?.nextObject() as? String {
        guard path.hasSuffix(".neuro"), let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
        else { continue }
        seeds.append(text)
      }
    }
    let lessons = repository + "/lessons"
    for file in (try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? [] where file.hasSuffix(".md") {
      guard let text = try? String(contentsOfFile: lessons + "/" + file, encoding: .utf8) else { continue }
      seeds += codeBlocks(text)
    }
    return seeds
  }

  /// The contents of the ```neuro fenced blocks of a lesson.
  static func codeBlocks(_ markdown: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]? = nil
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line.hasPrefix("```neuro") {
        current = []
      } else if let lines = current, line.hasPrefix("```") {
        blocks.append(lines.joined(separator: "\n"))
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }
}
