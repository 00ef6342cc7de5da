import * as fsp from 'node:fs/promises';
import { CalqueError, type LanguagePair } from '../../contract/api.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { ensureCalqueFolder, tempDirOf } from '../platform/calque-folder.js';
import type { FileLocks } from '../platform/file-lock.js';
import { configPath, emptyConfig, readConfig, type ProjectConfig } from './config.js';

export interface ConfigState {
  config: ProjectConfig;
  /** Set when project.json exists but cannot be used; nothing writes it until the user chooses. */
  error?: CalqueError;
}

/**
 * The only writer of `.calque/project.json`. Every change is applied to the file as it is on disk
 * now, read again under the project lock: a change made by another process or by hand (glossaries,
 * word list) is never erased by a write from a stale copy in memory. A file that cannot be read is
 * never replaced by a change; only `replaceBroken`, which the user asks for, replaces it, and it keeps
 * a backup first.
 */
export class ConfigService {
  private state: ConfigState = { config: emptyConfig() };
  private stamp = '';

  constructor(
    private readonly root: string,
    private readonly locks: FileLocks,
  ) {}

  get path(): string {
    return configPath(this.root);
  }

  /** The settings as last read (empty while the file is broken). */
  get current(): ProjectConfig {
    return this.state.config;
  }

  get error(): CalqueError | undefined {
    return this.state.error;
  }

  /** Read the file again if it changed since the last read (another process, a hand edit). */
  async refresh(): Promise<ConfigState> {
    const stamp = await statStamp(this.path);
    if (stamp !== this.stamp || stamp === '') await this.load();
    return this.state;
  }

  async load(): Promise<ConfigState> {
    const stamp = await statStamp(this.path);
    try {
      this.state = { config: (await readConfig(this.root)) ?? emptyConfig() };
    } catch (err) {
      if (!(err instanceof CalqueError)) throw err;
      this.state = { config: emptyConfig(), error: err };
    }
    this.stamp = stamp;
    return this.state;
  }

  /** Change the settings: read, change and write under the lock. Refused while the file is broken. */
  update(change: (c: ProjectConfig) => ProjectConfig): Promise<ProjectConfig> {
    return this.locks.run(this.path, async () => {
      const fresh = await this.load();
      if (fresh.error) throw fresh.error;
      const next = change(fresh.config);
      if (next !== fresh.config) await this.write(next);
      return this.state.config;
    });
  }

  /** Add language pairs (serve --from/--to, an MQM import); the pairs already there all stay. */
  addPairs(pairs: LanguagePair[]): Promise<ProjectConfig> {
    return this.update((c) => {
      let next = c.pairs;
      for (const p of pairs) {
        if (next.some((x) => x.source === p.source && x.target === p.target)) continue;
        // The same two languages the other way round: the caller named the direction, so it replaces it.
        next = [...next.filter((x) => !(x.source === p.target && x.target === p.source)), p];
      }
      return next === c.pairs ? c : { ...c, pairs: next };
    });
  }

  /**
   * The user chose to start over from a broken file (the language dialog): keep a copy of it, then
   * write `change(empty settings)`. With a readable file this is an ordinary update.
   */
  replaceBroken(change: (c: ProjectConfig) => ProjectConfig): Promise<{ config: ProjectConfig; backup?: string }> {
    return this.locks.run(this.path, async () => {
      const fresh = await this.load();
      if (!fresh.error) {
        const next = change(fresh.config);
        await this.write(next);
        return { config: next };
      }
      const backup = await this.backUp();
      const next = change(emptyConfig());
      await this.write(next);
      return { config: next, backup };
    });
  }

  private async backUp(): Promise<string> {
    const to = `${this.path}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fsp.copyFile(this.path, to, fsp.constants.COPYFILE_EXCL);
    return to;
  }

  private async write(config: ProjectConfig): Promise<void> {
    await ensureCalqueFolder(this.root);
    await writeFileAtomic(this.path, Buffer.from(JSON.stringify(config, null, 2) + '\n', 'utf8'), { tempDir: tempDirOf(this.root) });
    this.state = { config };
    this.stamp = await statStamp(this.path);
  }
}

async function statStamp(path: string): Promise<string> {
  try {
    const st = await fsp.stat(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}
