import FoundationEssentials

/// The connection file Jupyter writes for a kernel: where its five sockets listen and the signing key.
struct ConnectionInfo: Decodable, Equatable {
  var transport = "tcp"
  var ip = "127.0.0.1"
  var key = ""
  var signatureScheme = "hmac-sha256"
  var shellPort: Int
  var iopubPort: Int
  var stdinPort: Int
  var controlPort: Int
  var hbPort: Int

  enum CodingKeys: String, CodingKey {
    case transport, ip, key
    case signatureScheme = "signature_scheme"
    case shellPort = "shell_port"
    case iopubPort = "iopub_port"
    case stdinPort = "stdin_port"
    case controlPort = "control_port"
    case hbPort = "hb_port"
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    transport = try c.decodeIfPresent(String.self, forKey: .transport) ?? transport
    ip = try c.decodeIfPresent(String.self, forKey: .ip) ?? ip
    key = try c.decodeIfPresent(String.self, forKey: .key) ?? key
    signatureScheme = try c.decodeIfPresent(String.self, forKey: .signatureScheme) ?? signatureScheme
    shellPort = try c.decode(Int.self, forKey: .shellPort)
    iopubPort = try c.decode(Int.self, forKey: .iopubPort)
    stdinPort = try c.decode(Int.self, forKey: .stdinPort)
    controlPort = try c.decode(Int.self, forKey: .controlPort)
    hbPort = try c.decode(Int.self, forKey: .hbPort)
  }

  /// The connection described by a connection file's text; a message when it is not one.
  static func parse(_ text: String) throws(KernelError) -> ConnectionInfo {
    let info: ConnectionInfo
    do {
      info = try JSONDecoder().decode(ConnectionInfo.self, from: Data(text.utf8))
    } catch {
      throw KernelError("not a Jupyter connection file: \(error)")
    }
    guard info.signatureScheme == "hmac-sha256" else {
      throw KernelError("the kernel signs with hmac-sha256 only, not \(info.signatureScheme)")
    }
    return info
  }

  /// The address of a port: `tcp://127.0.0.1:5555`.
  func endpoint(_ port: Int) -> String {
    transport == "ipc" ? "ipc://\(ip)-\(port)" : "\(transport)://\(ip):\(port)"
  }
}
