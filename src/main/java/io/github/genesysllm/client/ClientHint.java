package io.github.genesysllm.client;

import io.github.genesysllm.problem.HintKey;

/** The kinds of fix the client suggests, for tests and reports to tell them apart. */
public enum ClientHint implements HintKey {
  /** A 409 the provider's state caused: read it again and apply the change again. */
  APPLY_AGAIN,
  /** The API URL (region, apiUrl) may not be Genesys Cloud's API: an answer it cannot read. */
  CHECK_API_URL,
  /** The OAuth client's id or secret, or its organization, is wrong (a 401). */
  CHECK_CLIENT_CREDENTIALS,
  /** The login refused the client-credentials grant (a 400 to the token request). */
  CHECK_GRANT_TYPE,
  /** A 400 without fields: the provider's configuration breaks the contract's rules. */
  CHECK_PROVIDER_CONFIGURATION,
  /** A 404 off the provider resource: the providers path or the API URL is wrong. */
  CHECK_PROVIDERS_PATH,
  /** The login URL (region, loginUrl) may not be Genesys Cloud's login. */
  CHECK_LOGIN_URL,
  /** A 409 on the name: another provider holds it. */
  CHOOSE_ANOTHER_NAME,
  /** A 400 naming fields of the provider's configuration. */
  FIX_PROVIDER_FIELDS,
  /** A 403: the OAuth client's role lacks a permission, or the organization an entitlement. */
  GRANT_PERMISSION,
  /** A 404 on one provider: it was deleted meanwhile. */
  PROVIDER_GONE,
  /** No answer in time, or none at all: more retry time may get one. */
  RAISE_RETRY_BUDGET,
  /** The ready access token is invalid or expired (a 401). */
  RENEW_ACCESS_TOKEN,
  /** No region is set, or one the client does not know. */
  SET_A_KNOWN_REGION,
  /** A URL setting is not a URL the client may call. */
  SET_A_VALID_URL,
  /** A setting's value is out of its range or form. */
  SET_A_VALID_VALUE,
  /** An answer redirected, which the client does not follow: set the final address. */
  SET_FINAL_ADDRESS,
  /** A create may have been applied: look the resource up by name before creating it again. */
  SETTLE_BY_LOOKUP,
  /** An update may have been applied: read the resource back. */
  SETTLE_BY_READING,
  /** Rate limited (429): pace slower, or give retries more time. */
  SLOW_DOWN,
  /** The server's TLS certificate is not trusted: give the JVM a trust store that holds its CA. */
  TRUST_PRIVATE_CA,
  /** Genesys Cloud answered a transient fault (5xx): try again later, or give retries more time. */
  TRY_AGAIN_LATER,
  /** The organization has no custom LLM provider API: use the dataActions target. */
  USE_DATA_ACTIONS_TARGET
}
