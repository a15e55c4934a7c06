/// Text trimmed at both ends, without Foundation (which would link ICU's tables into the binary).
extension StringProtocol {
  /// Without the spaces and tabs at both ends (line breaks stay).
  public func trimmed() -> String { trimming { $0.isWhitespace && !$0.isNewline } }

  /// Without the line breaks at both ends.
  public func trimmingNewlines() -> String { trimming(where: \.isNewline) }

  private func trimming(where isBlank: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
