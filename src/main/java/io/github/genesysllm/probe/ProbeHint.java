package io.github.genesysllm.probe;

import io.github.genesysllm.problem.HintKey;

/** The fixes a failed model probe suggests, one per kind of failure. */
public enum ProbeHint implements HintKey {
  /** The base URL is not an https URL with a host: correct it. */
  FIX_BASE_URL,
  /** The endpoint's host is unknown, or refuses or drops the connection: check it is reachable. */
  CHECK_REACHABILITY,
  /** No answer within the timeout: check the endpoint, or give the probe more time. */
  ALLOW_MORE_TIME,
  /** The TLS handshake failed: trust the endpoint's certificate (its CA). */
  TRUST_THE_CERTIFICATE,
  /** The certificate names another host: use a host it was issued for. */
  USE_CERTIFIED_HOST,
  /** The endpoint refused the API key: check the key. */
  CHECK_API_KEY,
  /** The answer is not an OpenAI-compatible model list: point the base URL at such an endpoint. */
  POINT_AT_MODELS_ENDPOINT,
  /** Configured models are not served: check the ids, or deploy the models. */
  CHECK_MODEL_IDS
}
