import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Stops forwarding on every connection open now, keeping them open, as a firewall or NAT that dropped them would; new ones are forwarded. */
  silence(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy to `targetPort`, for a connection that goes silent without being closed. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let generation = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const mine = generation;
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (d) => mine === generation && upstream.write(d));
    upstream.on('data', (d) => mine === generation && client.write(d));
    client.on('close', () => mine === generation && upstream.destroy());
    upstream.on('close', () => mine === generation && client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    silence: () => void generation++,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
