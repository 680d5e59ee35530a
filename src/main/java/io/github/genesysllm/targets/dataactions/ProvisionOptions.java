package io.github.genesysllm.targets.dataactions;

/**
 * How one provider is provisioned.
 *
 * @param rotateApiKey send the configured key to an existing credential too (a credential PUT;
 *     actions untouched)
 * @param allowRecreate delete and create again an action whose contract is not the plugin's current
 *     one (it gets a new id, which breaks the Architect flows calling it); otherwise such an action
 *     fails the provider
 * @param probe test a new or changed action from the platform side before publishing it (draft,
 *     {@code /draft/test}, publish); a failing test leaves the published action as it was
 */
public record ProvisionOptions(boolean rotateApiKey, boolean allowRecreate, boolean probe) {}
