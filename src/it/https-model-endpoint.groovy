// The local model endpoint over HTTPS of the ITs that call one (evaluated by their setup.groovy,
// with basedir in the binding): makes the build, and so the emulator it starts, trust the
// self-signed test certificate through a test trust store (.mvn/jvm.config), and returns a closure
// that starts the endpoint with a handler on a loopback ephemeral port and gives the server (its
// verify.groovy stops the server and its executor).
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
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

new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/jvm.config').text =
        "-Djavax.net.ssl.trustStore=${new File(tls, 'model-endpoint-truststore.p12')} -Djavax.net.ssl.trustStorePassword=changeit\n"

return { handler ->
    def server = HttpsServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
    server.httpsConfigurator = new HttpsConfigurator(context)
    // a slow answer must not hold back the next request
    server.executor = Executors.newCachedThreadPool()
    server.createContext('/', handler as HttpHandler)
    server.start()
    server
}
