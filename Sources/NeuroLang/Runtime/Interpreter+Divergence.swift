import NeuroEngine
import NeuroUnits

/// One message for a run whose state left the finite numbers, from `run` and from `simulate(…)` alike.
extension Interpreter {
  /// The diagnostic naming the variable, the neuron and the time at which it diverged.
  func divergence(_ variable: String, of neuron: String, at time: Double, dt: Double, span: Span) -> Diagnostic {
    failure("\(variable) of \(neuron) stopped being a finite number by t = \(Quantity(time, .time).formatted)", at: span,
            hint: "the equations diverged: try a smaller time step (dt = \(Quantity(dt / 10, .time).formatted.replacingOccurrences(of: " ", with: ""))) or another method (method: rk4)")
  }

  /// Throws for an interrupted or diverged run of a world of its own (`simulate`); `naming` names neuron i.
  func checkOutcome(_ outcome: RunOutcome, naming: (Int) -> String, dt: Double, span: Span) throws {
    switch outcome {
    case .completed: return
    case .interrupted: throw failure("interrupted", at: span)
    case .diverged(_, let variable, let neuron, let time):
      throw divergence(variable, of: naming(neuron), at: time, dt: dt, span: span)
    }
  }
}
