package io.github.genesysllm.config;

/**
 * One model of a provider written in the build file. The build tool sets the fields by name, so
 * their names are the configuration's; a field left out stays null. {@code supportsStreaming} is
 * text, read strictly by {@link StrictBoolean} (a build tool's own conversion may read {@code yes}
 * as false).
 */
public class ModelConfig {

  private String id;
  private String name;
  private Integer maxTokens;
  private String supportsStreaming;

  public ModelConfig() {}

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getMaxTokens() {
    return maxTokens;
  }

  public void setMaxTokens(Integer maxTokens) {
    this.maxTokens = maxTokens;
  }

  public String getSupportsStreaming() {
    return supportsStreaming;
  }

  public void setSupportsStreaming(String supportsStreaming) {
    this.supportsStreaming = supportsStreaming;
  }

  @Override
  public String toString() {
    return "ModelConfig[id="
        + id
        + ", name="
        + name
        + ", maxTokens="
        + maxTokens
        + ", supportsStreaming="
        + supportsStreaming
        + "]";
  }
}
