import NeuroEngine
import NeuroUnits

/// One message for a run whose state left the finite numbers, from `run` and from `simulate(…)` alike.
extension Interpreter {
  /// The diagnostic naming the variable, the neuron and the time at which it diverged; another
  /// method is proposed only when the model has one more accurate than its own.
  func divergence(_ variable: String, of neuron: String, at time: Double, dt: Double, model: NeuronModel?, span: Span)
    -> Diagnostic
  {
    let smallerStep = "try a smaller time step (dt = \(Quantity(dt / 10, .time).typed))"
    let betterMethod = model.flatMap { m in
      m.kind.methods.contains(.rk4) && m.method != .rk4 ? " or another method (method: rk4)" : nil
    }
    return failure(
      "\(variable) of \(neuron) stopped being a finite number by t = \(Quantity(time, .time).formatted)", at: span,
      hint: "the equations diverged: " + smallerStep + (betterMethod ?? ""))
  }

  /// Throws for an interrupted or diverged run of a world of its own (`simulate`); `naming` names neuron i.
  func checkOutcome(_ outcome: RunOutcome, of model: NeuronModel, naming: (Int) -> String, dt: Double, span: Span)
    throws
  {
    switch outcome {
    case .completed: return
    case .interrupted: throw failure("interrupted", at: span)
    case .spikeLimitReached:
      throw failure(
        "its spikes fill the memory this simulation may use", at: span,
        hint: "\(MemoryBudget.described); a shorter duration records fewer")
    case .diverged(_, let variable, let neuron, let time):
      throw divergence(variable, of: naming(neuron), at: time, dt: dt, model: model, span: span)
    }
  }
}
