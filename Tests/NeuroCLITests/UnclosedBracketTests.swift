import Testing

/// Two empty lines inside an unclosed bracket end the input: the bracket is reported and the
/// next command runs on its own instead of being swallowed into the error.
@Suite struct UnclosedBracketTests {
  @Test func twoEmptyLinesReportTheBracketAndStartFresh() throws {
    let result = try runNeuro([], input: "neuron n = lif(\n\n\nprint 3\n")
    #expect(result.stdout == "3\n")
    #expect(result.stderr.contains("error: '(' is never closed"))
    #expect(result.stderr.contains("<repl>:1:15"))
    #expect(result.status == 65)
  }

  @Test func oneEmptyLineInsideABracketStillContinues() throws {
    let result = try runNeuro([], input: "neuron n = lif(\n\n  tau: 20ms)\nprint n.tau\n")
    #expect(result.stdout == "20 ms\n")
    #expect(result.status == 0)
  }
}
