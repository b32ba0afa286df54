import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitDist, MANIFEST_FILE } from '../../src/render/emit-dist';
import { listFiles } from '../support/fixture-project';

function tempDist(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-emit-')), 'dist');
}

describe('emitDist', () => {
  it('writes every file and a manifest of what it owns', () => {
    const out = tempDist();
    emitDist(out, new Map([['a/one.json', '1\n'], ['two.yaml', '2\n']]));
    expect(listFiles(out)).toEqual([MANIFEST_FILE, path.join('a', 'one.json'), 'two.yaml'].sort());
    expect(JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).files).toHaveProperty(['a/one.json']);
  });

  it('removes its own stale files but never a file it did not write', () => {
    const out = tempDist();
    emitDist(out, new Map([['old.json', 'old\n'], ['kept.json', 'v1\n']]));
    fs.writeFileSync(path.join(out, 'README-by-hand.md'), 'mine\n');
    const result = emitDist(out, new Map([['kept.json', 'v2\n']]));
    expect(result.removed).toEqual(['old.json']);
    expect(fs.readFileSync(path.join(out, 'kept.json'), 'utf8')).toBe('v2\n');
    expect(fs.readFileSync(path.join(out, 'README-by-hand.md'), 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(out, 'old.json'))).toBe(false);
  });

  it('leaves the previous dist/ untouched when writing fails part-way', () => {
    const out = tempDist();
    emitDist(out, new Map([['a.json', 'v1\n']]));
    // A path that is both a file and a directory cannot be written: the failure comes mid-way.
    expect(() => emitDist(out, new Map([['b.json', 'new\n'], ['b.json/c.json', 'x\n']]))).toThrow();
    expect(listFiles(out)).toEqual([MANIFEST_FILE, 'a.json']);
    expect(fs.readFileSync(path.join(out, 'a.json'), 'utf8')).toBe('v1\n');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['dist']);
  });
});
