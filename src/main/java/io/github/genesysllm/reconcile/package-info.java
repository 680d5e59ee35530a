/**
 * The core: what register, verify, unregister and export do, the same for every target, and the
 * port a target implements ({@link io.github.genesysllm.reconcile.Target}, {@link
 * io.github.genesysllm.reconcile.TargetType}).
 *
 * <p>A goal takes one {@link io.github.genesysllm.reconcile.Observation} of the organization (the
 * target's {@code observe}), then: register plans ({@link io.github.genesysllm.reconcile.Planner}
 * compares the target's {@link io.github.genesysllm.reconcile.Fields} of the configuration with
 * those observed) and has the target apply each change, several at once ({@link
 * io.github.genesysllm.reconcile.Reconciler}); verify compares and probes ({@link
 * io.github.genesysllm.reconcile.Verifier}); unregister has the target remove what exists ({@link
 * io.github.genesysllm.reconcile.Unregisterer}). Results, log lines and reports are the core's
 * ({@link io.github.genesysllm.reconcile.RegisterResult}, {@link
 * io.github.genesysllm.reconcile.VerifyResult}, {@link
 * io.github.genesysllm.reconcile.UnregisterResult}); a target's ids reach them through {@link
 * io.github.genesysllm.reconcile.Footprint}. Nothing here names a path, a resource type or a field
 * of a target, nor anything of Maven.
 */
package io.github.genesysllm.reconcile;
