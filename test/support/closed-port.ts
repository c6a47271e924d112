// A local URL where nothing listens: a port the system gave a server that is closed again, so a
// request to it is refused at once (ECONNREFUSED), as for an API that is down or unreachable.
import { type AddressInfo, createServer } from 'node:net';

export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
