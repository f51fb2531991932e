import { request } from 'node:http';

/** Where local OpenAI-compatible servers usually listen. */
export const USUAL_LOCAL_SERVERS = [
  { name: 'Ollama', port: 11434 },
  { name: 'llama.cpp server', port: 8080 },
  { name: 'vLLM', port: 8000 },
  { name: 'LM Studio', port: 1234 },
] as const;

export interface DiscoveredServer {
  name: string;
  baseUrl: string;
  models: string[];
}

/**
 * Asks each usual local port for `/v1/models` and returns the servers that answered like an OpenAI-compatible server.
 *
 * @example
 * const servers = await discoverLocalServers(); // [{ name: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1', models: ['qwen2.5-7b-instruct'] }]
 */
export async function discoverLocalServers(
  options: { timeoutMs?: number; servers?: readonly { name: string; port: number }[] } = {},
): Promise<DiscoveredServer[]> {
  const servers = options.servers ?? USUAL_LOCAL_SERVERS;
  const found = await Promise.all(
    servers.map(async ({ name, port }) => {
      const models = await listModels(`http://127.0.0.1:${port}/v1/models`, options.timeoutMs ?? 800);
      return models ? { name, baseUrl: `http://127.0.0.1:${port}/v1`, models } : undefined;
    }),
  );
  return found.filter((server): server is DiscoveredServer => server !== undefined);
}

function listModels(url: string, timeoutMs: number): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const outgoing = request(url, { method: 'GET', timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          const parsed = JSON.parse(body) as { data?: { id?: unknown }[] };
          if (response.statusCode !== 200 || !Array.isArray(parsed.data)) return resolve(undefined);
          resolve(parsed.data.map((model) => String(model.id)));
        } catch {
          resolve(undefined);
        }
      });
      response.on('error', () => resolve(undefined));
    });
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.on('error', () => resolve(undefined));
    outgoing.end();
  });
}
