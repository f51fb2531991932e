import { InputError } from '../errors/culturekit-error.js';

/**
 * Why a server could not listen on `host:port`, as an `InputError` that names the address and what to do: the port is
 * in use (EADDRINUSE), needs privileges (EACCES), or the host is not an address of this machine (EADDRNOTAVAIL,
 * ENOTFOUND). Any other listen error keeps its code and message. The original error is the `cause`.
 *
 * @example
 * server.once('error', (error) => reject(listenError(error, '127.0.0.1', 4173)));
 * // InputError: port 4173 on 127.0.0.1 is in use: pass another --port (or --port 0)
 */
export function listenError(error: unknown, host: string, port: number): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EADDRINUSE':
      return new InputError(`port ${port} on ${host} is in use: pass another --port (or --port 0)`, { cause: error });
    case 'EACCES':
      return new InputError(`no permission to listen on port ${port} of ${host} (ports below 1024 need privileges): pass another --port`, { cause: error });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new InputError(`cannot bind ${host} (port ${port}): it is not an address of this machine (${message})`, { cause: error });
    default:
      return new InputError(`cannot listen on ${host}:${port}${code ? ` (${code})` : ''}: ${message}`, { cause: error });
  }
}
