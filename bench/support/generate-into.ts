// `tsx bench/support/generate-into.ts <spec entry> <out dir>`: `pnpm generate` for a spec elsewhere.
import { generateAll, writeGenerated } from '@konaplate-contract/codegen';

const [entry, out] = process.argv.slice(2);
if (!entry || !out) {
  console.error('usage: generate-into.ts <spec entry> <out dir>');
  process.exit(2);
}
await writeGenerated(out, await generateAll(entry));
