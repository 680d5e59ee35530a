package io.github.genesysllm.provider;

/**
 * One broken rule of the contract: {@code field} is the contract's field name as the server puts it
 * in {@code details[].fieldName} (for example {@code models[0].maxTokens}); {@code message} says
 * what the rule is, for a person.
 */
public record FieldViolation(String field, String message) {}
