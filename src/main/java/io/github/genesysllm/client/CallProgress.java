package io.github.genesysllm.client;

/** Where one call stands across its attempts; each call has its own, used by one thread. */
final class CallProgress {

  /** Asked whether an attempt that may have been applied was, or null. */
  final CallExecutor.AppliedCheck appliedCheck;

  int attempts;
  long firstAttemptNanos;
  int retries;
  boolean tokenRenewed;

  /** What happened to an earlier attempt that the server may have applied, or null. */
  String ambiguousEarlier;

  CallProgress(CallExecutor.AppliedCheck appliedCheck) {
    this.appliedCheck = appliedCheck;
  }

  /** Counts an attempt sent at {@code nanos}. */
  void sent(long nanos) {
    if (attempts++ == 0) {
      firstAttemptNanos = nanos;
    }
  }
}
