import Foundation
import Testing
@testable import neuro

/// Lesson progress is kept per student in a small file that a bad byte or Windows line ends never wipe.
@Suite struct LessonProgressTests {
  @Test func aBadByteOrWindowsLineEndsKeepEarlierProgress() throws {
    let path = NSTemporaryDirectory() + "neuro-progress-\(UUID().uuidString)"
    var bytes = Array("lif 1\r\nlif 2\r\n".utf8)
    bytes += [0xFF, 0x0A]
    bytes += Array("units 3\n".utf8)
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    var progress = LessonProgress(path: path)
    #expect(progress.isDone(lesson: "lif", exercise: 1) && progress.isDone(lesson: "lif", exercise: 2))
    #expect(progress.isDone(lesson: "units", exercise: 3))
    #expect(progress.markDone(lesson: "units", exercise: 4) == nil)
    let again = LessonProgress(path: path)
    #expect(again.doneCount(lesson: "lif") == 2 && again.doneCount(lesson: "units") == 2)
  }

  @Test func progressIsKeptAcrossSessions() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)").path
    var progress = LessonProgress(path: path)
    #expect(!progress.isDone(lesson: "01-x", exercise: 0))
    #expect(progress.markDone(lesson: "01-x", exercise: 0) == nil)
    let reread = LessonProgress(path: path)
    #expect(reread.isDone(lesson: "01-x", exercise: 0))
    #expect(reread.doneCount(lesson: "01-x") == 1)
  }
}
