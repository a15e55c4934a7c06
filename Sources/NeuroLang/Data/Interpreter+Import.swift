#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `import "name"`: runs a `.neuro` file from the importing file's folder or the
/// library folders, once per session.
extension Interpreter {
  func importFile(_ path: String, at span: Span) throws {
    let fileName = path.hasSuffix(".neuro") ? path : path + ".neuro"
    let folders = importFolders()
    let candidates = fileName.hasPrefix("/") ? [fileName] : folders.map { FilePaths.joined($0, fileName) }
    guard let found = candidates.first(where: FilePaths.exists) else {
      throw failure(
        "cannot find '\(fileName)' to import", at: span,
        hint: "looked in " + (fileName.hasPrefix("/") ? fileName : folders.joined(separator: ", ")))
    }
    let resolved = FilePaths.standardized(found)
    if importStack.contains(resolved) {
      let chain = (importStack.drop { $0 != resolved } + [resolved]).map { FilePaths.name(of: $0) }
      throw failure(
        "import cycle: \(chain.joined(separator: " → "))", at: span,
        hint: "a file cannot import a file that imports it")
    }
    if importedFiles.contains(resolved) { return }
    let text: String
    do {
      text = try readSourceFile(resolved)
    } catch let message as SourceFileError {
      throw failure(message.description, at: span)
    }
    importedFiles.insert(resolved)
    importStack.append(resolved)
    defer { importStack.removeLast() }
    try run(Source(name: found, text: text), echo: false)
  }

  private func importFolders() -> [String] {
    var folders: [String] = []
    if FilePaths.exists(source.name) {
      folders.append(FilePaths.folder(of: source.name))
    } else {
      folders.append(FilePaths.currentFolder)
    }
    return folders.map { $0.isEmpty ? "." : $0 } + host.libraryPaths
  }
}

/// Why a source file could not be read.
public struct SourceFileError: Error, CustomStringConvertible {
  public let description: String
}

/// Reads a `.neuro` file as UTF-8 text, or says why it cannot.
public func readSourceFile(_ path: String) throws -> String {
  var info = stat()
  guard stat(path, &info) == 0 else { throw SourceFileError(description: "cannot open '\(path)': no such file") }
  if info.st_mode & S_IFMT == S_IFDIR { throw SourceFileError(description: "'\(path)' is a folder, not a file") }
  if info.st_mode & S_IFMT != S_IFREG {
    throw SourceFileError(description: "cannot read '\(path)': it is not a regular file (a device, FIFO or socket)")
  }
  guard let bytes = readWholeFile(path) else {
    throw SourceFileError(description: "cannot read '\(path)': permission denied or unreadable")
  }
  guard let text = String(validating: bytes, as: UTF8.self) else {
    throw SourceFileError(description: "'\(path)' is not UTF-8 text")
  }
  return text
}

/// The bytes of a regular file, read with the C library (FileManager's first use costs start-up); nil
/// when it cannot be opened or read.
private func readWholeFile(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65_536)
  while true {
    let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    bytes.append(contentsOf: chunk[0..<count])
    if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
  }
}
