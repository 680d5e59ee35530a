// Starts a local OpenAI-compatible chat-completions endpoint over HTTPS (the self-signed test
// certificate) in the invoker's JVM, writes its address for Driver.java, and makes the build (and
// so the emulator it starts) trust the certificate through a test trust store (.mvn/jvm.config).
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.security.KeyStore
import java.util.concurrent.Executors
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext

def tls = new File(basedir, '../../../src/test/resources/tls').canonicalFile
def keyStore = KeyStore.getInstance('PKCS12')
new File(tls, 'model-endpoint.p12').withInputStream { keyStore.load(it, 'changeit'.toCharArray()) }
def kmf = KeyManagerFactory.getInstance(KeyManagerFactory.defaultAlgorithm)
kmf.init(keyStore, 'changeit'.toCharArray())
def context = SSLContext.getInstance('TLS')
context.init(kmf.keyManagers, null, null)

def server = HttpsServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
server.httpsConfigurator = new HttpsConfigurator(context)
server.executor = Executors.newCachedThreadPool()
def seen = Collections.synchronizedList([])
server.createContext('/') { exchange ->
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
server.start()
System.properties.put('it.data-actions-engine.server', server)
System.properties.put('it.data-actions-engine.seen', seen)

new File(basedir, 'model-endpoint.txt').text = "https://127.0.0.1:${server.address.port}"
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/jvm.config').text =
        "-Djavax.net.ssl.trustStore=${new File(tls, 'model-endpoint-truststore.p12')} -Djavax.net.ssl.trustStorePassword=changeit\n"
return true
