package io.github.genesysllm.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy for tests that only tunnels ({@code CONNECT host:port}), on 127.0.0.1, an ephemeral
 * port. It keeps the request line of every tunnel asked for; what goes through the tunnel (TLS) it
 * cannot read.
 */
final class TunnelProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** Null, or the {@code Proxy-Authorization} value a tunnel needs (else it answers 407). */
  private final String requiredAuthorization;

  TunnelProxy() throws IOException {
    this(null);
  }

  /** A proxy that answers 407 until a CONNECT carries {@code Proxy-Authorization: <value>}. */
  TunnelProxy(String requiredAuthorization) throws IOException {
    this.requiredAuthorization = requiredAuthorization;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** The request line of each connection, like {@code CONNECT 127.0.0.1:1234 HTTP/1.1}. */
  List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        daemon(() -> tunnel(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head = head(in);
      while (requiredAuthorization != null
          && !head.lines().anyMatch(("Proxy-Authorization: " + requiredAuthorization)::equals)) {
        requestLines.add(head.lines().findFirst().orElse("") + " (refused 407)");
        out.write(
            ("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                    + " realm=\"proxy\"\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        head = head(in);
        if (head.isEmpty()) {
          client.close();
          return;
        }
      }
      String requestLine = head.lines().findFirst().orElse("");
      requestLines.add(requestLine);
      String[] parts = requestLine.split(" ");
      if (parts.length < 2 || !parts[0].equals("CONNECT")) {
        out.write(
            "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        client.close();
        return;
      }
      int colon = parts[1].lastIndexOf(':');
      Socket target =
          new Socket(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)));
      sockets.add(target);
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      daemon(() -> pump(target, client));
      pump(client, target);
    } catch (IOException e) {
      // The probe or the endpoint hung up: the tunnel ends.
    }
  }

  /** The request head up to the blank line. */
  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4
          && bytes[n - 4] == '\r'
          && bytes[n - 3] == '\n'
          && bytes[n - 2] == '\r'
          && bytes[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // One side closed.
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException e) {
        // Already closed.
      }
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "tunnel-proxy");
    thread.setDaemon(true);
    thread.start();
  }
}
