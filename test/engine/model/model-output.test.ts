import { describe, expect, it } from 'vitest';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openModelOutput } from '../../../src/engine/model/model-output.js';
import { tempDir } from '../../support/temp-dir.js';

describe('openModelOutput', () => {
  it('says at once, naming the path, when the path is a folder or runs through a file', () => {
    const dir = tempDir({ 'file.txt': 'x' });
    mkdirSync(join(dir, 'folder'));
    expect(() => openModelOutput(join(dir, 'folder'))).toThrow(`${join(dir, 'folder')}: cannot write the model (EISDIR)`);
    expect(() => openModelOutput(join(dir, 'file.txt', 'my.model'))).toThrow(/file\.txt\/my\.model: cannot write the model \((ENOTDIR|EEXIST)\)/);
  });

  it('makes the folder, keeps the old model until the new one is whole, and leaves nothing beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'models', 'my.model');
    const out = openModelOutput(file);
    expect(readdirSync(join(dir, 'models'))).toEqual([]);
    out.write(Buffer.from('first'));
    const again = openModelOutput(file);
    expect(readFileSync(file, 'utf8')).toBe('first');
    again.write(Buffer.from('second'));
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'models'))).toEqual(['my.model']);
  });

  it('leaves the old model when the new one cannot be written, naming the file', () => {
    const dir = tempDir();
    const file = join(dir, 'my.model');
    writeFileSync(file, 'old');
    const out = openModelOutput(file);
    // Something in the way of the new file once the training is done, as a full disk would fail it.
    mkdirSync(`${file}.${process.pid}.tmp`);
    expect(() => out.write(Buffer.from('new'))).toThrow(`${file}: cannot write the model (EISDIR)`);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('writes through a link to the file it names, leaving the link a link', () => {
    const dir = tempDir({ 'v3.model': 'old' });
    symlinkSync('v3.model', join(dir, 'current.model'));
    openModelOutput(join(dir, 'current.model')).write(Buffer.from('new'));
    expect(lstatSync(join(dir, 'current.model')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'v3.model'), 'utf8')).toBe('new');
  });
});
