package io.github.genesysllm.client;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections that never log what they send or receive. httpclient5's own connections write every
 * header and byte to the SLF4J loggers {@code org.apache.hc.client5.http.headers} and {@code .wire}
 * at debug level, which the build's debug output shows: the {@code Authorization} header, the token
 * answer and a create's {@code apiKey} would all be in the build log. Setting those loggers' levels
 * cannot be relied on (Maven's SLF4J provider caches loggers per name across plugins), so the
 * connections themselves are made quiet. Both the Genesys client and the model probe use them.
 */
public final class QuietConnectionFactory
    implements HttpConnectionFactory<ManagedHttpClientConnection> {

  @Override
  public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
    QuietConnection connection = new QuietConnection();
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  }

  @Override
  public ManagedHttpClientConnection createConnection(SSLSocket sslSocket, Socket socket)
      throws IOException {
    QuietConnection connection = new QuietConnection();
    if (socket != null) {
      connection.bind(sslSocket, socket);
    }
    return connection;
  }

  /**
   * httpclient5's managed connection behaviour (socket timeout kept while pooled), without its
   * logging.
   */
  private static final class QuietConnection extends DefaultBHttpClientConnection
      implements ManagedHttpClientConnection {
    private volatile Timeout socketTimeout;

    QuietConnection() {
      super(Http1Config.DEFAULT);
    }

    @Override
    public void bind(Socket socket) throws IOException {
      super.bind(socket);
      socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      super.bind(sslSocket, socket);
      socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    @Override
    public Socket getSocket() {
      SocketHolder holder = getSocketHolder();
      return holder == null ? null : holder.getSocket();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
      super.setSocketTimeout(timeout);
      socketTimeout = timeout;
    }

    @Override
    public void passivate() {
      super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
      super.setSocketTimeout(socketTimeout);
    }
  }
}
