// `npm run bench`: every benchmark, each printing its figures against a baseline measured in the same run.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
for (const file of readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.startsWith(only)) continue;
  const mod = (await import(new URL(file, import.meta.url).href)) as Record<string, () => Promise<string>>;
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function' || !name.startsWith('bench')) continue;
    console.log(await fn());
  }
}
