// Starts a local OpenAI-compatible chat endpoint over HTTPS (the self-signed test certificate,
// trusted by the build and so by the emulator it starts, see ../https-model-endpoint.groovy) in the
// invoker's JVM, and writes the providers file with its ephemeral port.
def startHttpsEndpoint = evaluate(new File(basedir, '../../../src/it/https-model-endpoint.groovy'))
def seen = Collections.synchronizedList([])
def server = startHttpsEndpoint { exchange ->
    def auth = exchange.requestHeaders.getFirst('Authorization')
    seen << [path: exchange.requestURI.path, authorization: auth, body: exchange.requestBody.text]
    int status = 200
    String body = '{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}'
    if (auth != 'Bearer it-model-key-3e7a41') {
        status = 401
        body = '{"error":{"message":"Incorrect API key provided"}}'
    }
    byte[] bytes = body.getBytes('UTF-8')
    exchange.responseHeaders.set('Content-Type', 'application/json')
    exchange.sendResponseHeaders(status, bytes.length)
    exchange.responseBody.withStream { it.write(bytes) }
}
System.properties.put('it.data-actions-verify-probe.server', server)
System.properties.put('it.data-actions-verify-probe.seen', seen)
int port = server.address.port

new File(basedir, 'providers.yaml').text = """providers:
  - name: Served Gateway
    baseUrl: https://127.0.0.1:${port}/v1
    apiKeyEnv: IT_MODEL_API_KEY
    models:
      - id: m1
        name: Model one
        maxTokens: 8192
  - name: Wrong Key Gateway
    baseUrl: https://127.0.0.1:${port}/v1
    apiKeyEnv: IT_WRONG_KEY
    models:
      - id: m1
        name: Model one
        maxTokens: 8192
"""
return true
