import NeuroLang
import Testing

@testable import neuro

/// The Jupyter kernel's pure parts: signing, framing, the connection file and the kernelspec.
@Suite struct KernelTests {
  @Test func signsWithHMACSHA256() {
    // RFC 4231, test case 2, the data given in two parts as a message's JSON parts are.
    let parts = [Array("what do ya want ".utf8), Array("for nothing?".utf8)]
    #expect(
      WireMessage.signature(parts, key: Array("Jefe".utf8))
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    #expect(WireMessage.signature(parts, key: []) == "")
  }

  @Test func framesAndParsesASignedMessage() throws {
    let key = Array("secret".utf8)
    let message = WireMessage(
      identities: [[1, 2, 3]], header: ["msg_type": "execute_request", "msg_id": "a"],
      content: ["code": "print 1", "silent": false, "count": 2])
    let frames = message.frames(key: key)
    #expect(frames[1] == WireMessage.delimiter)
    #expect(frames.count == 7)
    let parsed = try #require(WireMessage.parse(frames, key: key))
    #expect(parsed == message)
    #expect(parsed.type == "execute_request")
    #expect(parsed.content["code"]?.string == "print 1")
  }

  @Test func refusesABadSignatureOrFrames() {
    let key = Array("secret".utf8)
    var frames = WireMessage(header: ["msg_type": "kernel_info_request"], content: [:]).frames(key: key)
    #expect(WireMessage.parse(frames, key: Array("other".utf8)) == nil)
    frames[1][0] ^= 1
    #expect(WireMessage.parse(frames, key: key) == nil)
    #expect(WireMessage.parse([Array("no delimiter".utf8)], key: key) == nil)
  }

  @Test func readsAConnectionFile() throws {
    let info = try ConnectionInfo.parse(
      """
      {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
       "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256",
       "kernel_name": "neuro"}
      """)
    #expect(info.key == "abc")
    #expect(info.endpoint(info.shellPort) == "tcp://127.0.0.1:5001")
    #expect(throws: KernelError.self) { try ConnectionInfo.parse("{\"shell_port\": 1}") }
    #expect(throws: KernelError.self) {
      try ConnectionInfo.parse(
        """
        {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
         "signature_scheme": "hmac-md5"}
        """)
    }
  }

  @Test func writesTheKernelspec() {
    let json = String(decoding: KernelSpec.json(executable: "/usr/bin/neuro").encoded, as: UTF8.self)
    #expect(
      json == #"{"argv":["/usr/bin/neuro","kernel","--connection-file","{connection_file}"],"#
        + #""display_name":"neuro","interrupt_mode":"signal","language":"neuro"}"#)
    let environment: (String) -> String? = { ["HOME": "/home/a"][$0] }
    #expect(KernelSpec.kernelsFolder([], environment: environment) == "/home/a/.local/share/jupyter/kernels")
    #expect(KernelSpec.kernelsFolder(["--user"], environment: environment) == "/home/a/.local/share/jupyter/kernels")
    #expect(
      KernelSpec.kernelsFolder(["--prefix", "/opt/j"], environment: environment) == "/opt/j/share/jupyter/kernels")
    #expect(KernelSpec.kernelsFolder(["--prefix"], environment: environment) == nil)
    #expect(KernelSpec.kernelsFolder(["--system"], environment: environment) == nil)
  }

  @Test func findsTheTextBeforeTheCursorInCodePoints() {
    let (before, cursor) = KernelRequests.textBeforeCursor(["code": "let µ = 1\nlif(", "cursor_pos": 6])
    #expect(before == "let µ ")
    #expect(cursor == 6)
    #expect(KernelRequests.textBeforeCursor(["code": "ab", "cursor_pos": 99]).1 == 2)
  }

  @Test func turnsADiagnosticIntoAJupyterError() {
    let error = KernelRequests.error(Diagnostic(.runtime, "cannot add", hint: "try this"))
    #expect(error["ename"]?.string == "neuro error")
    #expect(error["evalue"]?.string == "cannot add")
    #expect(error["traceback"] == ["error: cannot add", "  = hint: try this"])
  }
}
