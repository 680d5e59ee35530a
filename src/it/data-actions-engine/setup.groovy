// Starts a local OpenAI-compatible chat-completions endpoint over HTTPS (the self-signed test
// certificate, trusted by the build, see ../https-model-endpoint.groovy) in the invoker's JVM and
// writes its address for Driver.java.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def startHttpsEndpoint = evaluate(new File(basedir, '../../../src/it/https-model-endpoint.groovy'))
def seen = Collections.synchronizedList([])
def server = startHttpsEndpoint { exchange ->
    try {
        def auth = exchange.requestHeaders.getFirst('Authorization')
        def path = exchange.requestURI.path
        def body = exchange.requestBody.getText('UTF-8')
        seen << [path: path, query: exchange.requestURI.rawQuery, authorization: auth, contentType: exchange.requestHeaders.getFirst('Content-Type'), body: body]
        if (path.startsWith('/slow/')) {
            Thread.sleep(5000) // the action allows 1 s
        }
        int status = 200
        String answer
        if (auth != 'Bearer it-model-key-5d2e') {
            status = 401
            answer = '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}'
        } else {
            def request = new JsonSlurper().parseText(body)
            answer = JsonOutput.toJson([id: 'chatcmpl-it', object: 'chat.completion', model: request.model,
                    choices: [[index: 0, message: [role: 'assistant', content: 'You said: ' + request.messages[0].content],
                               finish_reason: 'stop']]])
        }
        byte[] bytes = answer.getBytes('UTF-8')
        exchange.responseHeaders.set('Content-Type', 'application/json')
        exchange.sendResponseHeaders(status, bytes.length)
        exchange.responseBody.withStream { it.write(bytes) }
    } catch (IOException e) {
        // the emulator gave up on the slow answer
    } finally {
        exchange.close()
    }
}
System.properties.put('it.data-actions-engine.server', server)
System.properties.put('it.data-actions-engine.seen', seen)

new File(basedir, 'model-endpoint.txt').text = "https://127.0.0.1:${server.address.port}"
return true
