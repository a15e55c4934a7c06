import Crypto

/// A Jupyter message as it crosses a socket (protocol 5.3): the routing identities, the delimiter
/// `<IDS|MSG>`, the HMAC-SHA256 signature, then header, parent header, metadata and content as JSON.
struct WireMessage: Equatable {
  var identities: [[UInt8]] = []
  var header: JSONValue
  var parentHeader: JSONValue = [:]
  var metadata: JSONValue = [:]
  var content: JSONValue

  static let delimiter = Array("<IDS|MSG>".utf8)

  /// The message's type: `execute_request`, `status`, …
  var type: String { header["msg_type"]?.string ?? "" }

  /// The hex HMAC-SHA256 of the four JSON parts with `key`; empty when there is no key (no signing).
  static func signature(_ parts: [[UInt8]], key: [UInt8]) -> String {
    guard !key.isEmpty else { return "" }
    var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
    for part in parts { hmac.update(data: part) }
    return hexadecimal(Array(hmac.finalize()))
  }

  static func hexadecimal(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }

  /// The frames to send, signed with `key`.
  func frames(key: [UInt8]) -> [[UInt8]] {
    let parts = [header.encoded, parentHeader.encoded, metadata.encoded, content.encoded]
    return identities + [Self.delimiter, Array(Self.signature(parts, key: key).utf8)] + parts
  }

  /// The message in received frames; nil when the delimiter is missing, the signature does not match
  /// `key`, or a part is not JSON.
  static func parse(_ frames: [[UInt8]], key: [UInt8]) -> WireMessage? {
    guard let split = frames.firstIndex(of: delimiter), frames.count >= split + 6 else { return nil }
    let parts = Array(frames[(split + 2)..<(split + 6)])
    let expected = Array(signature(parts, key: key).utf8)
    // Compared in full whatever differs, so the time taken tells nothing of the signature.
    let given = frames[split + 1]
    guard given.count == expected.count, zip(given, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
      return nil
    }
    guard let header = JSONValue.decoded(parts[0]), let parent = JSONValue.decoded(parts[1]),
      let metadata = JSONValue.decoded(parts[2]), let content = JSONValue.decoded(parts[3])
    else { return nil }
    return WireMessage(
      identities: Array(frames[..<split]), header: header, parentHeader: parent, metadata: metadata, content: content)
  }
}
