package io.github.genesysllm.config;

import java.util.List;

/**
 * One provider written in the build file. The build tool sets the fields by name, so their names
 * are the configuration's; a field left out stays null. It holds no secret, by design: the API key
 * is named by {@code apiKeyEnv} (an environment variable) or {@code apiKeyServerId} (server
 * credentials), so a build file never carries a key.
 */
public class ProviderConfig {

  private String name;
  private String providerType;
  private String baseUrl;
  private String apiKeyEnv;
  private String apiKeyServerId;
  private String apiVersion;
  private Integer timeout;
  private List<ModelConfig> models;

  public ProviderConfig() {}

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getProviderType() {
    return providerType;
  }

  public void setProviderType(String providerType) {
    this.providerType = providerType;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getApiKeyEnv() {
    return apiKeyEnv;
  }

  public void setApiKeyEnv(String apiKeyEnv) {
    this.apiKeyEnv = apiKeyEnv;
  }

  public String getApiKeyServerId() {
    return apiKeyServerId;
  }

  public void setApiKeyServerId(String apiKeyServerId) {
    this.apiKeyServerId = apiKeyServerId;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public Integer getTimeout() {
    return timeout;
  }

  public void setTimeout(Integer timeout) {
    this.timeout = timeout;
  }

  public List<ModelConfig> getModels() {
    return models;
  }

  public void setModels(List<ModelConfig> models) {
    this.models = models;
  }

  @Override
  public String toString() {
    return "ProviderConfig[name="
        + name
        + ", providerType="
        + providerType
        + ", baseUrl="
        + baseUrl
        + ", apiKeyEnv="
        + apiKeyEnv
        + ", apiKeyServerId="
        + apiKeyServerId
        + ", apiVersion="
        + apiVersion
        + ", timeout="
        + timeout
        + ", models="
        + models
        + "]";
  }
}
