import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueError } from '../../../main/contract/api.js';
import { configPath, parseConfig, readConfig, type ProjectConfig } from '../../../main/core/project/config.js';
import { ConfigService } from '../../../main/core/project/config-service.js';
import { FileLocks } from '../../../main/core/platform/file-lock.js';

const settings = (root: string) => new ConfigService(root, new FileLocks(root));
import { rejectsWith } from '../../helpers/errors.js';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-config-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function writeRaw(content: string): void {
  fs.mkdirSync(join(root, '.calque'), { recursive: true });
  fs.writeFileSync(configPath(root), content);
}


describe('project.json', () => {
  it('a missing file means a new project (null)', async () => {
    expect(await readConfig(root)).toBeNull();
  });

  it('malformed JSON → projectConfigInvalid with the parser reason and the path', async () => {
    writeRaw('{ "formatVersion": 1, "pairs": [ ');
    const err = await rejectsWith(readConfig(root), 'projectConfigInvalid');
    expect(err.params.path).toBe(configPath(root));
    expect(typeof err.params.reason).toBe('string');
    expect(String(err.params.reason).length).toBeGreaterThan(0);
    expect(String(err.params.reason)).toMatch(/JSON/i);
  });

  it('a JSON value that is not an object → projectConfigInvalid', async () => {
    writeRaw('[1, 2]');
    const err = await rejectsWith(readConfig(root), 'projectConfigInvalid');
    expect(err.params.reason).toBe('not a JSON object');
  });

  it('a newer formatVersion → projectConfigInvalid naming the version', async () => {
    writeRaw(JSON.stringify({ formatVersion: 2, pairs: [] }));
    const err = await rejectsWith(readConfig(root), 'projectConfigInvalid');
    expect(String(err.params.reason)).toContain('2');
    expect(String(err.params.reason)).toMatch(/newer/);
  });

  it('version 0 {sourceLanguage, targetLanguage} migrates to pairs, keeping other fields', async () => {
    writeRaw(JSON.stringify({ sourceLanguage: 'pt-BR', targetLanguage: 'en', glossary: { gato: 'cat' } }));
    const config = await readConfig(root);
    expect(config).toEqual({ formatVersion: 1, pairs: [{ source: 'pt-BR', target: 'en' }], glossary: { gato: 'cat' } });
    expect(config).not.toHaveProperty('sourceLanguage');
    expect(config).not.toHaveProperty('targetLanguage');
  });

  it('version 0 without languages migrates to no pairs', () => {
    expect(parseConfig('{}')).toEqual({ formatVersion: 1, pairs: [] });
  });

  it('accepts a UTF-8 BOM (files saved by Windows editors)', () => {
    expect(parseConfig('\uFEFF{"formatVersion":1,"pairs":[{"source":"pt","target":"en"}]}').pairs).toEqual([{ source: 'pt', target: 'en' }]);
  });

  it('an invalid language tag is rejected, naming the field', async () => {
    writeRaw(JSON.stringify({ formatVersion: 1, pairs: [{ source: 'portuguese', target: 'en' }] }));
    const err = await rejectsWith(readConfig(root), 'projectConfigInvalid');
    expect(String(err.params.reason)).toContain('pairs.0.source');
  });

  it('an invalid tag coming from a version-0 file is rejected too', () => {
    let caught: unknown;
    try {
      parseConfig(JSON.stringify({ sourceLanguage: 'txt', targetLanguage: 'en' }));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CalqueError);
    expect((caught as CalqueError).code).toBe('projectConfigInvalid');
  });

  it('unknown extra fields are kept through read and write', async () => {
    writeRaw(JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }], glossary: [{ term: 'gato', tr: 'cat' }], scoring: { profile: 'mqm' } }));
    const config = (await readConfig(root))!;
    const next: ProjectConfig = { ...config, pairs: [{ source: 'es', target: 'en' }] };
    await settings(root).update(() => next);
    const onDisk = JSON.parse(fs.readFileSync(configPath(root), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual({ formatVersion: 1, pairs: [{ source: 'es', target: 'en' }], glossary: [{ term: 'gato', tr: 'cat' }], scoring: { profile: 'mqm' } });
    expect(await readConfig(root)).toEqual(onDisk);
  });

  it('the config service creates .calque/ and writes readable JSON', async () => {
    await settings(root).update((c) => ({ ...c, pairs: [{ source: 'pt', target: 'en' }] }));
    const text = fs.readFileSync(configPath(root), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(await readConfig(root)).toEqual({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] });
  });

  it('replacing a broken file keeps a byte copy of it', async () => {
    writeRaw('{ broken');
    const { backup: to } = await settings(root).replaceBroken((c) => c);
    expect(to).toBeDefined();
    expect(to!.startsWith(configPath(root) + '.broken-')).toBe(true);
    expect(fs.readFileSync(to!, 'utf8')).toBe('{ broken');
  });
});
