// `pnpm docs:preview`: serves generated/docs/ (both editions and the downloads) on
// http://127.0.0.1:4020 and rebuilds it when spec/ changes, reloading open pages
// (server-sent events). The folder is static: any host serves it the same way.
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { generatedDir, repoRoot } from '@konaplate-contract/codegen';
import { buildDocs } from './docs.ts';

const port = Number(process.env.PORT ?? 4020);
const root = join(generatedDir, 'docs');
const listeners = new Set<ServerResponse>();
const reloader = '<script>new EventSource("/__reload").onmessage = () => location.reload();</script>';
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

let building = buildDocs();
building.catch((error: Error) => console.error(`the docs did not build: ${error.message}`));

const server = createServer(async (req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  if (path === '/__reload') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return;
  }
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    await building;
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(extname(file) === '.html' ? body.toString('utf8').replace('</body>', `${reloader}</body>`) : body);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(missing ? `no ${path} in generated/docs/` : `The docs did not build:\n${(error as Error).message}`);
  }
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE' ? `port ${port} is busy: set PORT to another one` : `docs preview: ${error.message}`,
  );
  process.exit(2);
});
server.listen(port, '127.0.0.1', () =>
  console.log(`docs preview on http://127.0.0.1:${port}/ (Korean: /ko/); rebuilds when spec/ changes; Ctrl-C stops`),
);

let timer: NodeJS.Timeout | undefined;
watch(join(repoRoot, 'spec'), { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    building = buildDocs();
    building
      .then(() => {
        console.log('rebuilt the docs');
        for (const res of listeners) res.write('data: reload\n\n');
      })
      .catch((error: Error) => console.error(`the docs did not build: ${error.message}`));
  }, 200);
});
