package io.github.genesysllm.config;

import io.github.genesysllm.secret.Secret;

/**
 * The username and password of server credentials, the password decrypted. Either may be null when
 * the server does not set it. The password stays masked in {@code toString}.
 */
public record ServerCredentials(String username, Secret password) {}
