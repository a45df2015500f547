// `pnpm docs:preview`: serves generated/docs/index.html on http://127.0.0.1:4020
// and rebuilds it when spec/ changes, reloading the open page (server-sent events).
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { buildDocs } from './docs.ts';
import { generatedDir, repoRoot } from './lib/paths.ts';

const port = Number(process.env.PORT ?? 4020);
const listeners = new Set<ServerResponse>();
const reloader = '<script>new EventSource("/__reload").onmessage = () => location.reload();</script>';

let building = buildDocs();
createServer(async (req, res) => {
  if (req.url === '/__reload') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return;
  }
  try {
    await building;
    const html = await readFile(join(generatedDir, 'docs/index.html'), 'utf8');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html.replace('</body>', `${reloader}</body>`));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The docs did not build:\n${(error as Error).message}`);
  }
}).listen(port, '127.0.0.1', () =>
  console.log(`docs preview on http://127.0.0.1:${port} (rebuilds when spec/ changes; Ctrl-C stops)`),
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
