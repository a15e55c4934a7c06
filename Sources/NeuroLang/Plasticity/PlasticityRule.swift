import NeuroEngine
import NeuroUnits

/// A plasticity rule as a value, before a connection takes it: `stdp(…)` or `stp(…)`.
public enum PlasticityRule {
  case stdp(STDPParameters)
  case shortTerm(ShortTermRule)

  /// How the rule is written back: `stdp(a_ltp: 0.01, …)`.
  var described: String {
    switch self {
    case .stdp(let s): return s.described
    case .shortTerm(let r):
      return "stp(U: \(formatNumber(r.release)), tau_rec: \(Quantity(r.tauRecovery, .time).formatted), "
        + "tau_facil: \(Quantity(r.tauFacilitation, .time).formatted))"
    }
  }
}

/// The parameters of `stdp(…)` with their units. The amounts A_LTP and A_LTD are either in the
/// weight's unit or plain numbers, which are fractions of w_max.
public struct STDPParameters {
  var potentiation: Quantity
  var depression: Quantity
  var tauPotentiation: Double
  var tauDepression: Double
  var maxWeight: Quantity
  var pairing: STDPRule.Pairing
  var update: STDPRule.Update

  /// The engine's rule: amounts in the weight's unit.
  var rule: STDPRule {
    func absolute(_ a: Quantity) -> Double { a.dimension.isDimensionless ? a.value * maxWeight.value : a.value }
    return STDPRule(
      potentiation: absolute(potentiation), depression: absolute(depression), tauPotentiation: tauPotentiation,
      tauDepression: tauDepression, maxWeight: maxWeight.value, pairing: pairing, update: update)
  }

  var described: String {
    func amount(_ a: Quantity) -> String { a.dimension.isDimensionless ? formatNumber(a.value) : a.formatted }
    return "stdp(a_ltp: \(amount(potentiation)), a_ltd: \(amount(depression)), "
      + "tau_ltp: \(Quantity(tauPotentiation, .time).formatted), tau_ltd: \(Quantity(tauDepression, .time).formatted), "
      + "w_max: \(maxWeight.formatted), pairing: \(pairing.rawValue), update: \(update.rawValue))"
  }
}

/// A connection in the world, as `let syn = connect …` names it.
public struct ConnectionHandle {
  public var name: String
  public var id: ConnectionID
  /// How it is written: `inputs -> n`.
  public var label: String
  /// The dimension of its weights (voltage, current or conductance).
  public var weightDimension: Dimension
}
