import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { SERVER_ROOT } from '../paths.ts';

/**
 * PostGIS for the embedded engine, started in about a second instead of five.
 *
 * The packaged bundle (95 MB unpacked) carries raster and topology besides PostGIS itself, and PGlite compiles
 * every WebAssembly library in it before the database opens. Parley uses neither raster nor topology, so a slim
 * copy of the bundle without them is written once to a cache, and the libraries are compiled when PostgreSQL first
 * loads one (`noWasmDecoding`, an Emscripten module option) rather than all of them at start. Anything that goes
 * wrong with the cache falls back to the packaged bundle: slower, never different.
 */
// The extension's scripts are all CREATE EXTENSION needs: contrib/ holds the same for installs without it, and the
// upgrade scripts (postgis--ANY--3.6.2.sql is 7.8 MB, unpacked on every open) serve only ALTER EXTENSION … UPDATE
// from an older PostGIS, which an embedded database created by this bundle never has.
const UNUSED = /topology|raster|rtpostgis|tiger|sfcgal|--unpackaged--|--ANY\.sql$|--ANY--|^share\/postgresql\/contrib\//;
const BLOCK = 512;

/**
 * The tar entries whose paths PostGIS needs, copied block for block: the headers stay exactly as PGlite's own
 * reader found them in the packaged bundle, which a repacking library would rewrite.
 */
export function slimTar(tar: Uint8Array, keep: (path: string) => boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => new TextDecoder().decode(header.subarray(start, start + length)).replace(/\0.*$/s, '');
    const path = `${field(345, 155) ? `${field(345, 155)}/` : ''}${field(0, 100)}`;
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const end = at + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (keep(path)) parts.push(tar.subarray(at, end));
    at = end;
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(parts);
}

function packagedBundle(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
}

/** The slim bundle's path, written next to the project's other caches on first use. */
function slimBundle(): string | null {
  try {
    const packaged = packagedBundle();
    const version = JSON.parse(readFileSync(join(dirname(packaged), '..', 'package.json'), 'utf8')).version as string;
    const root = fileURLToPath(new URL('../../node_modules/.cache/parley/', SERVER_ROOT));
    const path = join(root, `postgis-${version}-slim-2.tar.gz`);
    if (existsSync(path)) return path;
    const slim = slimTar(gunzipSync(readFileSync(packaged)), (p) => !UNUSED.test(p));
    mkdirSync(root, { recursive: true });
    // Written aside and renamed, so a concurrent start never reads half a bundle.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, gzipSync(slim, { level: 1 }));
    renameSync(partial, path);
    return path;
  } catch {
    return null;
  }
}

export const lazyPostgis: Extension = {
  name: 'postgis',
  setup: async (pg, opts) => {
    const packaged = await postgis.setup(pg, opts);
    const slim = slimBundle();
    return {
      ...packaged,
      ...(slim ? { bundlePath: pathToFileURL(slim) } : {}),
      emscriptenOpts: { ...(packaged.emscriptenOpts ?? opts), noWasmDecoding: true },
    };
  },
};
