import getPort from 'get-port';

// get-port avoids collisions within this process; across processes a port can still be taken
// between choosing and binding, which is why a server that fails to bind is retried once.
export function getFreePort(): Promise<number> {
  return getPort({ exclude: [12345] });
}
