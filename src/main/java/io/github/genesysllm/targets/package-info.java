/**
 * The targets: each in a package of its own, implementing the core's port ({@link
 * io.github.genesysllm.reconcile.Target}), and registered in {@link
 * io.github.genesysllm.targets.Targets}, the one place that names them.
 */
package io.github.genesysllm.targets;
