import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/core/platform/atomic-write.js';
import { rejectsWith } from '../../helpers/errors.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'calque-atomic-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});


const OLD = Buffer.from('old content\r\nline two\r\n', 'utf8');
const NEW = Buffer.from('new content, longer than the old one\n', 'utf8');

describe('writeFileAtomic', () => {
  it('writes a new file', async () => {
    const path = join(dir, 'fresh.txt');
    await writeFileAtomic(path, NEW);
    expect(fs.readFileSync(path).equals(NEW)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['fresh.txt']);
  });

  it('writes an empty file', async () => {
    const path = join(dir, 'empty.txt');
    await writeFileAtomic(path, new Uint8Array());
    expect(fs.statSync(path).size).toBe(0);
  });

  it('replaces an existing file and leaves no temp file', async () => {
    const path = join(dir, 'story.en.txt');
    fs.writeFileSync(path, OLD);
    await writeFileAtomic(path, NEW);
    expect(fs.readFileSync(path).equals(NEW)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['story.en.txt']);
  });

  it('replaces by rename: the new content is a new inode, the old file is never truncated in place', async () => {
    const path = join(dir, 'story.en.txt');
    fs.writeFileSync(path, OLD);
    const before = fs.statSync(path).ino;
    // A reader that holds the old file open still sees the whole old content.
    const reader = await fsp.open(path, 'r');
    try {
      await writeFileAtomic(path, NEW);
      const { buffer, bytesRead } = await reader.read(Buffer.alloc(100), 0, 100, 0);
      expect(buffer.subarray(0, bytesRead).equals(OLD)).toBe(true);
    } finally {
      await reader.close();
    }
    expect(fs.statSync(path).ino).not.toBe(before);
  });

  it('a crash between write and rename leaves the old file byte-identical and no temp file', async () => {
    const path = join(dir, 'story.en.txt');
    fs.writeFileSync(path, OLD);
    let tempSeen: string | null = null;
    const p = writeFileAtomic(path, NEW, {
      beforeRename: (temp) => {
        tempSeen = temp;
        // The temp file is complete, in the same folder, before the rename.
        expect(fs.readFileSync(temp).equals(NEW)).toBe(true);
        expect(join(temp, '..')).toBe(dir);
        throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
      },
    });
    const err = await rejectsWith(p, 'writeFailed');
    expect(err.params.reason).toBe('EIO');
    expect(tempSeen).not.toBeNull();
    expect(fs.readFileSync(path).equals(OLD)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['story.en.txt']);
  });

  it('ENOSPC while writing → diskFull, old file intact, no temp file left', async () => {
    const path = join(dir, 'story.en.txt');
    fs.writeFileSync(path, OLD);
    let opened: string | null = null;
    // A real temp file is created, but the disk "fills up" on the first write.
    const open = (async (p: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
      opened = String(p);
      const real = await fsp.open(p, flags, mode);
      const fake = {
        write: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
        sync: () => real.sync(),
        close: () => real.close(),
      };
      return fake as unknown as fsp.FileHandle;
    }) as typeof fsp.open;
    await rejectsWith(writeFileAtomic(path, NEW, { open }), 'diskFull');
    expect(opened).not.toBeNull();
    expect(fs.existsSync(opened!)).toBe(false);
    expect(fs.readFileSync(path).equals(OLD)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['story.en.txt']);
  });

  it('EDQUOT (quota) is also reported as diskFull', async () => {
    const path = join(dir, 'a.txt');
    const open = (async () => {
      throw Object.assign(new Error('EDQUOT'), { code: 'EDQUOT' });
    }) as unknown as typeof fsp.open;
    await rejectsWith(writeFileAtomic(path, NEW, { open }), 'diskFull');
    expect(fs.existsSync(path)).toBe(false);
  });

  it('a missing folder → writeFailed, not a crash', async () => {
    const err = await rejectsWith(writeFileAtomic(join(dir, 'no', 'such', 'a.txt'), NEW), 'writeFailed');
    expect(err.params.reason).toBe('ENOENT');
  });

  // Root bypasses permission bits: on this machine fs.accessSync(path, W_OK) succeeds for root on a
  // 0o444 file (and on a read-only folder), so the refusal cannot be observed when tests run as root.
  it.skipIf(process.getuid?.() === 0)('a read-only file → readOnlyFile, content untouched', async () => {
    const path = join(dir, 'locked.txt');
    fs.writeFileSync(path, OLD);
    fs.chmodSync(path, 0o444);
    await rejectsWith(writeFileAtomic(path, NEW), 'readOnlyFile');
    expect(fs.readFileSync(path).equals(OLD)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['locked.txt']);
  });

  it.skipIf(process.platform === 'win32')('keeps the mode of the file it replaces', async () => {
    const path = join(dir, 'script.txt');
    fs.writeFileSync(path, OLD);
    fs.chmodSync(path, 0o640);
    await writeFileAtomic(path, NEW);
    expect(fs.statSync(path).mode & 0o7777).toBe(0o640);

    const path2 = join(dir, 'wide.txt');
    fs.writeFileSync(path2, OLD);
    fs.chmodSync(path2, 0o664);
    await writeFileAtomic(path2, NEW);
    expect(fs.statSync(path2).mode & 0o7777).toBe(0o664);
    expect(fs.readFileSync(path2).equals(NEW)).toBe(true);
  });
});
