// Starts a local OpenAI-compatible chat endpoint over HTTPS that fails every call (the self-signed
// test certificate, trusted by the build and so by the emulator it starts, see
// ../https-model-endpoint.groovy), and writes two providers files with its ephemeral port: as
// registered first, and with one model's maxTokens changed.
def startHttpsEndpoint = evaluate(new File(basedir, '../../../src/it/https-model-endpoint.groovy'))
def seen = Collections.synchronizedList([])
def server = startHttpsEndpoint { exchange ->
    seen << [path: exchange.requestURI.path, body: exchange.requestBody.getText('UTF-8')]
    byte[] bytes = '{"error":{"message":"The model is overloaded","type":"server_error"}}'.getBytes('UTF-8')
    exchange.responseHeaders.set('Content-Type', 'application/json')
    exchange.sendResponseHeaders(503, bytes.length)
    exchange.responseBody.withStream { it.write(bytes) }
}
System.properties.put('it.data-actions-probe-before-publish.server', server)
System.properties.put('it.data-actions-probe-before-publish.seen', seen)

def providers = { int maxTokens -> """providers:
  - name: Acme Gateway
    baseUrl: https://127.0.0.1:${server.address.port}/v1
    apiKeyEnv: IT_MODEL_API_KEY
    models:
      - id: gpt-4o-mini
        name: GPT 4o mini
        maxTokens: ${maxTokens}
      - id: llama-3-8b
        name: Llama 3 8B
        maxTokens: 8192
""" }
new File(basedir, 'providers.yaml').text = providers(4096)
new File(basedir, 'providers-changed.yaml').text = providers(1024)
return true
