// Starts a local OpenAI-compatible model endpoint over HTTPS (the self-signed test certificate,
// trusted by the build, see ../https-model-endpoint.groovy) in the invoker's JVM and writes the
// providers file with its ephemeral port.
def startHttpsEndpoint = evaluate(new File(basedir, '../../../src/it/https-model-endpoint.groovy'))
def seen = Collections.synchronizedList([])
def server = startHttpsEndpoint { exchange ->
    def auth = exchange.requestHeaders.getFirst('Authorization')
    def path = exchange.requestURI.path
    seen << [path: path, authorization: auth]
    int status = 200
    String body
    if (auth != 'Bearer it-model-key-7f3a9c') {
        status = 401
        body = '{"error":{"message":"Incorrect API key provided"}}'
    } else if (path.startsWith('/partial/')) {
        body = '{"object":"list","data":[{"id":"m1","object":"model"}]}'
    } else {
        body = '{"object":"list","data":[{"id":"m1","object":"model"},{"id":"m2","object":"model"}]}'
    }
    byte[] bytes = body.getBytes('UTF-8')
    exchange.responseHeaders.set('Content-Type', 'application/json')
    exchange.sendResponseHeaders(status, bytes.length)
    exchange.responseBody.withStream { it.write(bytes) }
}
System.properties.put('it.verify-probe.server', server)
System.properties.put('it.verify-probe.seen', seen)
int port = server.address.port

def model = { id -> "      - id: ${id}\n        name: Model ${id}\n        maxTokens: 8192\n" }
new File(basedir, 'providers.yaml').text = """providers:
  - name: Served Gateway
    baseUrl: https://127.0.0.1:${port}/served/v1
    apiKeyEnv: IT_MODEL_API_KEY
    models:
${model('m1')}${model('m2')}  - name: Partial Gateway
    baseUrl: https://127.0.0.1:${port}/partial/v1
    apiKeyEnv: IT_MODEL_API_KEY
    models:
${model('m1')}${model('m2')}  - name: Wrong Key Gateway
    baseUrl: https://127.0.0.1:${port}/served/v1
    apiKeyEnv: IT_WRONG_KEY
    models:
${model('m1')}"""
return true
