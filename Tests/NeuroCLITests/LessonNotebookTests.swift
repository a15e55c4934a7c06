import Foundation
import Testing

/// `neuro lesson N --notebook [OUT.ipynb]`: a lesson as a Jupyter notebook for the neuro kernel.
@Suite struct LessonNotebookTests {
  private let lessons = NeuroBinary.repository.appendingPathComponent("lessons").path

  private func temporaryFolder() throws -> URL {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "neuro-notebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The text of the cells of a notebook and whether each is code.
  private func cells(_ notebook: [String: Any]) -> [(isCode: Bool, text: String)] {
    (notebook["cells"] as? [[String: Any]] ?? []).map { cell in
      (cell["cell_type"] as? String == "code", (cell["source"] as? [String] ?? []).joined())
    }
  }

  @Test func lessonThreeIsWrittenAsANotebookWithEveryExampleInOrder() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runNeuro(
      ["lesson", "3", "--notebook"], environment: ["NEURO_LESSONS": lessons], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let path = folder.appendingPathComponent("03-synaptic-transmission.ipynb")
    let data = try Data(contentsOf: path)
    let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(notebook["nbformat"] as? Int == 4 && notebook["nbformat_minor"] as? Int == 5)
    let metadata = try #require(notebook["metadata"] as? [String: Any])
    let kernelspec = try #require(metadata["kernelspec"] as? [String: String])
    #expect(kernelspec == ["name": "neuro", "display_name": "neuro", "language": "neuro"])
    #expect((metadata["language_info"] as? [String: Any])?["name"] as? String == "neuro")

    let cells = cells(notebook)
    #expect(cells.first.map { !$0.isCode && $0.text.hasPrefix("# Synaptic transmission") } == true)
    #expect(cells.contains { $0.isCode } && cells.contains { !$0.isCode })
    let markdown = try String(contentsOfFile: lessons + "/03-synaptic-transmission.md", encoding: .utf8)
    let examples = markdown.components(separatedBy: "```neuro\n").dropFirst().compactMap {
      $0.components(separatedBy: "\n```").first
    }
    #expect(examples.count >= 3)
    // Every example is a code cell, in the lesson's order; the headings come between them in order too.
    var position = 0
    for example in examples {
      let found = cells[position...].firstIndex { $0.isCode && $0.text == example }
      #expect(found != nil, "missing or out of order: \(example)")
      position = (found ?? position) + 1
    }
    let headings = cells.filter { !$0.isCode && $0.text.hasPrefix("## ") }.map { $0.text.prefix { $0 != "\n" } }
    #expect(headings.first == "## Exercise: where it settles" && headings.contains("## Synaptic events"))
    // A solution is folded away; the claims of ```expect blocks are left out.
    #expect(cells.contains { !$0.isCode && $0.text.contains("<details><summary>Solution</summary>") })
    #expect(!cells.contains { $0.text.contains("-26.25mV) < 1uV") })
  }

  @Test func notebookWritesTheNamedFileAndNeedsALesson() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("three.ipynb").path
    let named = try runNeuro(["lesson", "3", "--notebook", out], environment: ["NEURO_LESSONS": lessons])
    #expect(named.status == 0 && named.stdout.contains("wrote \(out)"))
    #expect(FileManager.default.fileExists(atPath: out))

    // Lesson 8 goes on from an exercise's answer: the notebook runs the solution before it.
    let eight = folder.appendingPathComponent("eight.ipynb")
    #expect(
      try runNeuro(["lesson", "8", "--notebook", eight.path], environment: ["NEURO_LESSONS": lessons]).status == 0)
    let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: eight)) as? [String: Any] ?? [:]
    let cells = cells(notebook)
    let note = try #require(cells.firstIndex { !$0.isCode && $0.text.contains("the next cell runs the solution") })
    #expect(cells.indices.contains(note + 1) && cells[note + 1].isCode)

    let alone = try runNeuro(["--notebook"], input: "")
    #expect(alone.status == 64 && alone.stderr.contains("--notebook belongs to neuro lesson"))
    let noNumber = try runNeuro(["lesson", "--notebook"], input: "")
    #expect(noNumber.status == 64 && noNumber.stderr.contains("neuro lesson --notebook takes a lesson number"))
    let missingFolder = try runNeuro(
      ["lesson", "3", "--notebook", folder.path + "/none/x.ipynb"], environment: ["NEURO_LESSONS": lessons])
    #expect(missingFolder.status == 74 && missingFolder.stderr.contains("does not exist"))
  }
}
