import CZeroMQ
import FoundationEssentials
import Glibc
import NeuroLang

/// The Jupyter kernel (`neuro kernel --connection-file FILE`): one neuro session answering a notebook's
/// requests over ZeroMQ. Shell and control requests are answered on the main thread, the heartbeat on its own.
final class Kernel {
  let key: [UInt8]
  let shell: ZeroMQSocket, control: ZeroMQSocket, iopub: ZeroMQSocket, stdin: ZeroMQSocket
  let session = UUID().uuidString.lowercased()
  var interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
  /// The request being answered: the parent of what iopub publishes.
  var parent: WireMessage?
  var executionCount = 0
  /// The error of the cell being run, for its reply.
  var lastError: JSONValue?
  var running = true
  /// When the control socket was last looked at during a run (seconds, monotonic).
  var lastControlCheck = 0.0
  /// Requests that arrived on control during a run, answered after it.
  var deferredControl: [WireMessage] = []

  init(_ info: ConnectionInfo) throws(KernelError) {
    let context = try ZeroMQSocket.context()
    key = Array(info.key.utf8)
    shell = try ZeroMQSocket(context: context, type: CZMQ_ROUTER, endpoint: info.endpoint(info.shellPort))
    control = try ZeroMQSocket(context: context, type: CZMQ_ROUTER, endpoint: info.endpoint(info.controlPort))
    iopub = try ZeroMQSocket(context: context, type: CZMQ_PUB, endpoint: info.endpoint(info.iopubPort))
    stdin = try ZeroMQSocket(context: context, type: CZMQ_ROUTER, endpoint: info.endpoint(info.stdinPort))
    Heartbeat.start(try ZeroMQSocket(context: context, type: CZMQ_REP, endpoint: info.endpoint(info.hbPort)))
    interpreter = Interpreter(host: makeHost())
  }

  /// `neuro kernel ARGUMENTS`: the kernel for a connection file, or `install`; the exit code.
  static func main(_ arguments: [String]) -> Int32 {
    if arguments.first == "install" { return KernelSpec.install(Array(arguments.dropFirst())) }
    guard arguments.count == 2, arguments[0] == "--connection-file" else {
      Output.problem("usage: neuro kernel --connection-file FILE, or neuro kernel install [--user | --prefix P]")
      return ExitCode.usage
    }
    guard let text = try? readSourceFile(arguments[1]) else {
      Output.problem("cannot read the connection file \(arguments[1])")
      return ExitCode.fileError
    }
    do {
      let kernel = try Kernel(try ConnectionInfo.parse(text))
      Interrupts.install()
      kernel.serve()
      return ExitCode.success
    } catch {
      Output.problem(error.message)
      return ExitCode.fileError
    }
  }

  /// Answers requests until a shutdown request.
  func serve() {
    publish("status", ["execution_state": "starting"])
    while running {
      for socket in ZeroMQSocket.waiting([control, shell], milliseconds: 500) {
        guard let frames = socket.receive(), let request = WireMessage.parse(frames, key: key) else { continue }
        answer(request, on: socket)
      }
    }
    usleep(200_000)  // ZeroMQ's own thread sends the shutdown reply before the process ends
  }

  /// Answers one request between the busy and idle statuses.
  func answer(_ request: WireMessage, on socket: ZeroMQSocket) {
    parent = request
    publish("status", ["execution_state": "busy"])
    let replyType = request.type.replacing("_request", with: "_reply")
    if let content = reply(to: request) { send(replyType, content, to: request, on: socket) }
    publish("status", ["execution_state": "idle"])
    let deferred = deferredControl
    deferredControl = []
    for message in deferred { answer(message, on: control) }
  }

  /// The content of the reply to a request; nil for a request the kernel does not know.
  func reply(to request: WireMessage) -> JSONValue? {
    switch request.type {
    case "kernel_info_request": return KernelRequests.info
    case "execute_request": return execute(request.content["code"]?.string ?? "")
    case "complete_request": return complete(request.content)
    case "inspect_request": return inspect(request.content)
    case "is_complete_request": return ["status": "complete"]
    case "comm_info_request": return ["status": "ok", "comms": [:]]
    case "history_request": return ["status": "ok", "history": []]
    case "interrupt_request":
      Interrupts.clear()
      return ["status": "ok"]
    case "shutdown_request":
      running = false
      return ["status": "ok", "restart": request.content["restart"] ?? false]
    default: return nil
    }
  }

  /// A new message's header.
  func header(_ type: String) -> JSONValue {
    [
      "msg_id": .string(UUID().uuidString.lowercased()), "session": .string(session), "username": "neuro",
      "date": .string(KernelRequests.timestamp()), "msg_type": .string(type), "version": "5.3",
    ]
  }

  /// Sends a reply to `request` on the socket it came from.
  func send(_ type: String, _ content: JSONValue, to request: WireMessage, on socket: ZeroMQSocket) {
    let message = WireMessage(
      identities: request.identities, header: header(type), parentHeader: request.header, content: content)
    socket.send(message.frames(key: key))
  }

  /// Publishes a message on iopub, its parent the request being answered.
  func publish(_ type: String, _ content: JSONValue) {
    let message = WireMessage(
      identities: [Array("kernel.\(session).\(type)".utf8)], header: header(type),
      parentHeader: parent?.header ?? [:], content: content)
    iopub.send(message.frames(key: key))
  }
}

/// The heartbeat: every message on its socket sent straight back, on a thread of its own.
enum Heartbeat {
  static func start(_ socket: ZeroMQSocket) {
    var thread = pthread_t()
    let retained = Unmanaged.passRetained(socket).toOpaque()
    pthread_create(
      &thread, nil,
      { argument in
        guard let argument else { return nil }
        let socket = Unmanaged<ZeroMQSocket>.fromOpaque(argument).takeUnretainedValue()
        while true {
          if let frames = socket.receive() { socket.send(frames) }
        }
      }, retained)
    pthread_detach(thread)
  }
}
