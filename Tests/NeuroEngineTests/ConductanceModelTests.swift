import Foundation
import Testing
@testable import NeuroEngine

@Suite struct ConductanceModelTests {
  /// The source article's values: V settles at (g_L V_rest + g_e V_e + g_i V_i + I) / (g_L + g_e + g_i)
  /// = -26.25 mV with time constant C / (g_L + g_e + g_i) = 1.25 ms; exact to rounding.
  @Test func settlesAtTheAnalyticPotentialWithTheAnalyticTimeConstant() throws {
    var p = ConductanceParameters()
    p.excitatoryConductance = 0.5e-6
    p.inhibitoryConductance = 0.2e-6
    p.externalCurrent = 2e-9
    let (simulation, id) = runNeuron(ConductanceGroup(count: 1, parameters: p), current: 0, duration: 0.1)
    let trace = try #require(simulation.trace(id, variable: "v"))
    #expect(abs(trace.values.last! - (-26.25e-3)) < 1e-12)
    for i in [5, 12, 25, 60] {
      let analytic = -26.25e-3 + (-70e-3 + 26.25e-3) * exp(-trace.time(at: i) / 1.25e-3)
      #expect(abs(trace.values[i] - analytic) < 1e-12)
    }
  }

  /// An excitatory event depolarises (EPSP), an inhibitory one hyperpolarises (IPSP) towards -80 mV.
  @Test func synapticEventsMakeEPSPsAndIPSPs() throws {
    let simulation = Simulation()
    let id = simulation.add(ConductanceGroup(count: 1, parameters: ConductanceParameters()))
    #expect(simulation.schedule(StateEvent(variable: "g_exc", amount: 20e-9, times: [0.01]), in: id))
    #expect(simulation.schedule(StateEvent(variable: "g_inh", amount: 50e-9, times: [0.06]), in: id))
    #expect(!simulation.schedule(StateEvent(variable: "nope", amount: 1, times: [0]), in: id))
    _ = simulation.run(steps: 1000)
    let v = try #require(simulation.trace(id, variable: "v")).values
    let epsp = v[100..<500].max()! - (-70e-3)
    let ipsp = v[600..<1000].min()! - (-70e-3)
    #expect(epsp > 1e-3 && epsp < 20e-3)
    #expect(ipsp < -0.1e-3 && ipsp > -10e-3)
    #expect(abs(v[999] - (-70e-3)) < 1e-3)
  }
}
