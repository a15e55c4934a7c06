#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import FoundationEssentials

/// Writes a file the way `save` promises: a regular file is replaced whole (a temporary file
/// renamed over it, its permissions kept); a link is written through to its target; a folder,
/// a device, a FIFO or a socket, and a read-only file, are refused with a sentence.
public enum FileSaving {
  /// Writes `text` at `path`, or throws a sentence saying why not.
  public static func write(_ text: String, to path: String) throws {
    if path.hasSuffix("/") {
      throw SourceFileError(description: "cannot write '\(path)': a file name cannot end with '/'")
    }
    let target = resolvingLinks(path)
    let folder = FilePaths.folder(of: target)
    var isFolder: Bool = false
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder {
      throw SourceFileError(description: "cannot write '\(path)': the folder \(folder) does not exist")
    }
    var mode: mode_t = 0o644
    var info = stat()
    if lstat(target, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw SourceFileError(description: "cannot write '\(path)': it is a folder")
      default:
        throw SourceFileError(
          description: "cannot write '\(path)': it is not a regular file (a device, FIFO or socket)")
      }
      guard access(target, W_OK) == 0, info.st_mode & 0o222 != 0 else {
        throw SourceFileError(description: "cannot write '\(path)': the file is read-only")
      }
      mode = info.st_mode & 0o7777
    }
    removeTemporaryFilesOfDeadSessions(for: target)
    let temporary = FilePaths.joined(folder, ".\(FilePaths.name(of: target)).saving-\(getpid())")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
      throw SourceFileError(description: "cannot write '\(path)': \(systemReason())")
    }
    var written = true
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if n <= 0 {
          written = false
          return
        }
        offset += n
      }
    }
    let kept = fchmod(descriptor, mode) == 0
    close(descriptor)
    guard written, kept, rename(temporary, target) == 0 else {
      let reason = systemReason()
      unlink(temporary)
      throw SourceFileError(
        description: "cannot write '\(path)': \(written ? reason : "the disk refused the data (full?)")")
    }
  }

  /// Removes the temporary files a killed session left beside `target` (their process is gone).
  private static func removeTemporaryFilesOfDeadSessions(for target: String) {
    let folder = FilePaths.folder(of: target), prefix = ".\(FilePaths.name(of: target)).saving-"
    let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    for file in listed where file.hasPrefix(prefix) {
      guard let pid = Int32(file.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
        continue
      }
      unlink(FilePaths.joined(folder, file))
    }
  }

  /// The system's reason for the last failure, lowercased like the other diagnostics.
  private static func systemReason() -> String {
    let text = String(cString: strerror(errno))
    return text.prefix(1).lowercased() + text.dropFirst()
  }

  /// The file a chain of symbolic links ends at (the path itself when it is no link).
  static func resolvingLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current
      }
      current = destination.hasPrefix("/") ? destination : FilePaths.joined(FilePaths.folder(of: current), destination)
    }
    return current
  }
}
