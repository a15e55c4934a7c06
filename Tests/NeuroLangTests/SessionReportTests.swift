import Foundation
import Testing

@testable import NeuroLang

/// `report "r.md"`: the statements that ran, what they printed and each figure, as Markdown.
@Suite struct SessionReportTests {
  @Test func theReportHoldsTheStatementsTheirOutputAndFigures() throws {
    let folder = NSTemporaryDirectory() + "neuro-report-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var output = "", errors: [String] = []
    let interpreter = Interpreter(host: Host(write: { output += $0 }, report: { errors.append($0.message) }))
    for line in [
      "neuron n = lif()", "inject n 2.5nA from 20ms to 60ms", "run 100ms", "bogus(1)",
      "print \"spikes:\", len(spikes(n))", "plot n.v", "report \"\(folder)/r.md\"",
    ] {
      interpreter.execute(Source(name: "<repl>", text: line), echo: true)
    }
    #expect(errors == ["unknown name 'bogus'"])
    #expect(
      output.contains("wrote the report \(folder)/r.md: 5 statements, 1 figure (drawn beside it as r-figure-N.svg)"))
    let text = try String(contentsOfFile: folder + "/r.md", encoding: .utf8)
    #expect(text.hasPrefix("# A neuro session\n"))
    #expect(text.contains("```neuro\nrun 100ms\n```\n\n```text\nran 100 ms (1000 steps of 0.1 ms) · n: 4 spikes\n```"))
    #expect(text.contains("```text\nspikes: 4\n```"))
    #expect(text.contains("![Figure 1: n.v — voltage (mV)](r-figure-1.svg)") && text.contains("time (ms)"))
    #expect(text.contains("Figure 1: n.v — voltage (mV), in words: A line plot of n.v"))
    let drawing = try String(contentsOfFile: folder + "/r-figure-1.svg", encoding: .utf8)
    #expect(drawing.hasPrefix("<svg") || drawing.hasPrefix("<?xml"))
    #expect(!text.contains("bogus") && !text.contains("report \""))
    // The figure is drawn in plain characters, not kept as the terminal's text output.
    #expect(!text.contains("\u{1B}[") && text.components(separatedBy: "time (ms)").count == 2)
  }

  @Test func aReportThatCannotBeWrittenSaysWhy() {
    var errors: [String] = []
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { errors.append($0.message) }))
    interpreter.execute(Source(name: "t.neuro", text: "report \"/\""))
    #expect(errors.count == 1 && errors[0].contains("cannot write"))
  }
}
