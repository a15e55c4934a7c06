import NeuroEngine
import NeuroUnits
import Testing

@testable import NeuroLang

/// `estimate`: the cost model's arithmetic, the calibration's structure, and the built-in's record and report.
/// No wall time is checked here (benchmarks/estimate/run compares predictions with runs).
@Suite struct EstimateTests {
  private let column = CostModel(neurons: 31000, synapses: 37e6, rate: 5, duration: 1, dt: 1e-4, processes: 1)
  private let calibration = CostCalibration(secondsPerNeuronStep: 2e-9, secondsPerEvent: 1e-9, threads: 1)

  @Test func countsSpikesEventsAndNeuronSteps() {
    #expect(column.spikes == 155_000)
    #expect(column.events == 1.85e8)
    #expect(column.neuronSteps == 3.1e8)
    #expect(abs(column.inDegree - 1193.548) < 0.001)
    var longer = column
    longer.duration = 2.5
    longer.rate = 10
    #expect(longer.spikes == 775_000)
    #expect(longer.events == 9.25e8)
    #expect(longer.neuronSteps == 7.75e8)
  }

  @Test func memoryIsFourBytesASynapseAndFortyANeuronInNeuro() {
    #expect(column.neuroMemory == 149_240_000)
    #expect(column.spikeMemory == 155_000 * Double(Simulation.bytesPerRecordedSpike))
    let nest: Double = 31000 * 4400 + 37e6 * 40 + 82e6
    #expect(column.nestMemory == nest)
    var spread = column
    spread.processes = 10
    #expect(spread.nestMemory == column.nestMemory + 9 * 82e6)
  }

  @Test func timesFollowTheCalibrationAndNestScalesIdeallyOverProcesses() {
    let neuro: Double = 3.1e8 * 2e-9 + 1.85e8 * 1e-9
    #expect(abs(column.neuroTime(calibration) - neuro) < 1e-12)
    let nest = 3.1e8 * CostModel.nestSecondsPerNeuronStep + 1.85e8 * CostModel.nestSecondsPerEvent
    #expect(abs(column.nestTime - nest) < 1e-9)
    var spread = column
    spread.processes = 8
    #expect(abs(spread.nestTime - nest / 8) < 1e-9)
  }

  @Test func saysWhatFits() {
    let mouse = CostModel(neurons: 1e7, synapses: 1e11, rate: 5, duration: 1, dt: 1e-4, processes: 1)
    #expect(mouse.neuroMemory == 4.004e11)
    // 1 GB holds neurons of 40 + 10 000 × 4 bytes and 5 recorded spikes of 24 bytes: 24 900 of them.
    let perNeuron: Double = 40 + 40_000 + 120
    #expect(mouse.neuronsFitting(in: 1e9) == (1e9 / perNeuron).rounded(.down))
    // 4.04 TB over processes of 64 GB less 82 MB each: 64 of them.
    #expect(mouse.nestProcessesNeeded(perProcess: 64e9) == 64)
    #expect(column.nestProcessesNeeded(perProcess: 64e9) == 1)
    #expect(column.nestProcessesNeeded(perProcess: 1e6) == .infinity)
  }

  @Test func theCalibrationMeasuresPositiveFiniteCostsOnce() {
    let measured = CostCalibration.measure(threads: 1)
    #expect(measured.threads == 1)
    #expect(measured.secondsPerNeuronStep > 0 && measured.secondsPerNeuronStep < 1e-5)
    #expect(measured.secondsPerEvent >= 0 && measured.secondsPerEvent < 1e-5)
    let session = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    session.execute(Source(name: "t", text: "let a = estimate(neurons: 100, synapses: 1000, threads: 1)"))
    let first = session.calibrations[1]
    session.execute(Source(name: "t", text: "let b = estimate(neurons: 200, in_degree: 10, threads: 1)"))
    #expect(first != nil && session.calibrations[1] == first && session.calibrations.count == 1)
  }

  @Test func givesARecordAndPrintsItsReportOnce() {
    var output = ""
    let session = Interpreter(host: Host(write: { output += $0 }, report: { _ in }))
    let code = """
      let e = estimate(neurons: 31000, in_degree: 1200, rate: 2Hz, duration: 10s, threads: 1, processes: 4)
      print e.synapses, e.spikes, e.events, e.memory, e.fits, e.nest_machines
      estimate(neurons: 100, synapses: 1000, threads: 1)
      """
    #expect(session.execute(Source(name: "t", text: code), echo: true) == .success)
    #expect(output.contains("37200000 620000 744000000 150040000 true 1\n"))
    #expect(output.hasPrefix("estimate: 31000 neurons, 37200000 synapses (1200 each), 2 Hz for 10 s\n"))
    #expect(output.contains("  620000 spikes, 744000000 synaptic events\n"))
    #expect(output.contains("  neuro: 150 MB (40 bytes a neuron, 4 a synapse) + 14.9 MB of recorded spikes\n"))
    #expect(output.contains("of wall time on 1 thread\n"))
    #expect(output.contains("  NEST:  1.95 GB in 4 processes"))
    #expect(output.contains("a synaptic event; ideal scaling assumed)\n"))
    #expect(output.contains("(NEST 3.10 on one core of neuro's development machine: "))
    // The bare call prints its report and no record after it.
    #expect(output.components(separatedBy: "estimate: ").count == 3)
    #expect(!output.contains("{neurons:"))
  }

  @Test func moreThreadsThanCoresIsAnErrorThatNamesTheCores() {
    var diagnostics: [Diagnostic] = []
    let session = Interpreter(host: Host(write: { _ in }, report: { diagnostics.append($0) }))
    let cores = Interpreter.cores
    session.execute(Source(name: "t", text: "estimate(neurons: 10, synapses: 10, threads: \(cores + 1))"))
    #expect(diagnostics.first?.message == "threads is a whole number from 1 to \(cores)")
    #expect(diagnostics.first?.hint?.hasPrefix("this machine has \(cores) core") == true)
  }

  @Test func wallTimesReadInTheLargestFittingUnit() {
    #expect(CostReport.wallTime(0.42) == "0.42 s")
    #expect(CostReport.wallTime(119.4) == "119 s")
    #expect(CostReport.wallTime(3.14159) == "3.1 s")
    #expect(CostReport.wallTime(600) == "10 minutes")
    #expect(CostReport.wallTime(3 * 3600) == "3 hours")
    #expect(CostReport.wallTime(5 * 86400) == "5 days")
    #expect(CostReport.wallTime(2021 * 86400) == "5.5 years")
  }

  @Test func countsAreWrittenInFullBelowABillionAndInPowersOfTenAbove() {
    #expect(CostReport.count(37e6) == "37000000")
    #expect(CostReport.count(1e11) == "1e11")
    #expect(CostReport.count(8.6e14) == "8.6e14")
    #expect(CostReport.roughly(6.3e-7) == "6.3e-7")
  }
}
