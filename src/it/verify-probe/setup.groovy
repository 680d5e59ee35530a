// Starts a local OpenAI-compatible model endpoint over HTTPS (a self-signed test certificate) in the
// invoker's JVM, writes the providers file with its ephemeral port, and makes the build trust the
// certificate through a test trust store (.mvn/jvm.config).
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
import java.security.KeyStore
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
def seen = Collections.synchronizedList([])
server.createContext('/') { exchange ->
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
server.start()
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
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/jvm.config').text =
        "-Djavax.net.ssl.trustStore=${new File(tls, 'model-endpoint-truststore.p12')} -Djavax.net.ssl.trustStorePassword=changeit\n"
return true
