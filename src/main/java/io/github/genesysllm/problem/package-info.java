/**
 * Problems as data: what stops a goal, or what a goal warns of, is a {@link
 * io.github.genesysllm.problem.Problem} (where, what, how to fix, the server's correlation id), not
 * a sentence glued together across layers. Plain classes name a build setting by its {@link
 * io.github.genesysllm.problem.Setting} and a place by its {@link
 * io.github.genesysllm.problem.Place}; only the build tool's edge ({@code mojo/}) knows how its
 * users spell them (a user property, the server credentials file, the build file) and renders them
 * through a {@link io.github.genesysllm.problem.Wording}, the way jib's {@code
 * MavenHelpfulSuggestions} does. Tests assert on a problem's fields, not on its words.
 */
package io.github.genesysllm.problem;
