import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { slimTar } from './postgis-extension.ts';

const packaged = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');

describe('the slim PostGIS bundle', () => {
  const full = gunzipSync(readFileSync(packaged));
  const list = (tar: Uint8Array) => {
    const file = join(mkdtempSync(join(tmpdir(), 'parley-tar-')), 'b.tar');
    writeFileSync(file, tar);
    // GNU tar, not our own reader, says what the archive holds.
    return execFileSync('tar', ['-tf', file], { encoding: 'utf8', maxBuffer: 1 << 24 })
      .trim()
      .split('\n');
  };

  it('keeps exactly the chosen entries, readable by tar', () => {
    const keep = (p: string) => !p.includes('raster');
    const before = list(full);
    expect(list(slimTar(full, keep))).toEqual(before.filter(keep));
  });

  it('keeps every byte of a kept entry', () => {
    const only = (p: string) => p === 'share/proj/proj.ini';
    const file = join(mkdtempSync(join(tmpdir(), 'parley-tar-')), 'one.tar');
    writeFileSync(file, slimTar(full, only));
    const out = mkdtempSync(join(tmpdir(), 'parley-untar-'));
    execFileSync('tar', ['-xf', file, '-C', out]);
    const original = mkdtempSync(join(tmpdir(), 'parley-untar-'));
    execFileSync('tar', ['-xzf', packaged, '-C', original, 'share/proj/proj.ini']);
    expect(readFileSync(join(out, 'share/proj/proj.ini'))).toEqual(readFileSync(join(original, 'share/proj/proj.ini')));
  });
});
