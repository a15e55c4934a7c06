import Foundation
@testable import NeuroLang
import Testing

@Suite struct FilePathTests {
  @Test(arguments: [
    ("a", "", "a"), (".", "", "."), ("x/a", "x", "a"), ("x/a/", "x", "a"), ("/a", "/", "a"), ("/", "/", "/"),
    ("dir//é.csv", "dir", "é.csv"), ("~/v.csv", "~", "v.csv"),
  ])
  func folderAndName(_ path: String, _ folder: String, _ name: String) {
    #expect(FilePaths.folder(of: path) == folder)
    #expect(FilePaths.name(of: path) == name)
  }

  @Test func tildeAndStandardizing() {
    #expect(FilePaths.expandingTilde("~", home: "/h") == "/h")
    #expect(FilePaths.expandingTilde("~/a", home: "/h") == "/h/a")
    #expect(FilePaths.expandingTilde("~a", home: "/h") == "~a")
    #expect(FilePaths.standardized("a/../b/./c", in: "/w") == "/w/b/c")
    #expect(FilePaths.standardized("../../..", in: "/w") == "/")
  }
}

/// `save` on names without a folder, folders, links, FIFOs and protected files, in a temporary folder.
@Suite(.serialized) struct FileSavingTests {
  let folder: String

  init() throws {
    folder = NSTemporaryDirectory() + "neuro-save-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  func save(to name: String) -> [String] {
    let path = name.hasPrefix("/") ? name : FilePaths.joined(folder, name)
    return runSnippet("save [1, 2] to \"\(path)\"").messages
  }

  @Test func oneCharacterAndNonASCIINames() throws {
    #expect(save(to: "a").isEmpty)
    #expect(save(to: "é").isEmpty)
    #expect(try String(contentsOfFile: folder + "/a", encoding: .utf8) == "value\n1\n2\n")
  }

  @Test func aFolderGetsASentence() {
    #expect(
      save(to: "").first?.hasSuffix("it is a folder") == true
        || save(to: ".").first?.hasSuffix("it is a folder") == true)
    #expect(save(to: "x/").first?.hasSuffix("a file name cannot end with '/'") == true)
  }

  @Test func aLinkIsWrittenThroughAndPermissionsAreKept() throws {
    let real = folder + "/real.csv"
    FileManager.default.createFile(atPath: real, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "real.csv")
    #expect(save(to: "link.csv").isEmpty)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real.csv")
    #expect(try String(contentsOfFile: real, encoding: .utf8) == "value\n1\n2\n")
    #expect(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("saving") }.isEmpty)
  }

  @Test func aKilledSessionsTemporaryFileIsRemovedAtTheNextSave() throws {
    let stale = folder + "/.v.csv.saving-999999999"  // no such process
    FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
    #expect(save(to: "v.csv").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: stale))
  }

  @Test func aReadOnlyFileIsRefused() throws {
    let path = folder + "/ro.csv"
    FileManager.default.createFile(atPath: path, contents: Data("keep".utf8), attributes: [.posixPermissions: 0o444])
    #expect(save(to: "ro.csv").first?.hasSuffix("the file is read-only") == true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
  }

  @Test func aFIFOIsNeverReplaced() {
    let path = folder + "/fifo"
    #expect(mkfifo(path, 0o644) == 0)
    #expect(save(to: "fifo").first?.contains("not a regular file") == true)
    #expect(runSnippet("load \"\(path)\"").messages.first?.contains("not a regular file") == true)
    var info = stat()
    #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func aDeviceNodeIsNeverReplaced() throws {
    let path = folder + "/null"
    // The null device (1, 3); making it needs root: skipped otherwise.
    guard mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { return }
    #expect(save(to: "null").first?.contains("not a regular file") == true)
    var info = stat()
    #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
  }
}

@Suite struct PlotWindowTests {
  @Test(arguments: [
    ("from 60ms to 80ms", "n.v has no samples from 60 ms to 80 ms; it covers 0 ms to 50 ms"),
    ("from -20ms to -10ms", "n.v has no samples from -20 ms to -10 ms; it covers 0 ms to 50 ms"),
    ("from 40ms to 80ms", nil), ("from -1e308ms to 1e308ms", nil),
  ])
  func windows(_ window: String, _ message: String?) {
    let run = runSnippet("neuron n = lif()\nneuron m = lif()\nrun 50ms\nplot n.v, m.v \(window)")
    #expect(run.messages.first == message)
  }

  @Test func aWindowThatMissesOneOfSeveralTraces() {
    let run = runSnippet("neuron n = lif()\nrun 20ms\nneuron m = lif()\nrun 20ms\nplot n.v, m.v from 0ms to 10ms")
    #expect(run.messages.first == "m.v has no samples from 0 ms to 10 ms; it covers 20 ms to 40 ms")
  }
}

/// Code the user did not write (a lesson from elsewhere) asks before `save` writes a file.
@Suite struct ConfirmedWriteTests {
  @Test(arguments: [false, true])
  func saveAsksFirst(_ allowed: Bool) {
    let path = NSTemporaryDirectory() + "neuro-confirm-\(UUID().uuidString).csv"
    var asked: [String] = []
    var messages: [String] = []
    var host = Host(write: { _ in }, report: { messages.append($0.message) })
    host.confirmWrite = {
      asked.append($0)
      return allowed
    }
    Interpreter(host: host).execute(Source(name: "lesson", text: "save [1] to \"\(path)\""))
    #expect(asked == [path])
    #expect(FileManager.default.fileExists(atPath: path) == allowed)
    #expect(messages == (allowed ? [] : ["'\(path)' was not written: writing was not allowed"]))
  }
}
