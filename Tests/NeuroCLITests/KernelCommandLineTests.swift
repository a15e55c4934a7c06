import Foundation
import Testing

/// `neuro kernel`: its usage, and `neuro kernel install` writing the kernelspec whole or not at all.
@Suite struct KernelCommandLineTests {
  @Test func kernelWithoutAConnectionFileIsAUsageError() throws {
    let result = try runNeuro(["kernel"], input: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains("neuro kernel --connection-file FILE"))
    let missing = try runNeuro(["kernel", "--connection-file", "/nonexistent/connection.json"], input: "")
    #expect(missing.status == 74)
    #expect(missing.stderr.contains("cannot read the connection file"))
  }

  @Test func installWritesTheKernelspecUnderThePrefix() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("neuro-kernel-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: prefix) }
    for _ in 0..<2 {  // a second install replaces the first
      let result = try runNeuro(["kernel", "install", "--prefix", prefix.path], input: "")
      #expect(result.status == 0, "\(result.stderr)")
    }
    let folder = prefix.appendingPathComponent("share/jupyter/kernels")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["neuro"])
    let data = try Data(contentsOf: folder.appendingPathComponent("neuro/kernel.json"))
    let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let argv = try #require(spec["argv"] as? [String])
    #expect(argv.first?.hasPrefix("/") == true)
    #expect(Array(argv.dropFirst()) == ["kernel", "--connection-file", "{connection_file}"])
    #expect(spec["display_name"] as? String == "neuro")
    #expect(spec["language"] as? String == "neuro")
  }

  @Test func installWhereNoFolderCanBeMadeLeavesNothing() throws {
    let file = try temporaryScript("not a folder", name: "prefix")
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let result = try runNeuro(["kernel", "install", "--prefix", file.path], input: "")
    #expect(result.status == 74)
    #expect(result.stderr.contains("cannot install the Jupyter kernel"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["prefix"])
  }
}
