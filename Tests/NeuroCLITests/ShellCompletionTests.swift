import Foundation
import Testing

@testable import neuro

/// `neuro completion bash|zsh|fish`: every option, command and lesson number is offered.
@Suite struct ShellCompletionTests {
  @Test(arguments: Shell.allCases)
  func everyOptionAndCommandIsInTheScript(shell: Shell) throws {
    let result = try runNeuro(["completion", shell.rawValue], input: "")
    #expect(result.status == 0)
    for name in OptionSpec.all.flatMap(\.names) {
      let spelled = shell != .fish ? name : name.hasPrefix("--") ? "-l \(name.dropFirst(2))" : "-s \(name.dropFirst())"
      #expect(result.stdout.contains(spelled), "\(shell): \(name)")
    }
    for command in Subcommand.allCases { #expect(result.stdout.contains(command.rawValue)) }
    #expect(result.stdout.contains("1 2 3"))
    #expect(result.stdout.contains(".neuro"))
  }

  /// The bash script is valid bash and completes as a user would see it.
  @Test func bashScriptCompletes() throws {
    let script = try runNeuro(["completion", "bash"], input: "").stdout
    let probe =
      script + """
        complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _neuro; echo "${COMPREPLY[*]}"; }
        complete_line neuro --col
        complete_line neuro --color al
        complete_line neuro exp
        complete_line neuro completion f
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", probe]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    process.waitUntilExit()
    let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(process.terminationStatus == 0)
    #expect(lines.prefix(4) == ["--color", "always", "export", "fish"])
  }
}
