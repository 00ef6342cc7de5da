/**
 * Automatic literal pre-checks for pack regexes: from a regex's source, a set of ASCII strings one of
 * which every match must contain. A segment containing none of them cannot match, so the (costly,
 * Unicode-boundary) regex scan is skipped. Only an exact consequence of the regex is ever derived:
 * whatever the analyser does not understand contributes no requirement, so a pre-check can only
 * skip texts the regex would not have matched.
 */

/**
 * What a regex node can match: `exact` = every string it can match (null: unknown or too many); `req` =
 * strings one of which every match contains (null: none known); `pre` = strings one of which every
 * match starts with (null: none known).
 */
interface Info {
  exact: string[] | null;
  req: string[] | null;
  pre: string[] | null;
}

const MAX_SET = 64;
const DIGITS = [...'0123456789'];
const NOTHING: Info = { exact: null, req: null, pre: null };
const EMPTY: Info = { exact: [''], req: null, pre: [''] };
const DIGITS_INFO: Info = { exact: DIGITS, req: null, pre: DIGITS };

/**
 * Every character a class such as [0-9], [Tt] or [.,:] matches, lower-cased when `fold`; null for a
 * negated class, one with a Unicode property, \w, \s or a non-ASCII member, or one of more than
 * MAX_SET characters. Ranges only within 0-9, a-z or A-Z.
 */
function classMembers(body: string, fold: boolean): string[] | null {
  if (body.startsWith('^')) return null;
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\') {
      const e = body[++i];
      if (e === 'd') {
        out.push(...DIGITS);
        continue;
      }
      if (e === undefined || /[A-Za-z0-9]/.test(e)) return null; // \p{…}, \w, \s, \u…, \b (backspace in a class)
      c = e;
    }
    if (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e) return null;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2]!;
      const same = (re: RegExp) => re.test(c) && re.test(to);
      if (!(same(/[0-9]/) || same(/[a-z]/) || same(/[A-Z]/)) || to < c) return null;
      for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) out.push(String.fromCharCode(k));
      i += 2;
      continue;
    }
    out.push(c);
  }
  const members = uniq(out.map((m) => (fold ? m.toLowerCase() : m)));
  return members.length && members.length <= MAX_SET ? members : null;
}

/** Every a + b, or null past MAX_SET. */
const cross = (as: string[], bs: string[]) => (as.length * bs.length <= MAX_SET ? uniq(as.flatMap((a) => bs.map((b) => a + b))) : null);

const uniq = (xs: string[]) => [...new Set(xs)];

/** A requirement is useful when none of its strings is empty. */
const score = (req: string[] | null) => (req && req.length ? Math.min(...req.map((s) => s.length)) : 0);

const asReq = (i: Info): string[] | null => (i.req ? i.req : i.exact && score(i.exact) > 0 ? i.exact : null);

/**
 * Prefixes past MAX_SET cut to their first k characters, for the largest k that keeps MAX_SET or fewer:
 * a match that starts with one of the strings also starts with one of their beginnings.
 */
function shortened(pre: string[]): string[] | null {
  for (let k = Math.max(...pre.map((p) => p.length)) - 1; k >= 1; k--) {
    const cut = uniq(pre.map((p) => p.slice(0, k)));
    if (cut.length <= MAX_SET) return cut;
  }
  return null;
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Error('unbalanced');
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const exact = branches.every((b) => b.exact) ? uniq(branches.flatMap((b) => b.exact!)) : null;
    const reqs = branches.map(asReq);
    const req = reqs.every((r) => r && score(r) > 0) ? uniq(reqs.flatMap((r) => r!)) : null;
    const pre = branches.every((b) => b.pre) ? uniq(branches.flatMap((b) => b.pre!)) : null;
    return { exact: exact && exact.length <= MAX_SET ? exact : null, req: req && req.length <= MAX_SET ? req : null, pre: pre && (pre.length <= MAX_SET ? pre : shortened(pre)) };
  }

  private sequence(): Info {
    let best: string[] | null = null;
    const consider = (r: string[] | null) => {
      if (r && score(r) > score(best)) best = r;
    };
    let run: string[] = [''];
    let allExact = true;
    // The exact strings of the leading elements, followed by what the first other element starts with.
    let pre: string[] | null = null;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const el = this.quantified(this.atom());
      if (el.exact && run.length * el.exact.length <= MAX_SET) {
        run = uniq(run.flatMap((a) => el.exact!.map((b) => a + b)));
        continue;
      }
      if (allExact) pre = (el.pre && cross(run, el.pre)) ?? run;
      allExact = false;
      consider(run);
      consider(asReq(el));
      run = el.exact ?? [''];
    }
    consider(run);
    return { exact: allExact ? run : null, req: best, pre: allExact ? run : pre };
  }

  private quantified(atom: Info): Info {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) throw new Error('bad quantifier');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy: same strings
    if (min === 0) {
      const exact = max === 1 && atom.exact ? uniq([...atom.exact, '']) : null;
      return { exact, req: null, pre: exact };
    }
    if (min === 1 && max === 1) return atom;
    // One or more repetitions: a match starts as the first repetition does.
    return { exact: null, req: asReq(atom), pre: atom.pre };
  }

  private atom(): Info {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let lookaround = false;
      if (s[this.i] === '?') {
        const rest = s.slice(this.i, this.i + 3);
        if (rest.startsWith('?:')) this.i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) {
          this.i += 2;
          lookaround = true;
        } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
          this.i += 3;
          lookaround = true;
        } else if (rest.startsWith('?<')) {
          const end = s.indexOf('>', this.i);
          if (end < 0) throw new Error('bad group name');
          this.i = end + 1;
        } else throw new Error('unknown group');
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error('unclosed group');
      this.i++;
      // A lookaround consumes nothing: the match's text is what the other parts consume.
      return lookaround ? EMPTY : inner;
    }
    if (c === '[') {
      const start = ++this.i;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') throw new Error('unclosed class');
      this.i++;
      const members = classMembers(s.slice(start, this.i - 1), this.fold);
      return members ? { exact: members, req: null, pre: members } : NOTHING;
    }
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return NOTHING;
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Error('unexpected ' + c);
    return this.literal(c);
  }

  private literal(c: string): Info {
    // Non-ASCII letters may case-fold in ways toLowerCase does not mirror: claim nothing about them.
    if (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e) return NOTHING;
    const one = [this.fold ? c.toLowerCase() : c];
    return { exact: one, req: null, pre: one };
  }

  private escape(): Info {
    const s = this.src;
    const c = s[this.i + 1];
    if (c === undefined) throw new Error('trailing backslash');
    this.i += 2;
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'p' || c === 'P') {
      if (s[this.i] === '{') {
        const end = s.indexOf('}', this.i);
        if (end < 0) throw new Error('bad property');
        this.i = end + 1;
      }
      return NOTHING;
    }
    if (c === 'u') {
      if (s[this.i] === '{') {
        const end = s.indexOf('}', this.i);
        if (end < 0) throw new Error('bad escape');
        this.i = end + 1;
      } else this.i += 4;
      return NOTHING;
    }
    if (c === 'x') {
      this.i += 2;
      return NOTHING;
    }
    if (c === 'c') {
      this.i += 1;
      return NOTHING;
    }
    if (c === 'k') {
      const end = s.indexOf('>', this.i);
      if (end < 0) throw new Error('bad backreference');
      this.i = end + 1;
      return NOTHING;
    }
    if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(s[this.i] ?? '')) this.i++;
      return NOTHING;
    }
    if (c === 'd') return DIGITS_INFO; // \d is ASCII digits, whatever the flags
    if (/[A-Za-z]/.test(c)) return NOTHING; // \w \s \n \t … : classes and control characters
    return this.literal(c); // an escaped syntax character: itself
  }
}

/**
 * Strings one of which any match of `source` (a pack regex, before the Unicode `\b` rewrite) contains,
 * lower-cased when `ignoreCase`; undefined when no useful requirement can be derived.
 */
export function requiredLiterals(source: string, ignoreCase: boolean): string[] | undefined {
  const info = parsed(source, ignoreCase);
  const req = info && asReq(info);
  return req && score(req) > 0 ? req : undefined;
}

/**
 * Strings one of which every match of `source` starts with (lower-cased when `ignoreCase`), none of them
 * empty; undefined when none can be derived. A match can then only start where one of them occurs.
 */
export function matchPrefixes(source: string, ignoreCase: boolean): string[] | undefined {
  const pre = parsed(source, ignoreCase)?.pre;
  return pre && score(pre) > 0 ? pre : undefined;
}

function parsed(source: string, ignoreCase: boolean): Info | null {
  try {
    return new Parser(source, ignoreCase).parse();
  } catch {
    return null;
  }
}

const ASCII_FOLD: Record<string, string> = { '\u212a': 'k', '\u017f': 's' };
for (let c = 65; c <= 90; c++) ASCII_FOLD[String.fromCharCode(c)] = String.fromCharCode(c + 32);

/**
 * The text with every character that a case-insensitive Unicode regex matches to an ASCII letter
 * written as that lower-case letter (A–Z, the Kelvin sign, the long s), and nothing else changed: same
 * length, so an ASCII literal's positions in it are its positions in the text.
 */
export function foldAsciiCase(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[A-Z\u212a\u017f]/g, (c) => ASCII_FOLD[c]!) : text.toLowerCase();
}

/** True when `text` (folded with foldAsciiCase when the literals were derived case-insensitively) contains one of the literals. */
export function containsAny(text: string, literals: readonly string[]): boolean {
  for (const l of literals) if (text.includes(l)) return true;
  return false;
}
