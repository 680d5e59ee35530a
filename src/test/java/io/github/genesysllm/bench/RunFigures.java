package io.github.genesysllm.bench;

/**
 * What repeated runs of one workload by one client came to, counted from the emulator's journal:
 * the requests it received, how many it answered 429 and 409, the wall time, and whether every run
 * left the organization exactly as configured.
 */
final class RunFigures {

  final Samples requests = new Samples();
  final Samples rateLimited = new Samples();
  final Samples conflicts = new Samples();
  final Samples seconds = new Samples();
  private boolean converged = true;

  void add(JournalSlice sent, double runSeconds, boolean convergedThisRun) {
    requests.add(sent.requests());
    rateLimited.add(sent.answered(429));
    conflicts.add(sent.answered(409));
    seconds.add(runSeconds);
    converged &= convergedThisRun;
  }

  boolean converged() {
    return converged;
  }

  /** The median share of requests answered 429 (the median of each run's share). */
  Samples rateLimitedShare() {
    Samples share = new Samples();
    for (int i = 0; i < requests.count(); i++) {
      share.add(100.0 * rateLimited.at(i) / requests.at(i));
    }
    return share;
  }
}
